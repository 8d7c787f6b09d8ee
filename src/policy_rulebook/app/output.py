"""Where a command's document or report goes: standard output, or a file written atomically.

A binary document (docx, pdf) is never written to a terminal: one clear line, exit 2.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from policy_rulebook.core.findings import InputError

#: The formats whose output is bytes, not text.
BINARY_FORMATS = frozenset({"docx", "pdf", "eml"})


def policy_files(path: Path) -> list[Path]:
    """The policy files at ``path``: an output file must never be one of them."""
    from policy_rulebook.core import files

    try:
        return files.discover(path)
    except InputError:
        return []


def protected_files(path: Path | None) -> list[Path]:
    """What ``-o`` never replaces: the policy files at ``path`` (the policy the command
    read; None: none) and the configuration file that governs this checkout
    (``config_file.find``, as ``lint`` looks for it), whether or not this command read it:
    ``diff -o .rulebook.yaml`` is a slip of the hand, never meant."""
    from policy_rulebook.linter import config_file

    here = Path.cwd().absolute()
    found = config_file.find(here, config_file.repository_root(here))
    policy = policy_files(path) if path is not None else []
    return [*policy, *([found] if found is not None else [])]


def deliver(
    content: str | bytes, output: Path | None, stream: Any = None, refuse: Sequence[Path] = ()
) -> str:
    """Write ``content`` to ``output`` (atomically, never onto one of the files in ``refuse``:
    the policy that was read) and return ``""``; without ``output``, return text for the
    command to print, or write bytes to ``stream`` (standard output) unless it is a terminal."""
    from policy_rulebook.core import atomic
    from policy_rulebook.core.i18n import _

    if output is not None:
        if isinstance(content, bytes):
            atomic.write_bytes(output, content, refuse=refuse)
        else:
            atomic.write_text(output, content, refuse=refuse)
        return ""
    if isinstance(content, str):
        return content
    stream = stream or sys.stdout
    if getattr(stream, "isatty", lambda: False)():
        raise InputError(
            _(
                "this format is binary and is not written to a terminal: "
                "use -o FILE (or redirect the output to a file)"
            )
        )
    binary = getattr(stream, "buffer", stream)
    binary.write(content)
    binary.flush()
    return ""
