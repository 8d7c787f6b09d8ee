"""RB523 adopted-in-future: an adopted version has an adoption date that has come.

## What it checks
That a policy whose `meta.status` is `adopted` has an `adopted_on` date of today or earlier.
A draft may carry a planned adoption date. The date of today can be fixed with `--today`.

## Why
"Adopted" is a fact about the past: the approving body decided. An adoption date in the future
means the status was set too early (the policy is still a draft) or the date is wrong, and
announcements and the redline would tell staff that rules apply that nobody approved yet.

## How to fix
Set `status: draft` until the policy is approved, or correct `adopted_on` to the date of the
decision.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._meta_dates import meta_date
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    adopted = meta_date(document, "adopted_on")
    if (
        document.get("meta", "status") == "adopted"
        and adopted is not None
        and (adopted > context.today)
    ):
        yield CHECK.finding(
            document,
            "/meta/adopted_on",
            _(
                "the policy is marked adopted, but its adoption date {adopted} is still to come "
                "(today is {today}): keep `status: draft` until the decision, or correct the "
                "date"
            ).format(adopted=adopted.isoformat(), today=context.today.isoformat()),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB523",
    name="adopted-in-future",
    severity=Severity.ERROR,
    summary=N_("an adopted policy has an adoption date in the future"),
    run=run,
    bad="""
    meta:
      organisation: Stad Lindebeek
      profile: local-government
      version: 2.1.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2027-06-30
      effective_from: 2027-09-01
      review_by: 2028-09-01
      languages: [nl, en]
    """,
    good="""
    meta:
      organisation: Stad Lindebeek
      profile: local-government
      version: 2.1.0
      status: draft
      owner: Dienst Communicatie
      adopted_on: 2027-06-30
      effective_from: 2027-09-01
      review_by: 2028-09-01
      languages: [nl, en]
    """,
)
