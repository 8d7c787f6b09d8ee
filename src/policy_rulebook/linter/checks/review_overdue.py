"""RB501 review-overdue: the policy's review date has not passed.

## What it checks
That `meta.review_by` is today or later. The date of today can be fixed with `--today`
(or `today` in the configuration) for reproducible builds.

## Why
Platforms, laws and the organisation change. A policy past its review date may point staff
to a channel that no longer exists or a contact who has left.

## How to fix
Review the policy, then set `review_by` to the next review date (and raise the version).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    value = document.get("meta", "review_by")
    if not isinstance(value, str):
        return
    try:
        review_by = dt.date.fromisoformat(value)
    except ValueError:
        return  # the schema check reports a malformed date
    if review_by < context.today:
        days = (context.today - review_by).days
        yield CHECK.finding(
            document,
            "/meta/review_by",
            _(
                "the policy was due for review on {date}, {days} day(s) ago: "
                "review it and set the next `review_by` date"
            ).format(date=review_by.isoformat(), days=days),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB501",
    name="review-overdue",
    severity=Severity.WARNING,
    summary=N_("meta.review_by is in the past"),
    run=run,
    bad="""
    meta:
      review_by: 2020-01-01
    """,
    good="""
    meta:
      review_by: 2999-01-01
    """,
)
