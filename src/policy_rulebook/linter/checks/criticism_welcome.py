"""RB803 criticism-welcome: the house rules say that criticism is welcome.

## What it checks
That the `intro` of `house_rules` says, in every declared language, that criticism is welcome:
one clause must name criticism or a synonym (`kritiek`, `mening`, `klachten`, `negatieve
reacties`; `criticism`, `complaints`, `opinions`) together with a word of welcome (`welkom`,
`mag`, `vrij`; `welcome`, `allowed`, `free`) and without a negation (`niet`, `geen`; `not`,
`never`), or with a negated word of removal ("we verwijderen geen berichten omdat ze kritisch
zijn"). A clause that removes criticism ("welkom, maar kritiek op het bestuur verwijderen we")
outweighs any welcome. "Kritiek is hier niet welkom" fails; "Je bent vrij om je mening te
geven" and "ook klachten zijn welkom" pass. The words are data (`linter/data/words.yaml`);
languages without a list are left alone.

## Why
House rules exist to keep a conversation possible, not to silence it. A public body that
removes posts needs to show first that criticism itself is never a reason: the article's
example, Stad Antwerpen, opens its house rules that way.

## How to fix
Say it in the intro, e.g. `Reacties zijn welkom, ook kritiek.` / `Comments are welcome,
criticism too.`
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._words import clauses, mentions, pattern, versions
from policy_rulebook.linter.checks.base import Check, Context, make_check


def welcomes_criticism(text: str, language: str) -> bool | None:
    """Whether the text protects criticism, judged clause by clause; None: no word list for the
    language. A clause that names criticism protects it with a word of welcome and no negation
    next to it ("ook klachten zijn welkom") or with a negated word of removal ("we verwijderen
    geen berichten omdat ze kritisch zijn"); it bans it with a negated welcome ("niet welkom")
    or a plain word of removal ("kritiek op het bestuur verwijderen we"). One clause that bans
    criticism outweighs any clause that welcomes it."""
    welcome = pattern("welcome", language)
    removal = pattern("removal", language)
    if welcome is None or mentions(text, language, "criticism") is None:
        return None
    criticism = pattern("criticism", language)
    protects = bans = False
    for clause in clauses(text, language):
        named = list(criticism.finditer(clause)) if criticism is not None else []
        if not named:
            continue
        for found in welcome.finditer(clause):
            if not _negated(clause, found, language):
                protects = True
        for found in removal.finditer(clause) if removal is not None else ():
            if not any(_near(clause, found, other) for other in named):
                continue  # "a removed post ... if you disagree": another matter
            if _negated(clause, found, language):
                protects = True
            else:
                bans = True
    return protects and not bans


def _near(clause: str, one: re.Match[str], other: re.Match[str]) -> bool:
    """Whether two words of a clause stand at most five words apart."""
    start, end = sorted((one.start(), other.start()))
    return len(clause[start:end].split()) <= 5


def _negated(clause: str, found: re.Match[str], language: str) -> bool:
    """Whether a negation stands within three words before the word or two after it."""
    near = clause[: found.start()].split()[-3:] + clause[found.end() :].split()[:2]
    return bool(mentions(" ".join(near), language, "negation"))


def run(document: Document, context: Context) -> Iterable[Finding]:
    intro = document.get("house_rules", "intro")
    if intro is None:
        return
    silent = [
        language
        for language, text in versions(document, intro).items()
        if welcomes_criticism(text, language) is False
    ]
    if silent:
        yield CHECK.finding(
            document,
            pointer("house_rules", "intro"),
            _(
                "the intro of the house rules does not say that criticism is welcome "
                '({languages}): say so, e.g. "Reacties zijn welkom, ook kritiek.", so that nobody '
                "reads the rules as a way to remove criticism"
            ).format(languages=", ".join(silent)),
        )


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
        nl: Kritiek is hier niet welkom. Berichten die de spelregels overtreden, verwijderen we.
        en: Criticism is not welcome here. We remove posts that break the ground rules.
      rules:
        - id: spam
          category: {nl: Spam, en: Spam}
          text: {nl: Spam is niet toegelaten., en: Spam is not allowed.}
          action: remove
    """,
    good="""
    house_rules:
      intro:
        nl: Je bent vrij om je mening te geven, ook klachten zijn welkom.
        en: You are free to give your opinion, and complaints are welcome too.
      rules:
        - id: spam
          category: {nl: Spam, en: Spam}
          text: {nl: Spam is niet toegelaten., en: Spam is not allowed.}
          action: remove
    """,
)
