"""The commands an author of the policy uses besides ``lint``: those that write its files,
``fmt`` (the canonical layout) and ``init`` (a new policy, one file per section), and those that
describe what rulebook expects, ``schema`` (the JSON Schema of a rulebook, for editors),
``rules`` (every check) and ``explain`` (one check).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # pathlib is imported when a command runs: see PathType
    from pathlib import Path

from policy_rulebook.cli.options import (
    _OUTPUT,
    PROFILE_NAMES,
    PathType,
    _policy_languages,
    _size,
    lang_option,
)
from policy_rulebook.cli.output import deliver, emit
from policy_rulebook.core.exits import ExitCode


@click.command()
@lang_option
@click.argument("path", type=PathType(), default="rulebook")
@click.option(
    "--check",
    is_flag=True,
    help="Change nothing; list the files that would change and exit 1 if any.",
)
@click.option("--diff", is_flag=True, help="Change nothing; show the changes as a diff.")
@click.option(
    "--max-file-size",
    "max_bytes",
    callback=_size,
    metavar="SIZE",
    help="Larger files are not read; like 4M or 500k [default: 4M].",
)
def fmt(path: Path, check: bool, diff: bool, max_bytes: int | None) -> None:
    """Give the policy at PATH its canonical layout, keeping every comment.

    \b
    Indentation, quotes, and keys in the schema's order; files with problems that stop
    reading them (RB001-RB009, RB012) are skipped (exit 2). Only changed files are written.
    """
    from policy_rulebook.app.authoring_actions import FmtOptions
    from policy_rulebook.app.authoring_actions import fmt as run

    out, err, code = run(FmtOptions(path, check, diff, max_bytes))
    click.echo(err, nl=False, err=True)
    emit(out, code)


@click.command()
@click.argument("directory", type=PathType(), default="rulebook")
@click.option(
    "--lang",
    "languages",
    default="nl,en",
    show_default=True,
    metavar="CODES",
    callback=_policy_languages,
    is_eager=True,
    help="The policy's languages, primary first, like nl or nl,en (messages in the first).",
)
@click.option("--organisation", metavar="NAME", help="The organisation's name.")
@click.option(
    "--profile",
    type=click.Choice(PROFILE_NAMES),
    help="The kind of organisation (meta.profile): it decides which checks apply.",
)
def init(directory: Path, languages: str, organisation: str | None, profile: str | None) -> None:
    """Start a new policy in DIRECTORY (default ./rulebook), one file per section.

    Each file explains what the article asks of that element and holds placeholders;
    `rulebook lint` then lists what is still to write. Never overwrites a file.
    """
    from policy_rulebook.app.authoring_actions import InitOptions
    from policy_rulebook.app.authoring_actions import init as run

    emit(*run(InitOptions(directory, languages, organisation, profile)))


@click.command()
@_OUTPUT
@lang_option
def schema(output: Path | None) -> None:
    """Print the JSON Schema of a rulebook (for editors and other tools)."""
    from policy_rulebook.app.actions import schema as run

    deliver(run(), output=output)


@click.command()
@lang_option
def rules() -> None:
    """List every check: code, name, default severity and what it finds."""
    from policy_rulebook.linter.explain import render_rules

    emit(render_rules(), ExitCode.CLEAN)


@click.command()
@lang_option
@click.argument("code")
def explain(code: str) -> None:
    """Explain the check CODE (or name): what it checks, why, how to fix it, with examples."""
    from policy_rulebook.app.actions import explain as run

    emit(run(code), ExitCode.CLEAN)
