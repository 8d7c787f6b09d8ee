"""RB611 replaced-since-adoption: a legal basis replaced after the policy was adopted.

## What it checks
That no `basis` of a legal item cites an act that was repealed or replaced *after* the
policy's `meta.adopted_on`: the Criminal Code of 1867 (replaced by the Code of the laws of 29
February 2024 on 8 April 2026), art. 1382-1383 of the old Civil Code (Book 6 since 1 January
2025), and every other act of `linter/data/repealed_acts.yaml`. An act replaced before the
adoption, or cited by a policy not adopted yet, is RB603 (an error).

## Why
The policy was right when it was adopted; the law changed since. That is not a mistake of the
authors but a review that is due: the legal department must update the basis (and check
whether the rule itself still holds) at the next version.

## How to fix
Cite the act that replaced it (the message names it; `rulebook explain RB603` lists the
table with its sources) and raise the version. Where the new article number is not verified,
cite the new act without an article number.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks.base import Check, Context, make_check
from policy_rulebook.linter.checks.repealed_act import cited, localized, since


def run(document: Document, context: Context) -> Iterable[Finding]:
    language = (document.primary_language or "en").split("-")[0]
    for where, item, act in cited(document, after_adoption=True):
        yield CHECK.finding(
            document,
            where,
            _(
                "review due: the legal item `{id}` cites {was}, replaced on {since}, after "
                "this policy was adopted: cite {now} at the next version"
            ).format(
                id=item.get("id", "?"),
                was=localized(act, "was", language),
                since=since(act).isoformat(),
                now=localized(act, "now", language),
            ),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB611",
    name="replaced-since-adoption",
    severity=Severity.WARNING,
    summary=N_("a legal basis was replaced after the policy was adopted: a review is due"),
    run=run,
    bad="""
    meta:
      organisation: Stad Lindebeek
      profile: local-government
      version: 2.0.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2025-06-30
      review_by: 2027-06-30
      languages: [nl, en]
    legal:
      items:
        - id: no-insults
          topic: {nl: Belediging, en: Insult}
          text: {nl: Beledig niemand online., en: Do not insult anyone online.}
          basis:
            - title: {nl: Strafwetboek, en: Criminal Code}
              reference: art. 443 e.v.
    """,
    good="""
    meta:
      organisation: Stad Lindebeek
      profile: local-government
      version: 2.0.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2025-06-30
      review_by: 2027-06-30
      languages: [nl, en]
    legal:
      items:
        - id: no-insults
          topic: {nl: Belediging, en: Insult}
          text: {nl: Beledig niemand online., en: Do not insult anyone online.}
          basis:
            - title:
                nl: Strafwetboek (wetten van 29 februari 2024), boek II
                en: Criminal Code (laws of 29 February 2024), Book II
    """,
)
