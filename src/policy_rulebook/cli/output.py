"""What a command shows: its output on standard output (or in a file, ``-o``), a line on
standard error, and the reader going away (a closed pipe) or the disk filling up.

Only click and the standard library are imported at start-up (see ``policy_rulebook.cli``).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # pathlib is imported when a command runs: see options.PathType
    from pathlib import Path

from policy_rulebook.core.exits import ExitCode, InputError


def _(message: str) -> str:
    """core.i18n's ``_``, imported when a message is shown (not at start-up: `--help` stays
    light, see tests/test_imports.py)."""
    from policy_rulebook.core.i18n import _ as translate

    return translate(message)


def emit(text: str, code: ExitCode, *, escaped: bool = False) -> None:
    """Print a command's output and exit. Control characters from the data (an author name
    from git with ``\\e]0;...``) are shown as escapes, never sent raw; ``escaped``: the
    output did that itself (lint's reporters, which may colour)."""
    if not escaped:
        from policy_rulebook.core.escape import terminal

        text = terminal(text)
    try:
        click.echo(text, nl=False)
        sys.stdout.flush()
    except BrokenPipeError:
        _closed_pipe()
    except OSError as error:  # a full disk (/dev/full), an I/O error: not "internal"
        _closed_pipe()
        raise InputError(
            _("cannot write to standard output: {reason}").format(
                reason=error.strerror or type(error).__name__
            )
        ) from None
    sys.exit(int(code))


def deliver(
    content: str | bytes,
    code: ExitCode = ExitCode.CLEAN,
    output: Path | None = None,
    read: Path | None = None,
) -> None:
    """Print ``content`` or write it to ``output``; bytes (docx, pdf) never to a terminal.
    Text is escaped the same way for both (git data may hold escape sequences), and the
    output is never one of the policy files read at ``read`` nor the configuration."""
    from policy_rulebook.app.output import deliver as run
    from policy_rulebook.app.output import protected_files
    from policy_rulebook.core.escape import terminal

    if isinstance(content, str):
        content = terminal(content)
    refuse = protected_files(read) if output is not None else []
    emit(run(content, output, refuse=refuse), code, escaped=True)


def _closed_pipe(stream: Any = None) -> None:
    """The reader stopped reading (``rulebook lint | head -1``): like other command-line
    tools, stop quietly; the exit code stays that of the run. Standard output (or
    ``stream``) is pointed at /dev/null so that Python's final flush does not complain."""
    stream = stream or sys.stdout
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):
        return  # not a real file (a test's capture): nothing will be flushed at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def _say(line: str) -> None:
    """One line on standard error, if it can still be written (a full disk): the exit code
    says the rest."""
    try:
        click.echo(line, err=True)
    except OSError:
        _closed_pipe(sys.stderr)
