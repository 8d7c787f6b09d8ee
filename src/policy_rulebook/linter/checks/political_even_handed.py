"""RB804 political-even-handed: political posts are banned from all sides, or from none.

## What it checks
For public bodies only (profiles `local-government` and `public-body`, or a profile that
requires RB804): that a house rule about political posts (its id, category or text speaks of
politics, elections, candidates or calls to vote) says that it applies to every party alike,
e.g. `van welke partij ook` / `whatever the party`, or bans political posts outright, e.g.
`van wie ze ook komen` / `all political posts`, or in a clause that says nothing but that
political posts are not allowed: `Berichten van politieke aard zijn niet toegelaten` (Stad
Antwerpen's own rule). The words are data (`linter/data/words.yaml`);
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
from policy_rulebook.linter import data
from policy_rulebook.linter.checks._words import clauses, mentions, pattern, versions
from policy_rulebook.linter.checks.base import Check, Context, make_check


def bans_all(text: str, language: str) -> bool:
    """Whether a clause of the text bans political posts as such: it names them in general
    ("Berichten van politieke aard") and holds nothing but words of a ban besides."""
    subjects = pattern("political_all", language)
    if subjects is None:
        return False
    table = data.load("words.yaml")["political_ban_words"]
    allowed = {str(w) for w in table.get(language.split("-")[0].lower(), ())}
    for clause in clauses(text, language):
        found = subjects.search(clause)
        if found is None:
            continue
        rest = (clause[: found.start()] + " " + clause[found.end() :]).lower().split()
        if all(word.strip(",") in allowed for word in rest):
            return True
    return False


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
            language: bans_all(text, language)
            or mentions(f"{labels.get(language, '')} {text}", language, "even_handed")
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
