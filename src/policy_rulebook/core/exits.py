"""The exit codes and the error a user can fix: all that ``rulebook --help`` needs of the
core (``core.findings`` re-exports both; its dataclasses cost the help a few milliseconds)."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """The documented, stable exit codes of every ``rulebook`` command."""

    CLEAN = 0
    FINDINGS = 1
    USAGE = 2
    INTERNAL = 3


class InputError(Exception):
    """Bad input the user can fix (missing path, bad option, bad revision): exit code 2."""
