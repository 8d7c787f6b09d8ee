"""The ``rulebook`` command line. Each command parses options and calls a plain function.

Only click and the standard library are imported at start-up: the linter runs on every commit.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from linter import __version__
from linter.findings import ExitCode, InputError

F = TypeVar("F", bound=Callable[..., Any])


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _use_color(stream: Any) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def emit(text: str, code: ExitCode) -> None:
    click.echo(text, nl=False)
    sys.exit(int(code))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="rulebook")
def cli() -> None:
    """Policy-as-code for an organisation's social-media policy.

    \b
    Exit codes: 0 clean, 1 findings, 2 usage or input error, 3 internal error.
    """


@cli.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("rulebook"))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="How to report findings.")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("--today", callback=_date, metavar="YYYY-MM-DD",
              help="The date of today, for reproducible builds (default: the real date).")
def lint(path: Path, output_format: str, strict: bool, today: dt.date | None) -> None:
    """Check that the policy at PATH (default ./rulebook) is complete and valid."""
    from linter.actions import LintOptions
    from linter.actions import lint as run

    options = LintOptions(path, output_format, strict, today, _use_color(sys.stdout))
    emit(*run(options))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a rulebook (for editors and other tools)."""
    from linter.actions import schema as run

    click.echo(run(), nl=False)


# --- reaction scheme: graph, react, render (issue 6) ---------------------------------------

_LANG_HELP = "Language of the output (default: the policy's first language)."


@cli.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("rulebook"))
@click.option("--format", "output_format", type=click.Choice(["mermaid", "dot"]),
              default="mermaid", show_default=True, help="Mermaid (GitHub) or Graphviz DOT.")
@click.option("--lang", "language", metavar="LANG", help=_LANG_HELP)
def graph(path: Path, output_format: str, language: str | None) -> None:
    """Draw the reaction scheme of the policy at PATH as a diagram."""
    from linter.actions import graph as run

    click.echo(run(path, output_format, language), nl=False)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("rulebook"))
@click.option("--lang", "language", metavar="LANG", help=_LANG_HELP)
@click.option("--answers", metavar="yes,no,...",
              help="Answer the questions from this list instead of asking (for scripts).")
def react(path: Path, language: str | None, answers: str | None) -> None:
    """Walk the reaction scheme question by question: what to do with this post?

    \b
    Answer yes or no (ja or nee), or ? for help on a question. Ctrl-C stops (exit 130).
    """
    from linter.actions import ReactOptions
    from linter.actions import react as run

    def ask(node_id: str, prompt: str) -> str:
        click.echo(f"{prompt}: ", nl=False)
        line = sys.stdin.readline()
        if not line:
            click.echo()
            raise InputError(f"no answer to the question `{node_id}` (the input ended)")
        return line

    sys.exit(int(run(ReactOptions(path, language, answers), ask, click.echo)))


@cli.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("rulebook"))
@click.option("--format", "output_format", type=click.Choice(["markdown", "html"]),
              default="html", show_default=True, help="A Markdown page or one HTML file.")
@click.option("--lang", "language", metavar="LANG", help=_LANG_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file (atomically) instead of standard output.")
def render(path: Path, output_format: str, language: str | None, output: Path | None) -> None:
    """Render the whole policy at PATH as a document for staff."""
    from linter.actions import RenderOptions
    from linter.actions import render as run

    click.echo(run(RenderOptions(path, output_format, language, output)), nl=False)


def main(argv: list[str] | None = None) -> None:
    """Entry point: the documented exit codes, one line on error, never a traceback."""
    try:
        cli.main(args=argv, prog_name="rulebook", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("rulebook: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(ExitCode.USAGE)
    except InputError as error:
        click.echo(f"rulebook: error: {error}", err=True)
        sys.exit(ExitCode.USAGE)
    except KeyboardInterrupt:
        click.echo("rulebook: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(ExitCode.CLEAN)
    except SystemExit:
        raise
    except Exception as error:  # the promise: never a traceback
        click.echo(f"rulebook: internal error: {type(error).__name__}: {error} "
                   "(please report this)", err=True)
        sys.exit(ExitCode.INTERNAL)
    sys.exit(ExitCode.CLEAN)


if __name__ == "__main__":
    main()
