"""What the commands do, as plain functions: no click here, so tests and other code can call them.

Each returns the text to print and the exit code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from linter.findings import ExitCode

if TYPE_CHECKING:
    from linter.document import Document
    from linter.scheme import Scheme


@dataclass(frozen=True)
class LintOptions:
    path: Path
    output_format: str = "text"
    strict: bool = False
    today: dt.date | None = None
    color: bool = False


def lint(options: LintOptions) -> tuple[str, ExitCode]:
    from linter import engine, loader, reporters
    from linter.checks import Context

    document = loader.load(options.path)
    context = Context(today=options.today) if options.today else Context()
    report = engine.lint(document, context)
    output = reporters.get(options.output_format)(report, options.color)
    code = ExitCode.FINDINGS if report.fails(options.strict) else ExitCode.CLEAN
    return output, code


def schema() -> str:
    from linter.schema import schema_text

    return schema_text()


# --- reaction scheme: graph, react, render (issue 6) ---------------------------------------

def load_scheme(path: Path) -> tuple[Document, Scheme]:
    """The document at ``path`` and its reaction scheme; an input error without one."""
    from linter import loader
    from linter.findings import InputError
    from linter.scheme import build

    document = loader.load(path)
    scheme = build(document)
    if scheme is None or not scheme.nodes:
        raise InputError(f"{document.source}: the policy has no reaction scheme "
                         "(`reactions` with `nodes`): run `rulebook lint`")
    return document, scheme


def graph(path: Path, output_format: str, language: str | None) -> str:
    from linter import graph as drawing

    _, scheme = load_scheme(path)
    return drawing.render(scheme, output_format, drawing.choose_language(scheme, language))


@dataclass(frozen=True)
class ReactOptions:
    path: Path
    language: str | None = None
    answers: str | None = None


def react(options: ReactOptions, ask: Callable[[str, str], str] | None,
          say: Callable[[str], None]) -> ExitCode:
    """Walk the scheme: with ``options.answers`` scripted (echoing each question and answer),
    otherwise with ``ask`` (interactive). The outcome report goes to ``say``."""
    from linter import react as triage
    from linter.graph import choose_language

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


def render(options: RenderOptions) -> str:
    """The rendered policy; written atomically to ``options.output`` when given (then ``""``)."""
    from linter import loader
    from linter import render as rendering
    from linter.graph import choose_language
    from linter.scheme import Scheme, build

    document = loader.load(options.path)
    refuse_with_errors(document, "render")
    scheme = build(document)
    language = choose_language(scheme or Scheme(None, languages=document.languages),
                               options.language)
    text = rendering.render(document, scheme, options.output_format, language)
    if options.output is None:
        return text
    rendering.write_atomic(options.output, text)
    return ""


def refuse_with_errors(document: Document, what: str) -> None:
    """A policy with errors is not published: the first error and how many there are."""
    from linter import engine
    from linter.findings import InputError, Severity

    errors = [f for f in engine.lint(document).findings if f.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        more = f" and {len(errors) - 1} more" if len(errors) > 1 else ""
        raise InputError(f"cannot {what} a policy with errors: {first.file}:{first.line}:"
                         f"{first.column}: {first.code} {first.message}{more}; run "
                         "`rulebook lint` and fix them first")
