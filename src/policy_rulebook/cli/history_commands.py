"""The commands on the policy's versions in git: ``diff`` (two revisions, rule by rule),
``history`` (the versions) and ``changelog`` (announce each version), all in
app.history_actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # pathlib is imported when a command runs: see PathType
    from pathlib import Path

from policy_rulebook.cli.options import _OUTPUT, PathType, _choose_language, lang_option
from policy_rulebook.cli.output import deliver

_POLICY = click.argument("path", type=PathType(), default="rulebook")


@click.command()
@_POLICY
@click.option(
    "--from",
    "from_rev",
    required=True,
    metavar="REV",
    help="The older revision (a commit, tag or branch) or policy version (1.1.0).",
)
@click.option(
    "--to",
    "to_rev",
    metavar="REV",
    help="The newer revision or policy version (default: the working tree, with its edits).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json", "html", "docx"]),
    default="text",
    show_default=True,
    help="How to show the changes (docx: Word, tracked changes).",
)
@click.option(
    "--lang",
    metavar="LANG",
    callback=_choose_language,
    is_eager=True,  # before the other options: their errors in this language
    help="One of the policy's languages, for the labels and phrases (default: its first language).",
)
@_OUTPUT
def diff(
    path: Path,
    from_rev: str,
    to_rev: str | None,
    output_format: str,
    lang: str | None,
    output: Path | None,
) -> None:
    """What changed in the policy at PATH between two revisions, rule by rule (for legal: every
    change, marked editorial or not, with who changed it)."""
    from policy_rulebook.app.history_actions import diff as run

    deliver(*run(path, from_rev, to_rev, output_format, lang), output=output, read=path)


@click.command()
@lang_option
@_POLICY
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to list the versions.",
)
@_OUTPUT
def history(path: Path, output_format: str, output: Path | None) -> None:
    """List the versions of the policy at PATH (commits where meta.version changed)."""
    from policy_rulebook.app.history_actions import history as run

    deliver(*run(path, output_format), output=output, read=path)


@click.command()
@_POLICY
@click.option(
    "--from",
    "from_rev",
    metavar="REV",
    help="Only versions after this revision or policy version (default: every version).",
)
@click.option(
    "--to", "to_rev", metavar="REV", help="The last revision or policy version (default: HEAD)."
)
@click.option(
    "--audience",
    type=click.Choice(["staff", "legal"]),
    default="staff",
    show_default=True,
    help="staff: a short announcement; legal: every change with a redline and who.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "html", "json", "text", "docx", "eml"]),
    default="markdown",
    show_default=True,
    help="How to write it (docx: Word, tracked changes for legal; eml: an e-mail ready to "
    "send, for staff).",
)
@click.option(
    "--lang",
    metavar="LANG",
    callback=_choose_language,
    is_eager=True,  # before the other options: their errors in this language
    help="One of the policy's languages (default: its first language).",
)
@_OUTPUT
def changelog(
    path: Path,
    from_rev: str | None,
    to_rev: str | None,
    audience: str,
    output_format: str,
    lang: str | None,
    output: Path | None,
) -> None:
    """Announce each version of the policy at PATH, newest first."""
    from policy_rulebook.app.history_actions import changelog as run

    deliver(*run(path, from_rev, to_rev, audience, output_format, lang), output=output, read=path)
