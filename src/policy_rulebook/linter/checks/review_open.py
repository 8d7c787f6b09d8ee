"""RB612 review-questions-open: the profile's review questions are answered in `meta.review`.

## What it checks
That every review question of the policy's profile (`rulebook review` lists them, each with
its legal source; data: `linter/data/review_questions.yaml`) has an answer in `meta.review`:
which question, who answered it, when, and a short reason. One finding lists the open ones.
It is information, never an error: a pattern cannot judge these questions, a reviewer can.

## Why
Some gaps only a reader can see: whether consent is asked through the school rules (which is
no valid consent), whether the employer watches employees' private accounts beyond what is
proportionate (CAO 81), whether a public reply to a patient's complaint breaks professional
secrecy. Keeping the answers in the policy makes the review part of its history: they travel
with it in git and show in the legal redline when they change.

## How to fix
Run `rulebook review`, answer each question with the legal or communications reviewer, and
record each answer in `meta.yaml` under `review:`, with `question` (its id), `by` (who
answered), `date` and `reason` (the answer in short); the passing example shows one.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, ngettext
from policy_rulebook.linter import profiles, review
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    profile = profiles.of_document(document)
    if profile is None or document.get("meta") is None:
        return
    asked = review.status(document, profile.id)
    open_ids = [question.id for question, answer in asked if answer is None]
    if not open_ids:
        return
    ptr = "/meta/review" if document.get("meta", "review") is not None else "/meta"
    yield CHECK.finding(
        document,
        ptr,
        ngettext(
            "{count} of {total} review question of the {profile} profile is not answered in "
            "`meta.review` ({ids}): run `rulebook review` to see it with its source",
            "{count} of {total} review questions of the {profile} profile are not answered in "
            "`meta.review` ({ids}): run `rulebook review` to see them with their sources",
            len(open_ids),
        ).format(
            count=len(open_ids), total=len(asked), profile=profile.id, ids=", ".join(open_ids)
        ),
    )


_META = """
    meta:
      organisation: Stad Lindebeek
      profile: local-government
      version: 2.1.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2026-11-23
      review_by: 2028-09-01
      languages: [nl, en]
"""

CHECK: Check = make_check(
    __doc__,
    code="RB612",
    name="review-questions-open",
    severity=Severity.INFO,
    summary=N_("review questions of the profile are not answered in meta.review"),
    run=run,
    bad=_META,
    good=_META
    + """
      review:
        - question: criticism-of-the-employer
          by: Els Peeters, juridische dienst
          date: 2026-11-20
          reason: Kritiek mag; het beleid vraagt loyaliteit en discretie.
        - question: monitoring-private-accounts
          by: Els Peeters, juridische dienst
          date: 2026-11-20
          reason: We bekijken privéaccounts niet, behalve na een melding.
        - question: emergency-plan
          by: Jan Claes, communicatie
          date: 2026-11-20
          reason: Het reactieschema verwijst naar het noodplan.
        - question: election-restricted-period
          by: Jan Claes, communicatie
          date: 2026-11-20
          reason: Regel political-neutrality-elections.
""",
)
