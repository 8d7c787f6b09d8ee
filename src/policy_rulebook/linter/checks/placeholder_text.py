"""RB103 placeholder-text: no text is empty or a placeholder.

## What it checks
Every text of the policy, in every language: it must not be empty, nor a placeholder such as
`TODO`, `TBD`, `...`, `…`, `[naam]`, `<e-mail>` or lorem ipsum, nor hold one inside a
sentence: `nog aan te vullen`, `nader te bepalen`, `n.t.b.`, `PM`, `(link volgt)`, `[link]`;
`to be determined`, `TBC`, `(link to follow)`. The Dutch and English lists are data
(`linter/data/words.yaml`, `placeholders` and `placeholder_marks`).

## Why
A placeholder counts as empty: staff reading the policy find no answer where they expect one.
Placeholders are what a skeleton (`rulebook init`) leaves to fill in.

## How to fix
Write the real text, or remove the optional field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.texts import is_placeholder, iter_texts, text_label
from policy_rulebook.linter import data
from policy_rulebook.linter.checks._words import pattern
from policy_rulebook.linter.checks.base import Check, Context, make_check


@cache
def _marks() -> re.Pattern[str]:
    """Capitalised marks such as PM (pro memorie), as a word, not after a number (5 PM)."""
    marks = "|".join(re.escape(str(mark)) for mark in data.load("words.yaml")["placeholder_marks"])
    return re.compile(rf"(?<![\w.])(?<!\d )({marks})(?![\w])")


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What a text must contain (lower-cased; as written for the marks) before the full
    expressions are worth running: a policy holds thousands of texts and almost none holds a
    placeholder, so one search of plain strings spares the slow word-bounded alternation."""
    words = data.load("words.yaml")
    listed = sorted(
        {str(e).lower().strip("*") for entries in words["placeholders"].values() for e in entries},
        key=len,
        reverse=True,
    )
    marks = sorted({str(mark) for mark in words["placeholder_marks"]}, key=len, reverse=True)
    return (
        re.compile("|".join(re.escape(cue) for cue in listed)),
        re.compile("|".join(re.escape(mark) for mark in marks)),
    )


def unfinished(text: str) -> str | None:
    """The placeholder a text holds inside a sentence, or None."""
    listed_cues, mark_cues = _cues()
    found = None
    if listed_cues.search(" ".join(text.lower().split())):  # any white space between words
        listed = pattern("placeholders")
        found = listed.search(text) if listed is not None else None
    if found is None and mark_cues.search(text):
        found = _marks().search(text)
    return found.group(0) if found else None


def run(document: Document, context: Context) -> Iterable[Finding]:
    for ptr, value in iter_texts(document):
        if isinstance(value, str):
            message = _judge(text_label(ptr), value)
            if message:
                yield CHECK.finding(document, ptr, message)
        elif isinstance(value, dict):
            for language, text in value.items():
                if not isinstance(text, str) or not _suspect(text):
                    continue  # the message (and its field name) only for a text that fails
                message = _judge(
                    _("{field} in `{language}`").format(field=text_label(ptr), language=language),
                    text,
                )
                if message:
                    yield CHECK.finding(document, ptr + pointer(language), message)
            if not value:
                yield CHECK.finding(document, ptr, _message(text_label(ptr), ""))


def _suspect(text: str) -> bool:
    return is_placeholder(text) or unfinished(text) is not None


def _judge(field: str, text: str) -> str | None:
    if is_placeholder(text):
        return _message(field, text)
    mark = unfinished(text)
    if mark is not None:
        return _(
            "the text of {field} is unfinished: it holds the placeholder {mark!r}; write "
            "the real text (or the real link)"
        ).format(field=field, mark=mark)
    return None


def _message(field: str, text: str) -> str:
    if not text.strip():
        return _("the text of {field} is empty: write the real text").format(field=field)
    return _(
        "the text of {field} is only a placeholder ({text!r}), which counts as empty: "
        "write the real text"
    ).format(field=field, text=text.strip())


CHECK: Check = make_check(
    __doc__,
    code="RB103",
    name="placeholder-text",
    severity=Severity.ERROR,
    summary=N_(
        "a text is empty, a placeholder or holds one (TODO, TBD, n.t.b., [link], lorem ipsum)"
    ),
    run=run,
    bad="""
    brand:
      mission:
        nl: We maken Lindebeek samen met onze inwoners. Meer uitleg volgt (link volgt).
        en: TODO
    """,
    good="""
    brand:
      mission:
        nl: We maken Lindebeek samen met onze inwoners.
        en: We shape Lindebeek together with our residents.
    """,
)
