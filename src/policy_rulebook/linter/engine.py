"""Run checks over a document: the one place that turns a policy into findings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Report, Rule
from policy_rulebook.linter.checks import CHECKS, Check, Context

#: Version discipline: kept by ``--changed-only`` (an unraised version is not itself a change).
VERSION_CODES = frozenset({"RB901", "RB902", "RB903"})


@cache
def registered_rules() -> Mapping[str, Rule]:
    """The metadata of every registered check, by code, for reporters."""
    return {c.code: Rule(c.code, c.name, c.severity, c.summary, c.doc) for c in CHECKS}


def run_checks(
    document: Document, context: Context, checks: Sequence[Check] = CHECKS
) -> list[Finding]:
    context = _with_codes(context)
    found: set[Finding] = set()
    for check in checks:
        found.update(check.run(document, context))
    return sorted(found, key=_reading_order)


def lint(
    document: Document,
    context: Context | None = None,
    checks: Iterable[Check] = CHECKS,
    profile: str | Mapping[str, Any] | None = None,
) -> Report:
    """Lint a document. ``profile`` is the configuration's ``profile:`` (it adjusts the
    policy's ``meta.profile``); the profile decides which coverage checks run."""
    from policy_rulebook.linter import profiles, suppressions

    context = _with_codes(context or Context())
    active = profiles.attach(document, profile)
    checks = tuple(
        check
        for check in checks
        if (
            active.runs(check.code)
            if active is not None
            else check.code not in profiles.bound_checks()
        )
    )
    enabled = tuple(check.code for check in checks)
    findings = run_checks(document, context, checks)
    kept, silenced, unused = suppressions.apply(
        document, context.today, findings, context.codes, enabled
    )
    if suppressions.UNUSED in enabled:
        kept = sorted([*kept, *unused], key=_reading_order)
    if context.changed_only and context.baseline is not None:
        # after suppressions: a suppression of a finding outside the change is still used
        from policy_rulebook.linter.checks._versioning import changed_only

        kept = changed_only(kept, document, context.baseline, VERSION_CODES)
    return Report(
        tuple(kept),
        tuple(f.name for f in document.files),
        tuple(silenced),
        enabled,
        registered_rules(),
    )


def _with_codes(context: Context) -> Context:
    """The context with the codes of all registered checks (the codes a suppression may name)."""
    if context.codes:
        return context
    return replace(context, codes=frozenset(check.code for check in CHECKS))


def _reading_order(finding: Finding) -> tuple[str, int, int, str, str]:
    return (finding.file, finding.line, finding.column, finding.code, finding.message)
