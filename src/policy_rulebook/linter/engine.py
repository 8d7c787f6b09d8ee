"""Run checks over a document: the one place that turns a policy into findings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Rule, Severity, Suppressed
from policy_rulebook.linter.checks import CHECKS, Check, Context


@cache
def registered_rules() -> Mapping[str, Rule]:
    """The metadata of every registered check, by code, for reporters."""
    return {c.code: Rule(c.code, c.name, c.severity, c.summary, c.doc) for c in CHECKS}


@dataclass(frozen=True)
class Report:
    """The result of a lint run: findings in reading order, and what was read.

    ``suppressed`` are the findings silenced by a suppression comment; ``checks`` the codes
    of the checks that ran (empty: all of them); ``rules`` what reporters say about each
    code (empty: only the codes are known).
    """

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    suppressed: tuple[Suppressed, ...] = field(default=())
    checks: tuple[str, ...] = field(default=())
    rules: Mapping[str, Rule] = field(default_factory=lambda: registered_rules())

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
    from policy_rulebook.linter import suppressions

    context = context or Context()
    checks = tuple(checks)
    enabled = tuple(check.code for check in checks)
    findings = run_checks(document, context, checks)
    kept, silenced, unused = suppressions.apply(
        document, context.today, findings, {check.code for check in CHECKS}, enabled)
    if suppressions.UNUSED in enabled:
        kept = sorted([*kept, *unused], key=_reading_order)
    return Report(tuple(kept), tuple(f.name for f in document.files), tuple(silenced), enabled)


def _reading_order(finding: Finding) -> tuple[str, int, int, str, str]:
    return (finding.file, finding.line, finding.column, finding.code, finding.message)
