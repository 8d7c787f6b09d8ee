"""What the commands do, as plain functions: no click here, so tests and other code can call them.

Each returns the text to print and the exit code.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from linter.findings import ExitCode

if TYPE_CHECKING:
    from linter.config import Settings
    from linter.document import Document
    from linter.engine import Report
    from linter.findings import Severity

#: A step after the checks, before severities and rendering (``lint --base`` can add its
#: findings here): (the document, the report so far, the settings) -> the report.
Extend = Callable[["Document", "Report", "Settings"], "Report"]


@dataclass(frozen=True)
class LintOptions:
    """What was given on the command line; None (or empty) means "not given": the
    configuration file or the default decides."""

    path: Path | None = None
    output_format: str | None = None
    strict: bool = False
    today: dt.date | None = None
    color: bool = False
    config: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    output: Path | None = None
    show_suppressed: bool = False


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector: a long policy is some hundred thousand objects that
    all live until the end, and every collection would walk them all again (a tenth of the
    time of a large lint). Nothing in a lint makes cycles to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def lint(options: LintOptions, extend: Extend | None = None) -> tuple[str, ExitCode]:
    """Configuration, checks, suppressions, severities, then the report in its format."""
    from linter import atomic, config, engine, loader, reporters
    from linter.checks import CHECKS, Context
    from linter.findings import Severity

    fail_on = Severity.WARNING if options.strict else (
        Severity(options.fail_on) if options.fail_on else None)
    settings = config.load(options.config, Path.cwd(), {
        "path": options.path, "output_format": options.output_format, "today": options.today,
        "select": options.select, "ignore": options.ignore, "fail_on": fail_on,
        "show_suppressed": options.show_suppressed or None,
    })
    with _no_cycle_collection():
        document = loader.load(settings.path, max_bytes=settings.max_file_size)
        context = Context(today=settings.today) if settings.today else Context()
        checks = [check for check in CHECKS if settings.enabled(check.code)]
        report = engine.lint(document, context, checks)
        if extend is not None:
            report = extend(document, report, settings)
        # Freed here, not after the collector is back: it would first walk every object
        # made meanwhile (a fifth of a second for a 10,000-rule policy).
        del document
    report = with_severities(report, settings.severity)
    color = options.color and options.output is None
    output = reporters.render(settings.output_format, report, color, settings.show_suppressed)
    code = ExitCode.FINDINGS if report.fails(settings.fail_on is Severity.WARNING) else (
        ExitCode.CLEAN)
    if options.output is not None:
        atomic.write_text(options.output, output)
        return "", code
    return output, code


def with_severities(report: Report, severities: Mapping[str, Severity]) -> Report:
    """The report with the severity of some codes changed (``severity`` in the config)."""
    if not severities:
        return report
    findings = tuple(replace(f, severity=severities.get(f.code, f.severity))
                     for f in report.findings)
    return replace(report, findings=findings)


def schema() -> str:
    from linter.schema import schema_text

    return schema_text()
