"""RB050 malformed-suppression: every `# rulebook:` comment is a suppression that can work.

## What it checks
That each comment starting with `# rulebook:` reads
`# rulebook: ignore[CODE] reason: ... until: YYYY-MM-DD` (`until` optional), names the code of
a check, has a real date after `until:`, and is about something: on the line of an item's
key, or on its own line directly before it (not at the end of a file).

## Why
A suppression that cannot be read silences nothing, and a person reading the policy would
believe that a finding was waived when it was not. Legal reads the waivers: they must be exact.

## How to fix
Write the comment as `# rulebook: ignore[RB301] reason: why this is acceptable`, with the code
from the finding (`rulebook rules` lists them all), on the line of the item it is about.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter import suppressions
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    return suppressions.findings_of(suppressions.MALFORMED, document, context.today, context.codes)


CHECK: Check = make_check(
    __doc__,
    code="RB050",
    name="malformed-suppression",
    severity=Severity.ERROR,
    summary=N_("a `# rulebook:` comment that is not a working suppression"),
    run=run,
    bad="""
    meta:
      review_by: 2020-01-01  # rulebook: ignore RB501 because the board meets in March
    """,
    good="""
    meta:
      review_by: 2020-01-01  # rulebook: ignore[RB501] reason: the board reviews it in March
    """,
)
