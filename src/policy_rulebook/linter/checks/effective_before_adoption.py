"""RB522 effective-before-adoption: a version takes effect on or after its adoption.

## What it checks
That `meta.effective_from` is not earlier than `meta.adopted_on`.

## Why
Rules cannot bind staff before they were approved: a policy that takes effect before its
adoption date is either a typing error in a date or a policy applied without a decision. The
legal department reads the dates as the start of what staff can be held to.

## How to fix
Correct the date that is wrong; usually `effective_from` is the adoption date or later (the
day staff have been told, e.g. after the info session).
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._meta_dates import meta_date
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    adopted, effective = meta_date(document, "adopted_on"), meta_date(document, "effective_from")
    if adopted is not None and effective is not None and effective < adopted:
        yield CHECK.finding(
            document,
            "/meta/effective_from",
            _(
                "the policy takes effect on {effective}, before it was adopted on {adopted}: a "
                "version cannot bind staff before its adoption; correct one of the dates"
            ).format(effective=effective.isoformat(), adopted=adopted.isoformat()),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB522",
    name="effective-before-adoption",
    severity=Severity.ERROR,
    summary=N_("meta.effective_from is earlier than meta.adopted_on"),
    run=run,
    bad="""
    meta:
      organisation: Stad Lindebeek
      profile: local-government
      version: 2.1.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2026-11-23
      effective_from: 2026-11-01
      review_by: 2028-09-01
      languages: [nl, en]
    """,
    good="""
    meta:
      organisation: Stad Lindebeek
      profile: local-government
      version: 2.1.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2026-11-23
      effective_from: 2027-03-01
      review_by: 2028-09-01
      languages: [nl, en]
    """,
)
