"""The ``rulebook`` command line. Each command parses options and calls a plain function.

Only click and the standard library are imported at start-up: the linter runs on every commit.

The commands live by journey: ``lint_command`` (lint), ``history_commands`` (diff, history,
changelog), ``document_commands`` (graph, react, render, review) and ``authoring_commands``
(fmt, init, schema, rules, explain); the options they share in ``options``, what they print in
``output``. A few modules rather than one per command: each module imported costs
``rulebook --help`` some 0.2 ms. Here the group gathers the commands, and ``main`` keeps the
promise of the documented exit codes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys

import click

from policy_rulebook import __version__
from policy_rulebook.cli import (
    authoring_commands,
    document_commands,
    history_commands,
    lint_command,
)
from policy_rulebook.cli.lint_command import FORMAT_NAMES
from policy_rulebook.cli.options import PROFILE_NAMES
from policy_rulebook.cli.output import _, _closed_pipe, _say
from policy_rulebook.core.exits import ExitCode, InputError

__all__ = ["FORMAT_NAMES", "PROFILE_NAMES", "cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="rulebook")
def cli() -> None:
    """Policy-as-code for an organisation's social-media policy.

    \b
    Exit codes: 0 clean, 1 findings, 2 usage or input error, 3 internal error.
    """


for _command in (
    lint_command.lint,
    authoring_commands.schema,
    history_commands.diff,
    history_commands.history,
    history_commands.changelog,
    authoring_commands.rules,
    authoring_commands.explain,
    document_commands.graph,
    document_commands.react,
    document_commands.render,
    authoring_commands.fmt,
    authoring_commands.init,
    document_commands.review,
):
    cli.add_command(_command)


def _speak_the_policys_language() -> None:
    """A usage error in the language lint would speak here (never an error of its own)."""
    try:
        from policy_rulebook.app.actions import speak_the_policys_language_here

        speak_the_policys_language_here()
    except Exception:  # the usage error is the message; a language is a nicety
        return


def _check_environment() -> None:
    """An unknown ``RULEBOOK_LANG`` is a usage error, as ``--lang`` would be."""
    value = os.environ.get("RULEBOOK_LANG")
    if value:
        from policy_rulebook.usage import environment_language_error

        problem = environment_language_error(value)
        if problem:
            raise InputError(problem)


def main(argv: list[str] | None = None) -> None:
    """Entry point: the documented exit codes, one line on error, never a traceback."""
    try:
        # Python's own Ctrl-C from here on (entry.py's quick exit covered the start-up): a
        # KeyboardInterrupt is caught below wherever it lands.
        with contextlib.suppress(ValueError):  # not the main thread (an embedding program)
            signal.signal(signal.SIGINT, signal.default_int_handler)
        _check_environment()
        cli.main(args=argv, prog_name="rulebook", standalone_mode=False)
    except click.exceptions.Abort:
        _say("rulebook: " + _("interrupted"))
        sys.exit(130)
    except click.ClickException as error:
        from policy_rulebook.core import i18n
        from policy_rulebook.core.escape import terminal as safe
        from policy_rulebook.usage import describe, language_in, worded_by_us

        chosen = language_in(sys.argv[1:] if argv is None else argv)
        if chosen:
            i18n.set_language(chosen)
        elif worded_by_us(error):  # else its words are in the language of when it was raised
            _speak_the_policys_language()
        message = describe(error)
        try:
            click.echo("rulebook: " + _("error: {message}").format(message=safe(message)), err=True)
        except OSError:  # standard error is full or gone: the exit code still says 2
            _closed_pipe(sys.stderr)
        sys.exit(ExitCode.USAGE)
    except InputError as error:
        from policy_rulebook.core.escape import terminal as safe

        _say("rulebook: " + _("error: {message}").format(message=safe(str(error))))
        sys.exit(ExitCode.USAGE)
    except KeyboardInterrupt:
        _say("rulebook: " + _("interrupted"))
        sys.exit(130)
    except BrokenPipeError:
        _closed_pipe()
        sys.exit(ExitCode.CLEAN)
    except SystemExit:
        raise
    except Exception as error:  # the promise: never a traceback
        from policy_rulebook.core.escape import terminal as safe

        _say(
            "rulebook: "
            + _("internal error: {kind}: {message} (please report this)").format(
                kind=type(error).__name__, message=safe(str(error))
            )
        )
        sys.exit(ExitCode.INTERNAL)
    except BaseException as error:
        # A Ctrl-C that lands while a compiled extension (jsonschema-rs, via PyO3) is being
        # imported surfaces as its PanicException, a BaseException: still an interruption.
        if type(error).__name__ != "PanicException":
            raise
        interrupted = isinstance(error.__context__, KeyboardInterrupt)
        click.echo(
            "rulebook: "
            + (
                _("interrupted")
                if interrupted
                else _("internal error: {kind}: {message} (please report this)").format(
                    kind=type(error).__name__, message=str(error)[:200]
                )
            ),
            err=True,
        )
        sys.exit(130 if interrupted else ExitCode.INTERNAL)
    sys.exit(ExitCode.CLEAN)
