"""RB052 unused-suppression: every suppression silences a finding.

## What it checks
That each code of a working `# rulebook: ignore[...]` comment silences at least one finding on
its item (or inside it). Codes of checks that did not run (left out by `select` or `ignore`
in the configuration) are not reported.

## Why
Once the problem is fixed, the waiver is stale: it would silently hide the same problem when it
comes back, and legal would still see a waiver that no longer means anything.

## How to fix
Remove the suppression, or the code that no longer applies from its brackets.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    # Unused suppressions are known only after every other check ran: the engine reports them.
    return ()


CHECK: Check = make_check(
    __doc__,
    code="RB052",
    name="unused-suppression",
    severity=Severity.WARNING,
    summary=N_("a suppression that silences nothing"),
    run=run,
    bad="""
    meta:
      review_by: 2999-01-01  # rulebook: ignore[RB501] reason: the board reviews it in March
    """,
    good="""
    meta:
      review_by: 2020-01-01  # rulebook: ignore[RB501] reason: the board reviews it in March
    """,
)
