"""``rulebook lint``: check that a policy is complete and valid (app.actions.lint), and with
``--base`` its version discipline against a git revision (app.history_actions).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # pathlib and datetime are imported when a command runs: see PathType
    import datetime as dt
    from pathlib import Path

from policy_rulebook.cli.options import (
    PROFILE_NAMES,
    PathType,
    _date,
    _size,
    lang_option,
)
from policy_rulebook.cli.output import emit
from policy_rulebook.linter.reporters import REPORTERS

#: The names of the output formats, from the one reporter table.
FORMAT_NAMES = tuple(REPORTERS)


def _use_color(stream: Any) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


@click.command()
@lang_option
@click.argument("path", type=PathType(), required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMAT_NAMES),
    help="How to report findings  [default: text].",
)
@click.option(
    "--output",
    "-o",
    type=PathType(dir_okay=False),
    help="Write the report to FILE (atomically) instead of standard output.",
)
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1); as --fail-on warning.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    help="The least severe finding that fails the run  [default: error].",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Run only checks whose code starts with one of these (comma-separated).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Skip checks whose code starts with one of these (comma-separated).",
)
@click.option(
    "--show-suppressed",
    is_flag=True,
    help="Also list the findings silenced by suppression comments, with the reasons.",
)
@click.option(
    "--config",
    type=PathType(dir_okay=False),
    help="The configuration file (default: the nearest .rulebook.yaml or "
    "pyproject.toml with [tool.rulebook], looking upward).",
)
@click.option(
    "--today",
    callback=_date,
    metavar="YYYY-MM-DD",
    help="The date of today, for reproducible builds (default: the real date).",
)
@click.option(
    "--max-file-size",
    "max_bytes",
    callback=_size,
    metavar="SIZE",
    help="Larger files are not read (RB006); like 4M or 500k [default: 4M].",
)
@click.option(
    "--profile",
    type=click.Choice(PROFILE_NAMES),
    help="Lint as this kind of organisation instead of meta.profile (to try one).",
)
@click.option(
    "--base",
    metavar="REV",
    help="Also check version discipline (RB901-RB903) against this git revision.",
)
@click.option(
    "--changed-only",
    is_flag=True,
    help="With --base: report only findings on items added or changed since REV.",
)
def lint(
    path: Path | None,
    output_format: str | None,
    output: Path | None,
    strict: bool,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    show_suppressed: bool,
    config: Path | None,
    today: dt.date | None,
    max_bytes: int | None,
    profile: str | None,
    base: str | None,
    changed_only: bool,
) -> None:
    """Check that the policy at PATH (default ./rulebook) is complete and valid.

    Options override the configuration file. A finding can be silenced for one item with a
    comment on it: `# rulebook: ignore[CODE] reason: ... until: YYYY-MM-DD`.
    """
    from policy_rulebook.app.actions import LintOptions
    from policy_rulebook.app.actions import lint as run

    options = LintOptions(
        path,
        output_format,
        strict,
        today,
        _use_color(sys.stdout),
        config,
        select,
        ignore,
        fail_on,
        output,
        show_suppressed,
        max_bytes,
        profile,
    )
    if base is not None or changed_only:
        from policy_rulebook.app.lint_base_actions import lint_against_base

        emit(*lint_against_base(options, base, changed_only), escaped=True)
    emit(*run(options), escaped=True)
