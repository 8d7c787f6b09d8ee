"""RB805 removal-procedure: the house rules say what happens to a removed post.

## What it checks
That house rules which remove or hide posts (a rule with `action: remove` or `hide`) also say,
somewhere in their intro or rules, in any language: that a record is kept (`schermafbeelding`,
`bewaren`, `logboek`; `screenshot`, `record`, `log`), that the poster is told
(`privébericht`, `laten ... weten`; `notify`, `private message`) and how to object
(`bezwaar`, `niet akkoord`; `object`, `appeal`, `disagree`). The words are data
(`linter/data/words.yaml`).

## Why
Removing a comment takes something away from its author: a fair procedure keeps evidence (for
a complaint, the police or the archive), tells the author why, and lets them object (domain
brief, "Moderation": a screenshot or log is kept, the poster is told why, and there is a way
to object). For a public body, removed comments are administrative documents too.

## How to fix
Add a sentence to the intro, e.g. "Verwijderen we een bericht, dan bewaren we een
schermafbeelding, laten we je via een privébericht weten waarom en kun je bezwaar maken via
communicatie@lindebeek.be."
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._words import all_texts, mentions
from policy_rulebook.linter.checks.base import Check, Context, make_check

PARTS = {
    "record": N_("that a screenshot or record is kept"),
    "notify": N_("that the poster is told why"),
    "objection": N_("how to object"),
}


def run(document: Document, context: Context) -> Iterable[Finding]:
    rules = document.get("house_rules")
    if not isinstance(rules, dict) or not any(
        rule.get("action") in ("remove", "hide") for _ptr, rule in document.iter_kind("house-rule")
    ):
        return
    text = all_texts(rules)
    missing = [_(label) for key, label in PARTS.items() if not mentions(text, None, key)]
    if missing:
        yield CHECK.finding(
            document,
            pointer("house_rules", "intro") if "intro" in rules else "/house_rules",
            _(
                "the house rules remove posts but do not say {missing}: add it to the intro, so "
                "that a removal can be checked and contested"
            ).format(missing=_(" and ").join(missing)),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB805",
    name="removal-procedure",
    severity=Severity.WARNING,
    summary=N_("the house rules remove posts but say nothing of record, notice or objection"),
    run=run,
    bad="""
    house_rules:
      intro:
        nl: Reacties zijn welkom, ook kritiek. Wat de spelregels overtreedt, verwijderen we.
        en: Comments are welcome, criticism too. We remove posts that break the ground rules.
      rules:
        - id: spam
          category: {nl: Spam, en: Spam}
          text: {nl: Spam is niet toegelaten., en: Spam is not allowed.}
          action: remove
    """,
    good="""
    house_rules:
      intro:
        nl: >-
          Reacties zijn welkom, ook kritiek. Verwijderen we een bericht, dan bewaren we een
          schermafbeelding, laten we je via een privébericht weten waarom en kun je bezwaar
          maken bij de communicatiedienst.
        en: >-
          Comments are welcome, criticism too. If we remove a post, we keep a screenshot, tell
          you why by private message, and you can object to the communications department.
      rules:
        - id: spam
          category: {nl: Spam, en: Spam}
          text: {nl: Spam is niet toegelaten., en: Spam is not allowed.}
          action: remove
    """,
)
