"""The commands that show the policy to the people who use it: ``graph`` (the reaction scheme
as a diagram), ``react`` (walk the scheme question by question), ``render`` (the whole policy as
a document for staff) and ``review`` (the questions a legal or communications reviewer must
answer), in app.document_actions and app.review.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # pathlib is imported when a command runs: see PathType
    from pathlib import Path

from policy_rulebook.cli.options import (
    _OUTPUT,
    PROFILE_NAMES,
    PathType,
    _choose_language,
)
from policy_rulebook.cli.output import _, deliver
from policy_rulebook.core.exits import InputError

_LANG_HELP = "Language of the output (default: the policy's first language)."


@click.command()
@click.argument("path", type=PathType(), default="rulebook")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["mermaid", "dot"]),
    default="mermaid",
    show_default=True,
    help="Mermaid (GitHub) or Graphviz DOT.",
)
@click.option(
    "--lang", "language", metavar="LANG", help=_LANG_HELP, callback=_choose_language, is_eager=True
)
@_OUTPUT
def graph(path: Path, output_format: str, language: str | None, output: Path | None) -> None:
    """Draw the reaction scheme of the policy at PATH as a diagram."""
    from policy_rulebook.app.document_actions import graph as run

    deliver(run(path, output_format, language), output=output, read=path)


@click.command()
@click.argument("path", type=PathType(), default="rulebook")
@click.option(
    "--lang", "language", metavar="LANG", help=_LANG_HELP, callback=_choose_language, is_eager=True
)
@click.option(
    "--answers",
    metavar="yes,no,...",
    help="Answer the questions from this list instead of asking (for scripts).",
)
def react(path: Path, language: str | None, answers: str | None) -> None:
    """Walk the reaction scheme question by question: what to do with this post?

    \b
    Answer yes or no (ja or nee), or ? for help on a question. Ctrl-C stops (exit 130).
    """
    from policy_rulebook.app.document_actions import ReactOptions
    from policy_rulebook.app.document_actions import react as run

    def ask(node_id: str, prompt: str) -> str:
        click.echo(f"{prompt}: ", nl=False)
        line = sys.stdin.readline()
        if not line:
            click.echo()
            raise InputError(
                _("no answer to the question `{node_id}` (the input ended)").format(node_id=node_id)
            )
        return line

    sys.exit(int(run(ReactOptions(path, language, answers), ask, click.echo)))


@click.command()
@click.argument("path", type=PathType(), default="rulebook")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "html", "docx", "pdf"]),
    default="html",
    show_default=True,
    help="A Markdown page, one HTML file, a Word file or a PDF (extra `pdf`).",
)
@click.option(
    "--lang", "language", metavar="LANG", help=_LANG_HELP, callback=_choose_language, is_eager=True
)
@_OUTPUT
def render(path: Path, output_format: str, language: str | None, output: Path | None) -> None:
    """Render the whole policy at PATH as a document for staff."""
    from policy_rulebook.app.document_actions import RenderOptions
    from policy_rulebook.app.document_actions import render as run

    deliver(run(RenderOptions(path, output_format, language, output)))


@click.command()
@click.argument("path", type=PathType(), default="rulebook")
@click.option(
    "--profile",
    type=click.Choice(PROFILE_NAMES),
    help="The questions of this profile (default: the policy's meta.profile).",
)
@click.option("--lang", "language", metavar="LANG", help=_LANG_HELP, callback=_choose_language)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to list the questions.",
)
@_OUTPUT
def review(
    path: Path, profile: str | None, language: str | None, output_format: str, output: Path | None
) -> None:
    """List the review questions of the policy's profile that a legal or communications
    reviewer must answer, each with its legal source, and which ones the policy has answered
    (in meta.review)."""
    from policy_rulebook.app.review import review as run

    deliver(run(path, profile, language, output_format), output=output, read=path)
