"""What the commands do, as plain functions: no click here, so tests and other code can call them.

Each returns the text to print and the exit code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from linter.findings import ExitCode


@dataclass(frozen=True)
class LintOptions:
    path: Path
    output_format: str = "text"
    strict: bool = False
    today: dt.date | None = None
    color: bool = False
    max_bytes: int | None = None  # None: loader.DEFAULT_MAX_BYTES


def lint(options: LintOptions) -> tuple[str, ExitCode]:
    from linter import engine, loader, reporters
    from linter.checks import Context

    document = loader.load(options.path, max_bytes=options.max_bytes or loader.DEFAULT_MAX_BYTES)
    context = Context(today=options.today) if options.today else Context()
    report = engine.lint(document, context)
    output = reporters.get(options.output_format)(report, options.color)
    code = ExitCode.FINDINGS if report.fails(options.strict) else ExitCode.CLEAN
    return output, code


def schema() -> str:
    from linter.schema import schema_text

    return schema_text()
