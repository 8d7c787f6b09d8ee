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


_SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2,
               "mib": 1024**2, "g": 1024**3, "gb": 1024**3, "gib": 1024**3}


def _size(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """A size such as ``4M``, ``500k`` or ``1048576`` (bytes)."""
    if value is None:
        return None
    text = value.strip().lower()
    number = text.rstrip("kmgib")
    unit = text[len(number):]
    try:
        size = int(float(number) * _SIZE_UNITS[unit])
    except (ValueError, KeyError):
        raise click.BadParameter(f"{value!r} is not a size such as 4M, 500k or 1048576") from None
    if size <= 0:
        raise click.BadParameter(f"{value!r} is not a positive size")
    return size


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
@click.option("--max-file-size", "max_bytes", callback=_size, metavar="SIZE",
              help="Larger files are not read (RB006); like 4M or 500k [default: 4M].")
def lint(path: Path, output_format: str, strict: bool, today: dt.date | None,
         max_bytes: int | None) -> None:
    """Check that the policy at PATH (default ./rulebook) is complete and valid."""
    from linter.actions import LintOptions
    from linter.actions import lint as run

    options = LintOptions(path, output_format, strict, today, _use_color(sys.stdout),
                          max_bytes=max_bytes)
    emit(*run(options))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a rulebook (for editors and other tools)."""
    from linter.actions import schema as run

    click.echo(run(), nl=False)


# --- fmt and init (robust) ------------------------------------------------------------------

@cli.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("rulebook"))
@click.option("--check", is_flag=True,
              help="Change nothing; list the files that would change and exit 1 if any.")
@click.option("--diff", is_flag=True, help="Change nothing; show the changes as a diff.")
@click.option("--max-file-size", "max_bytes", callback=_size, metavar="SIZE",
              help="Larger files are not read; like 4M or 500k [default: 4M].")
def fmt(path: Path, check: bool, diff: bool, max_bytes: int | None) -> None:
    """Give the policy at PATH its canonical layout, keeping every comment.

    \b
    Indentation, quotes, and keys in the schema's order; files with problems that stop
    reading them (RB001-RB009, RB012) are skipped (exit 2). Only changed files are written.
    """
    from linter.actions import FmtOptions
    from linter.actions import fmt as run

    out, err, code = run(FmtOptions(path, check, diff, max_bytes))
    click.echo(err, nl=False, err=True)
    emit(out, code)


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path), default=Path("rulebook"))
@click.option("--lang", "languages", default="nl,en", show_default=True, metavar="CODES",
              help="The policy's languages, primary first, like nl or nl,en.")
@click.option("--organisation", metavar="NAME", help="The organisation's name.")
def init(directory: Path, languages: str, organisation: str | None) -> None:
    """Start a new policy in DIRECTORY (default ./rulebook), one file per section.

    Each file explains what the article asks of that element and holds placeholders;
    `rulebook lint` then lists what is still to write. Never overwrites a file.
    """
    from linter.actions import InitOptions
    from linter.actions import init as run

    emit(*run(InitOptions(directory, languages, organisation)))


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
        from linter.terminal import safe

        click.echo(f"rulebook: error: {safe(str(error))}", err=True)
        sys.exit(ExitCode.USAGE)
    except KeyboardInterrupt:
        click.echo("rulebook: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(ExitCode.CLEAN)
    except SystemExit:
        raise
    except Exception as error:  # the promise: never a traceback
        from linter.terminal import safe

        click.echo(f"rulebook: internal error: {type(error).__name__}: {safe(str(error))} "
                   "(please report this)", err=True)
        sys.exit(ExitCode.INTERNAL)
    sys.exit(ExitCode.CLEAN)


if __name__ == "__main__":
    main()
