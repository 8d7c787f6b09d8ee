"""The console script's first code: Ctrl-C while the command is still starting (importing
click and the rest takes some 50 ms) ends quietly with exit 130, never a traceback. The rest
is ``policy_rulebook.cli.main``, which restores Python's own handling of Ctrl-C as the first
statement inside its ``try`` (so a Ctrl-C at any instant is caught by one or the other: with the
switch here, one landing between the switch and that ``try`` was a traceback)."""

from __future__ import annotations

import os
import signal
import sys


def _interrupted(signum: int, frame: object) -> None:
    os.write(2, b"rulebook: interrupted\n")
    os._exit(130)  # nothing to clean up yet: nothing has been written


def main() -> None:
    signal.signal(signal.SIGINT, _interrupted)
    from policy_rulebook.cli import main as run

    run(sys.argv[1:])


if __name__ == "__main__":
    main()
