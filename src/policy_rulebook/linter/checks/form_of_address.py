"""RB806 form-of-address: the Dutch texts address the reader as the tone of voice says.

## What it checks
That the Dutch texts that speak to the public (house rules, answers of scenarios, examples of
the tone-of-voice principles) use the form of address of `brand.tone_of_voice.register`:
`je`/`jij`/`jouw` for `informal`, `u`/`uw` for `formal`. A `u` after a number (`9 u`, an hour)
does not count. Staff-facing texts (conduct, roles) are left alone: a policy may say `je` to
colleagues and `u` to residents.

## Why
The tone of voice is element 1 of the article ("Wie ben jij?"), and the register is its most
visible choice: house rules in `je` under a formal `u` tone, or answers that switch between
them, read as careless and make the organisation sound like two organisations.

## How to fix
Rewrite the text in the declared form (`u kunt` / `je kunt`), or change the register in
`brand.tone_of_voice` if the texts are right and the declaration is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter import data
from policy_rulebook.linter.checks.base import Check, Context, make_check


@cache
def _forms(register: str) -> re.Pattern[str]:
    """The words of the *other* form, as whole words (a ``u`` after a number is an hour)."""
    key = "address_formal" if register == "informal" else "address_informal"
    words = "|".join(re.escape(str(w)) for w in data.load("words.yaml")[key])
    return re.compile(rf"(?<![\w-])(?<!\d )(?<!\d)({words})(?![\w-])", re.IGNORECASE)


def _public_texts(document: Document) -> Iterator[tuple[str, Any]]:
    for ptr, rule in document.iter_kind("house-rule"):
        yield f"{ptr}/text", rule.get("text")
    yield pointer("house_rules", "intro"), document.get("house_rules", "intro")
    for ptr, scenario in document.iter_kind("scenario"):
        yield f"{ptr}/answer", scenario.get("answer")
    for ptr, principle in document.iter_kind("tone-principle"):
        yield f"{ptr}/example", principle.get("example")


def run(document: Document, context: Context) -> Iterable[Finding]:
    register = document.get("brand", "tone_of_voice", "register")
    if register not in ("informal", "formal"):
        return
    dutch = [lang for lang in document.languages if lang.split("-")[0].lower() == "nl"]
    if not dutch:
        return
    language, primary = dutch[0], document.primary_language
    for ptr, value in _public_texts(document):
        text = (
            value
            if isinstance(value, str) and language == primary
            else (value.get(language) if isinstance(value, dict) else None)
        )
        if not isinstance(text, str):
            continue
        found = _forms(register).search(text)
        if found:
            where = ptr + pointer(language) if isinstance(value, dict) else ptr
            yield CHECK.finding(
                document,
                where,
                _(
                    "the text says {word!r}, but the tone of voice is {register} ({form}): "
                    "address the reader the same way everywhere"
                ).format(
                    word=found.group(0),
                    register=register,
                    form="je/jij/jouw" if register == "informal" else "u/uw",
                ),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB806",
    name="form-of-address",
    severity=Severity.WARNING,
    summary=N_("a Dutch public text uses je where the tone of voice says u, or the reverse"),
    run=run,
    bad="""
    house_rules:
      intro:
        nl: Reacties zijn welkom, ook kritiek. U kunt ons ook een privébericht sturen.
        en: Comments are welcome, criticism too. You can also send us a private message.
      rules:
        - id: spam
          category: {nl: Spam, en: Spam}
          text: {nl: Spam is niet toegelaten., en: Spam is not allowed.}
          action: block
    """,
    good="""
    house_rules:
      intro:
        nl: Reacties zijn welkom, ook kritiek. Je kunt ons ook een privébericht sturen.
        en: Comments are welcome, criticism too. You can also send us a private message.
      rules:
        - id: spam
          category: {nl: Spam, en: Spam}
          text: {nl: Spam is niet toegelaten., en: Spam is not allowed.}
          action: block
    """,
)
