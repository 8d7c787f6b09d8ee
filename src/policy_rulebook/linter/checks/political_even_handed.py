"""RB804 political-even-handed: political posts are banned from all sides, or from none.

## What it checks
For public bodies only (profiles `local-government` and `public-body`, or a profile that
requires RB804): that a house rule about political posts (its id, category or text speaks of
politics, elections, candidates or calls to vote) says that it applies to every party alike,
e.g. `van welke partij ook` / `whatever the party`, or bans political posts outright, e.g.
`van wie ze ook komen` / `all political posts`. The words are data (`linter/data/words.yaml`);
languages without a list are left alone.

## Why
A public body must stay neutral (the local government decree of 22 December 2017 and the
election-year circular; the article's example, Stad Antwerpen, bans political messages for
everyone): it may ban calls to vote and party propaganda on its pages,
but only for everyone. A rule that reads as aimed at one side invites complaints of
censorship, and in an election period, legal trouble.

## How to fix
Say in the rule's text that it applies to all parties and candidates alike, or remove the
rule and let political posts stand for everyone.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._words import mentions, versions
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    for ptr, rule in document.iter_kind("house-rule"):
        rule_id = str(rule.get("id", ""))
        texts = versions(document, rule.get("text"))
        labels = versions(document, rule.get("category"))
        political = any(word in rule_id for word in ("politic", "politiek", "election")) or any(
            mentions(f"{labels.get(language, '')} {text}", language, "political")
            for language, text in texts.items()
        )
        if not political:
            continue
        judged = {
            language: mentions(f"{labels.get(language, '')} {text}", language, "even_handed")
            for language, text in texts.items()
        }
        if judged and not any(judged.values()) and any(v is False for v in judged.values()):
            yield CHECK.finding(
                document,
                f"{ptr}/text",
                _(
                    "the house rule `{id}` is about political posts but does not say that it "
                    "applies to every party alike: as a public body, ban political posts from all "
                    'sides or from none; add e.g. "whatever the party" / "van welke partij ook"'
                ).format(id=rule_id),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB804",
    name="political-even-handed",
    severity=Severity.WARNING,
    summary=N_("a house rule on political posts does not say it applies to every party"),
    run=run,
    bad="""
    house_rules:
      intro:
        nl: Reacties zijn welkom, ook kritiek.
        en: Comments are welcome, criticism too.
      rules:
        - id: political-messages
          category: {nl: Politieke berichten, en: Political messages}
          text: {nl: Verkiezingspropaganda verwijderen we., en: We remove election propaganda.}
          action: remove
    """,
    good="""
    house_rules:
      intro:
        nl: Reacties zijn welkom, ook kritiek.
        en: Comments are welcome, criticism too.
      rules:
        - id: political-messages
          category: {nl: Politieke berichten, en: Political messages}
          text:
            nl: Verkiezingspropaganda verwijderen we, van welke partij ook.
            en: We remove election propaganda, whatever the party.
          action: remove
    """,
)
