"""What a check is: a permanent code, its documentation, and a function that yields findings."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from policy_rulebook.core.baseline import Baseline, ConfigurationChange
from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity


@dataclass(frozen=True)
class Context:
    """What a check may know besides the policy: the date of today (settable for tests), and
    the codes of every registered check (the engine fills them in: a suppression may name
    only those; given here so that the suppression checks need not import the registry), and
    with ``lint --base REV`` the base revision as plain data (``baseline``, no git objects) and
    whether to keep only the findings on what changed since it (``changed_only``), and how the
    configuration file changed since it (``configuration_change``, RB904)."""

    today: dt.date = field(default_factory=dt.date.today)
    codes: frozenset[str] = frozenset()
    baseline: Baseline | None = None
    changed_only: bool = False
    configuration_change: ConfigurationChange | None = None


CheckFunction = Callable[[Document, Context], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """One check. ``bad`` and ``good`` are YAML fragments: sections that replace those of a
    complete policy; the first must give this check's finding, the second must not (tested).
    """

    code: str
    name: str
    severity: Severity
    summary: str
    run: CheckFunction
    doc: str
    bad: str
    good: str

    def finding(
        self, document: Document, ptr: str, message: str, severity: Severity | None = None
    ) -> Finding:
        """A finding of this check at the node a JSON pointer names."""
        where = document.position(ptr)
        return Finding(
            where.file, where.line, where.column, self.code, severity or self.severity, message, ptr
        )


def make_check(
    module_doc: str | None,
    *,
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    run: CheckFunction,
    bad: str,
    good: str,
) -> Check:
    return Check(
        code,
        name,
        severity,
        summary,
        run,
        inspect.cleandoc(module_doc or ""),
        inspect.cleandoc(bad),
        inspect.cleandoc(good),
    )


def loader_check(
    module_doc: str | None, *, code: str, name: str, summary: str, bad: str, good: str
) -> Check:
    """A check whose findings the loader makes while reading files (syntax, encoding, ...)."""

    def run(document: Document, context: Context) -> Iterable[Finding]:
        return [problem for problem in document.problems if problem.code == code]

    return make_check(
        module_doc,
        code=code,
        name=name,
        severity=Severity.ERROR,
        summary=summary,
        run=run,
        bad=bad,
        good=good,
    )
