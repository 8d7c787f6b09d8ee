"""What the commands on the reaction scheme and the printed policy do (``graph``, ``react``,
``render``; issue 6), as plain functions: no click here, so tests and other code can call them.

Each loads the policy for its reaction scheme or its text; ``render`` publishes no policy with
errors (``refuse_with_errors``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from policy_rulebook.core.findings import ExitCode
from policy_rulebook.core.i18n import _

if TYPE_CHECKING:
    from policy_rulebook.core.document import Document
    from policy_rulebook.core.scheme import Scheme


def load_scheme(path: Path) -> tuple[Document, Scheme]:
    """The document at ``path`` and its reaction scheme; an input error without one."""
    from policy_rulebook.core import loader
    from policy_rulebook.core.findings import InputError
    from policy_rulebook.core.scheme import build

    document = loader.load(path)
    scheme = build(document)
    if scheme is None or not scheme.nodes:
        raise InputError(
            _(
                "{source}: the policy has no reaction scheme (`reactions` with "
                "`nodes`): run `rulebook lint`"
            ).format(source=document.source)
        )
    return document, scheme


def graph(path: Path, output_format: str, language: str | None) -> str:
    from policy_rulebook.documents import graph as drawing

    _, scheme = load_scheme(path)
    return drawing.render(scheme, output_format, drawing.choose_language(scheme, language))


@dataclass(frozen=True)
class ReactOptions:
    path: Path
    language: str | None = None
    answers: str | None = None


def react(
    options: ReactOptions, ask: Callable[[str, str], str] | None, say: Callable[[str], None]
) -> ExitCode:
    """Walk the scheme: with ``options.answers`` scripted (echoing each question and answer),
    otherwise with ``ask`` (interactive). The outcome report goes to ``say``."""
    from policy_rulebook.app import react as triage
    from policy_rulebook.documents.graph import choose_language

    document, scheme = load_scheme(options.path)
    language = choose_language(scheme, options.language)
    script = None
    if options.answers is not None:
        script = triage.Script([a for a in options.answers.split(",")])

        def echo(node_id: str, prompt: str) -> str:
            assert script is not None
            answer = script(node_id, prompt)
            say(f"{prompt}: {answer.strip()}")
            return answer

        ask = echo
    if ask is None:
        raise ValueError("react needs answers or a way to ask")
    result = triage.walk(scheme, language, ask, say)
    if script is not None:
        script.check_all_used(result.outcome)
    say(triage.report(document, scheme, result, language).rstrip("\n"))
    return ExitCode.CLEAN


@dataclass(frozen=True)
class RenderOptions:
    path: Path
    output_format: str = "html"
    language: str | None = None
    output: Path | None = None


def render(options: RenderOptions) -> str | bytes:
    """The rendered policy (bytes for docx and pdf); written atomically to ``options.output``
    when given (then ``""``)."""
    from policy_rulebook.core import loader
    from policy_rulebook.core.scheme import Scheme, build
    from policy_rulebook.documents import render as rendering
    from policy_rulebook.documents.graph import choose_language

    document = loader.load(options.path)
    refuse_with_errors(document, "render")
    scheme = build(document)
    language = choose_language(
        scheme or Scheme(None, languages=document.languages), options.language
    )
    text: str | bytes
    if options.output_format in ("docx", "pdf"):
        from policy_rulebook.documents import print_documents

        make = print_documents.docx if options.output_format == "docx" else print_documents.pdf
        text = make(document, scheme, language)
    else:
        edit = None
        if options.output_format == "html":
            from policy_rulebook.app.source_links import edit_links
            from policy_rulebook.linter import config

            edit = edit_links(config.load(None, Path.cwd(), {}), options.path)
        text = rendering.render(document, scheme, options.output_format, language, edit)
    if options.output is None:
        return text
    from policy_rulebook.app.output import deliver, protected_files

    return deliver(text, options.output, refuse=protected_files(options.path))


def refuse_with_errors(document: Document, what: str) -> None:
    """A policy with errors is not published: the first error and how many there are."""
    from policy_rulebook.core.findings import InputError, Severity
    from policy_rulebook.linter import engine

    errors = [f for f in engine.lint(document).findings if f.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        more = " " + _("and {count} more").format(count=len(errors) - 1) if len(errors) > 1 else ""
        raise InputError(
            _(
                "cannot {what} a policy with errors: {file}:{line}:{column}: "
                "{code} {message}{more}; run `rulebook lint` and fix them first"
            ).format(
                what=what,
                file=first.file,
                line=first.line,
                column=first.column,
                code=first.code,
                message=first.message,
                more=more,
            )
        )
