"""``python -m policy_rulebook``: the same as the ``rulebook`` command."""

from policy_rulebook.entry import main

if __name__ == "__main__":
    main()
