"""RB803 criticism-welcome: the house rules say that criticism is welcome.

## What it checks
That the `intro` of `house_rules` says, in every declared language, that questions and
criticism are welcome (it looks for the word: `kritiek`, `criticism`, `critique`, `Kritik`).
Languages the check has no words for are left alone.

## Why
House rules exist to keep a conversation possible, not to silence it. A public body that
removes posts needs to show first that criticism itself is never a reason: the article's
example, Stad Antwerpen, opens its house rules that way.

## How to fix
Say it in the intro, e.g. `Reacties zijn welkom, ook kritiek.` / `Comments are welcome,
criticism too.`
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._words import CRITICISM, mentions, versions
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    intro = document.get("house_rules", "intro")
    if intro is None:
        return
    silent = [language for language, text in versions(document, intro).items()
              if mentions(text, language, CRITICISM) is False]
    if silent:
        yield CHECK.finding(
            document, pointer("house_rules", "intro"),
            _("the intro of the house rules does not say that criticism is welcome "
              "({items}): say so, so that nobody reads the rules as a way to remove "
              "criticism").format(
                  items=', '.join(silent)))


CHECK: Check = make_check(
    __doc__,
    code="RB803",
    name="criticism-welcome",
    severity=Severity.WARNING,
    summary=N_("the house rules' intro does not say that criticism is welcome"),
    run=run,
    bad="""
    house_rules:
      intro:
        nl: Op deze pagina gelden spelregels. Berichten die ze overtreden, verwijderen we.
        en: These ground rules apply on this page. We remove posts that break them.
      rules:
        - id: spam
          category: {nl: Spam, en: Spam}
          text: {nl: Spam is niet toegelaten., en: Spam is not allowed.}
          action: remove
    """,
    good="""
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
)
