"""RB053 expired-suppression: no suppression is past its `until` date.

## What it checks
That the `until:` date of each suppression is today or later. An expired suppression silences
nothing: the finding comes back, and this check says why. The date of today can be fixed with
`--today` (or `today` in the configuration) for reproducible builds.

## Why
Many waivers are temporary: "the English text follows in June". The date makes the promise
visible, and the finding returns by itself when the promise is not kept.

## How to fix
Fix what the suppression silenced and remove it, or, if the waiver still holds, agree on a new
date with the owner of the policy and change `until:`.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter import suppressions
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    return suppressions.findings_of(suppressions.EXPIRED, document, context.today, context.codes)


CHECK: Check = make_check(
    __doc__,
    code="RB053",
    name="expired-suppression",
    severity=Severity.WARNING,
    summary=N_("a suppression past its `until` date"),
    run=run,
    bad="""
    meta:
      review_by: 2020-01-01  # rulebook: ignore[RB501] reason: board meeting  until: 2021-01-01
    """,
    good="""
    meta:
      review_by: 2020-01-01  # rulebook: ignore[RB501] reason: board meeting  until: 2999-12-31
    """,
)
