"""Run checks over a document: the one place that turns a policy into findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from linter.checks import CHECKS, Check, Context
from linter.document import Document
from linter.findings import Finding, Severity


@dataclass(frozen=True)
class Report:
    """The result of a lint run: findings in reading order, and what was read."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    suppressed: tuple[Finding, ...] = field(default=())

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def fails(self, strict: bool) -> bool:
        return any(strict or f.severity is Severity.ERROR for f in self.findings)


def run_checks(document: Document, context: Context,
               checks: Sequence[Check] = CHECKS) -> list[Finding]:
    found: set[Finding] = set()
    for check in checks:
        found.update(check.run(document, context))
    return sorted(found, key=_reading_order)


def lint(document: Document, context: Context | None = None,
         checks: Iterable[Check] = CHECKS) -> Report:
    findings = run_checks(document, context or Context(), tuple(checks))
    return Report(tuple(findings), tuple(f.name for f in document.files))


def _reading_order(finding: Finding) -> tuple[str, int, int, str, str]:
    return (finding.file, finding.line, finding.column, finding.code, finding.message)
