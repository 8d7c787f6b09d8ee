"""RB807 house-rules-topics: the house rules cover threats and other people's personal data.

## What it checks
That house rules, when a policy has them, include a rule on threats and illegal content (its
category or text speaks of threats, violence or criminal content, or its action is `report`)
and a rule on other people's personal data (addresses, phone numbers, photos: doxxing). The
words are data (`linter/data/words.yaml`, `rule_threats` and `rule_personal_data`).

## Why
These are the two posts a moderator must act on fastest, and the two that real house rules
most often forget (domain brief, "Moderation": threats, doxxing and illegal content). A threat
is a crime to report (the Criminal Code of the laws of 29 February 2024, in force since 8
April 2026); a visitor who posts someone's address or phone number on your page can break the
GDPR (Regulation (EU) 2016/679, art. 6), and as the page's owner you must act on it.

## How to fix
Add a rule such as `threats` ("Bedreigingen en strafbare berichten verwijderen we en melden
we bij de politie", `action: report`) and `personal-data` ("Deel geen adressen,
telefoonnummers of foto's van anderen zonder hun toestemming", `action: hide`).
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._words import all_texts, mentions
from policy_rulebook.linter.checks.base import Check, Context, make_check

TOPICS = {
    "rule_threats": N_("threats and illegal content (action: report)"),
    "rule_personal_data": N_("other people's personal data (addresses, phone numbers, photos)"),
}


def run(document: Document, context: Context) -> Iterable[Finding]:
    rules = [rule for _ptr, rule in document.iter_kind("house-rule")]
    if document.get("house_rules", "rules") is None:
        return
    for key, label in TOPICS.items():
        if not any(
            mentions(
                all_texts([rule.get("id", ""), rule.get("category"), rule.get("text")]), None, key
            )
            or (key == "rule_threats" and rule.get("action") == "report")
            for rule in rules
        ):
            yield CHECK.finding(
                document,
                "/house_rules/rules",
                _(
                    "the house rules have no rule on {topic}: add one, so that moderators know "
                    "what to do with such posts"
                ).format(topic=_(label)),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB807",
    name="house-rules-topics",
    severity=Severity.WARNING,
    summary=N_("the house rules say nothing of threats or of other people's personal data"),
    run=run,
    bad="""
    house_rules:
      intro: {nl: "Reacties zijn welkom, ook kritiek.", en: "Comments are welcome, criticism too."}
      rules:
        - id: spam
          category: {nl: Spam, en: Spam}
          text: {nl: Spam blokkeren we., en: We block spam.}
          action: block
    """,
    good="""
    house_rules:
      intro: {nl: "Reacties zijn welkom, ook kritiek.", en: "Comments are welcome, criticism too."}
      rules:
        - id: threats
          category: {nl: Bedreigingen, en: Threats}
          text: {nl: Bedreigingen melden we bij de politie., en: We report threats to the police.}
          action: report
        - id: personal-data
          category: {nl: Persoonsgegevens van anderen, en: Other people's personal data}
          text: {nl: Adressen van anderen verbergen we., en: We hide other people's addresses.}
          action: hide
    """,
)
