"""RB051 suppression-without-reason: every suppression says why.

## What it checks
That each `# rulebook: ignore[CODE]` comment has a `reason:` with text. A suppression without
a reason silences nothing: the finding it meant to silence is reported too.

## Why
A waived finding is a decision about the policy. Legal and the communications officer must be
able to see who accepted what and why (`rulebook lint --show-suppressed` lists the waivers with
their reasons); a bare "ignore" hides a gap instead of explaining it.

## How to fix
Add the reason after the codes: `# rulebook: ignore[RB301] reason: the English text follows
after the translation round of June`. Add `until: YYYY-MM-DD` if the waiver is temporary.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter import suppressions
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    return suppressions.findings_of(suppressions.NO_REASON, document, context.today, context.codes)


CHECK: Check = make_check(
    __doc__,
    code="RB051",
    name="suppression-without-reason",
    severity=Severity.ERROR,
    summary=N_("a suppression comment without a reason"),
    run=run,
    bad="""
    meta:
      review_by: 2020-01-01  # rulebook: ignore[RB501]
    """,
    good="""
    meta:
      review_by: 2020-01-01  # rulebook: ignore[RB501] reason: the board reviews it in March
    """,
)
