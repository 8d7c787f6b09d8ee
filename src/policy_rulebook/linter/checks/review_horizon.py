"""RB524 review-horizon: the policy is reviewed within three years of its adoption.

## What it checks
That `meta.review_by` falls at most three years after `meta.adopted_on`.

## Why
Platforms, laws and the organisation change faster than that: in three years the Criminal
Code, the Civil Code's liability rules and the platforms' own rules all changed. A review date
five years away is a review that nobody will remember; RB501 only warns once it has passed.

## How to fix
Set `review_by` to a date within three years of adoption (one or two years is usual).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._meta_dates import meta_date
from policy_rulebook.linter.checks.base import Check, Context, make_check

YEARS = 3


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def run(document: Document, context: Context) -> Iterable[Finding]:
    adopted, review_by = meta_date(document, "adopted_on"), meta_date(document, "review_by")
    if adopted is None or review_by is None:
        return
    horizon = _years_later(adopted, YEARS)
    if review_by > horizon:
        yield CHECK.finding(
            document,
            "/meta/review_by",
            _(
                "the next review ({review_by}) is more than {years} years after adoption "
                "({adopted}): set `review_by` on or before {horizon}"
            ).format(
                review_by=review_by.isoformat(),
                years=YEARS,
                adopted=adopted.isoformat(),
                horizon=horizon.isoformat(),
            ),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB524",
    name="review-horizon",
    severity=Severity.WARNING,
    summary=N_("meta.review_by is more than three years after meta.adopted_on"),
    run=run,
    bad="""
    meta:
      adopted_on: 2026-06-24
      review_by: 2031-06-30
    """,
    good="""
    meta:
      adopted_on: 2026-06-24
      review_by: 2028-06-30
    """,
)
