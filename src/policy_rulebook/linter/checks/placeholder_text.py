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

#: A slot of a template: ``[link invoegen]``, ``[naam van de dienst]``, ``<link>``: a few words
#: in square or angle brackets (not a Markdown link ``[text](url)``, nor ``<a@b.be>``).
_SLOT = re.compile(r"\[(?=[^\]]*[^\W\d_])[^\[\]\n@/]{1,40}\](?!\()|<[^\W\d_][\w \-]{0,30}>")
#: A group in parentheses or brackets, and a value after a label at the end ("Datum: TBD").
_GROUP = re.compile(r"[(\[]\s*([^()\[\]\n]{1,30}?)\s*[)\]]")
_AFTER_LABEL = re.compile(r"[:\u2013\u2014-]\s*([^:\n]{1,30}?)\s*$")
#: A mark in capitals that ends a sentence after a label ("Crisiscontact PM."), not after an
#: article or a number ("Vraag het aan de PM.", "tot 5 PM.").
_MARK_AT_END = re.compile(
    r"(?<!\d)(?<!\d )(?<!\b[Dd]e )(?<!\b[Hh]et )(?<!\b[Ee]en )(?<!\b[Tt]he )(?<!\b[Aa] )"
    r"(?<!\b[Oo]ur )(?<![\w.-])([A-Z][A-Z.]{1,4})(?=[.;!?]?(?:\s|$))(?![.;!?]?\s+[a-z])"
)
_PUNCTUATION = " \t\n.:;!?,-\u2013\u2014\u2026"


@cache
def _values(language: str | None) -> frozenset[str]:
    """Words that are a placeholder as a whole value or in brackets, for a language (None: all)."""
    table = data.load("words.yaml")["placeholder_values"]
    if language is None:
        return frozenset(str(e) for words in table.values() for e in words)
    return frozenset(str(e) for e in table.get(language.split("-")[0].lower(), ()))


@cache
def _marks() -> re.Pattern[str]:
    """Capital marks (TODO, TBD) as a word of their own, not joined to another by a hyphen."""
    marks = "|".join(re.escape(str(mark)) for mark in data.load("words.yaml")["placeholder_marks"])
    return re.compile(rf"(?<![\w.-])({marks})(?![\w-])")


@cache
def _mark_words() -> tuple[str, ...]:
    """The marks as plain strings: a text holds one before the expression with its look-behind
    (the slower search) is worth running."""
    return tuple(str(mark) for mark in data.load("words.yaml")["placeholder_marks"])


@cache
def _cues() -> re.Pattern[str]:
    """Plain strings a text must contain (lower-cased) before the word-bounded alternation of
    phrases is worth running: a policy holds thousands of texts and almost none holds a
    placeholder, so one search of plain strings spares the slow expression."""
    words = data.load("words.yaml")
    listed = sorted(
        {str(e).lower() for entries in words["placeholders"].values() for e in entries},
        key=len,
        reverse=True,
    )
    return re.compile("|".join(re.escape(cue) for cue in listed))


@cache
def _slot_words() -> frozenset[str]:
    """Words that make an angle-bracketed group a template slot ("<link>"), not markup."""
    return frozenset(str(w) for w in data.load("words.yaml")["placeholder_slot_words"])


@cache
def _capital_cues() -> re.Pattern[str]:
    """The short values in capitals as plain strings: almost no text holds one, so this spares
    the expression with look-behinds."""
    table = data.load("words.yaml")["placeholder_values"]
    caps = {str(e).upper() for words in table.values() for e in words if len(str(e)) <= 4}
    return re.compile("|".join(re.escape(c) for c in sorted(caps, key=len, reverse=True)))


def _is_value(candidate: str, language: str | None) -> bool:
    bare = candidate.strip(_PUNCTUATION).lower()
    values = _values(language)
    return bare in values or bare + "." in values  # "p.m." loses its last dot to the strip


def unfinished(text: str, language: str | None = None) -> str | None:
    """The placeholder a text holds, or None: a phrase of its language's list anywhere, a
    template slot, a short mark as the whole value, after a label or in brackets, or a capital
    mark such as TODO. ``language`` None: every language's lists (a text of mixed languages)."""
    if _is_value(text, language):
        return text.strip()
    if "[" in text or "<" in text:
        for slot in _SLOT.finditer(text):
            if slot.group(0).startswith("[") or _slot_words() & set(
                slot.group(0)[1:-1].lower().replace("-", " ").split()
                + slot.group(0)[1:-1].lower().split()
            ):
                return slot.group(0)
    if "(" in text or "[" in text:
        for group in _GROUP.finditer(text):
            if _is_value(group.group(1), language):
                return group.group(0)
    label = _AFTER_LABEL.search(text) if (":" in text or "-" in text) else None
    if label is not None and _is_value(label.group(1), language):
        return label.group(1)
    if _cues().search(" ".join(text.lower().split())):  # any white space between words
        listed = pattern("placeholders", language)
        found = listed.search(text) if listed is not None else None
        if found is not None:
            return found.group(0)
    mark = _marks().search(text) if any(w in text for w in _mark_words()) else None
    if mark is not None:
        return mark.group(0)
    if not _capital_cues().search(text):
        return None
    for found in _MARK_AT_END.finditer(text):
        word = found.group(1)
        if _is_value(word, language):
            # "PM." ends a sentence; "P.M." keeps its dots
            return word[:-1] if word[:-1].lower() in _values(language) else word
    return None


def run(document: Document, context: Context) -> Iterable[Finding]:
    primary = document.primary_language
    for ptr, value in iter_texts(document):
        if isinstance(value, str):
            message = _judge(text_label(ptr), value, primary)
            if message:
                yield CHECK.finding(document, ptr, message)
        elif isinstance(value, dict):
            for language, text in value.items():
                if not isinstance(text, str) or not _suspect(text, str(language)):
                    continue  # the message (and its field name) only for a text that fails
                message = _judge(
                    _("{field} in `{language}`").format(field=text_label(ptr), language=language),
                    text,
                    str(language),
                )
                if message:
                    yield CHECK.finding(document, ptr + pointer(language), message)
            if not value:
                yield CHECK.finding(document, ptr, _message(text_label(ptr), ""))
    # A contact's name is a plain string, not a text, and still a place left to fill in.
    for ptr, person in _people(document):
        name = person.get("name")
        if isinstance(name, str) and _suspect(name, primary):
            message = _judge(text_label(ptr + "/name"), name, primary)
            if message:
                yield CHECK.finding(document, ptr + "/name", message)


def _people(document: Document) -> Iterable[tuple[str, dict[str, object]]]:
    contact = document.get("contact")
    if not isinstance(contact, dict):
        return
    for key in ("primary", "backup"):
        if isinstance(contact.get(key), dict):
            yield f"/contact/{key}", contact[key]
    escalation = contact.get("escalation")
    if isinstance(escalation, list):
        for index, person in enumerate(escalation):
            if isinstance(person, dict):
                yield f"/contact/escalation/{index}", person


def _suspect(text: str, language: str | None) -> bool:
    return is_placeholder(text) or unfinished(text, language) is not None


def _judge(field: str, text: str, language: str | None) -> str | None:
    if is_placeholder(text):
        return _message(field, text)
    mark = unfinished(text, language)
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
