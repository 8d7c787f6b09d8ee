"""``python -m policy_rulebook.cli``: the command line without entry.py's quick exit on Ctrl-C
at start-up (as ``python -m policy_rulebook.cli`` was when the command line was one module)."""

from policy_rulebook.cli import main

if __name__ == "__main__":
    main()
