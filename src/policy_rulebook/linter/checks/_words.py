"""Words and phrases that the text checks look for, per language (data: ``data/words.yaml``).

An entry matches a whole word or phrase (any case); ``*`` at the end of an entry matches the
rest of a word, ``*`` alone matches one word. Only languages with a list are judged: a text in
another language is left alone (``mentions`` returns None).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from policy_rulebook.core.document import Document, text_for
from policy_rulebook.linter import data


def versions(document: Document, value: Any) -> dict[str, str]:
    """The text in each declared language that it is written in."""
    primary = document.primary_language
    found: dict[str, str] = {}
    for language in document.languages:
        text = text_for(value, language, primary)
        if text is not None:
            found[language] = text
    return found


def all_texts(value: Any) -> str:
    """Every string inside a value (texts in all languages, nested lists and maps), joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(all_texts(v) for v in value.values())
    if isinstance(value, list):
        return "\n".join(all_texts(v) for v in value)
    return ""


def _entry(entry: str) -> str:
    """An entry as an expression, without the word bounds that ``pattern`` puts around all."""
    parts = []
    for token in entry.split(" "):
        if token == "*":
            parts.append(r"\w+")
            continue
        head = r"\w*" if token.startswith("*") else ""
        tail = r"\w*" if token.endswith("*") and len(token) > 1 else ""
        parts.append(head + re.escape(token.strip("*")) + tail)
    return r"\s+".join(parts)


@cache
def pattern(key: str, language: str | None = None) -> re.Pattern[str] | None:
    """The compiled list ``key`` for a language (None: every language's list together)."""
    table = data.load("words.yaml")[key]
    if isinstance(table, list):
        entries = [str(e) for e in table]
    elif language is None:
        entries = [str(e) for words in table.values() for e in words]
    else:
        listed = table.get(language.split("-")[0].lower())
        if listed is None:
            return None
        entries = [str(e) for e in listed]
    # one look-behind for all the entries, not one each: the same matches, some four times
    # faster (the engine tried every entry's look-behind at every position of every text)
    body = "|".join(_entry(e) for e in entries)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def mentions(text: str, language: str | None, key: str) -> bool | None:
    """Whether the text holds an entry of list ``key``; None for a language without a list.

    With ``language`` None, the lists of every language count (for texts of mixed languages).
    """
    found = pattern(key, language)
    return None if found is None else bool(found.search(text))


def clauses(text: str, language: str) -> list[str]:
    """The text cut at the end of sentences and at words such as "maar" / "but"."""
    breaks = pattern("clause_breaks", language)
    pieces = re.split(r"[;:.!?()]+", text)
    if breaks is not None:
        pieces = [part for piece in pieces for part in breaks.split(piece)]
    return [piece.strip() for piece in pieces if piece and piece.strip()]


# --- word forms (topic detection) ---------------------------------------------------------------

#: Snowball's name for each language whose word forms the checks know.
_SNOWBALL = {"nl": "dutch", "en": "english", "fr": "french", "de": "german"}
_TOKEN = re.compile(r"\w+")


@cache
def _stemmer(language: str) -> Any:
    import snowballstemmer  # type: ignore[import-untyped]  # lazy: only the topic checks use it

    return snowballstemmer.stemmer(_SNOWBALL[language])


@cache
def stem(word: str, language: str) -> str:
    """The word's stem in a language ("ouders" and "ouder": "ouder"), lower-cased."""
    word = word.lower()
    return str(_stemmer(language).stemWord(word)) if language in _SNOWBALL else word


def tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


class Forms:
    """Keywords per language matched by word form: each word of a keyword matches any form of
    it (Snowball stemmer: "ouder" matches "ouders", "tuchtmaatregel" "tuchtmaatregelen"); a word
    ending in ``*`` matches the start of a word, for the head of a Dutch compound ("tucht*":
    tuchtprocedure, tuchtmaatregel). A phrase matches consecutive words.

    Fast path: the words as written are tried first, so that a text which holds a keyword as
    written never loads a stemmer (a complete policy mostly does)."""

    def __init__(self, keywords: dict[str, list[str]]) -> None:
        #: (language, ((word, is_prefix), ...)) with the words as written, lower-cased
        self._keys: list[tuple[str, tuple[tuple[str, bool], ...]]] = []
        for language, entries in keywords.items():
            for entry in entries:
                words = tuple(
                    (piece.rstrip("*").lower(), True) if piece.endswith("*") else (word, False)
                    for piece in str(entry).split()
                    for word in (tokens(piece) if not piece.endswith("*") else [piece])
                )
                self._keys.append((language, words))
        self._stemmed: list[tuple[str, tuple[tuple[str, bool], ...]]] | None = None

    def _stemmed_keys(self) -> list[tuple[str, tuple[tuple[str, bool], ...]]]:
        if self._stemmed is None:
            self._stemmed = [
                (
                    language,
                    tuple((w if prefix else stem(w, language), prefix) for w, prefix in words),
                )
                for language, words in self._keys
            ]
        return self._stemmed

    def search(self, text: str, *, stemmed: bool | None = None) -> str | None:
        """The first keyword found in the text (in any of the keywords' languages), or None.

        ``stemmed`` False: only the words as written; True: only by word form; None: both."""
        raw = _raw(text)
        found = None
        if stemmed is not True:
            found = _find(self._keys, raw, lambda _language: (raw, _words_set(text)))
        if found is None and stemmed is not False:
            found = _find(self._stemmed_keys(), raw, lambda language: _stems(text, language))
        return found


Analysis = tuple[tuple[str, ...], frozenset[str]]


def _find(
    keys: list[tuple[str, tuple[tuple[str, bool], ...]]],
    raw: tuple[str, ...],
    forms_of: Any,
) -> str | None:
    """The first key whose words stand in a row in the text (``forms_of(language)``: the text's
    words in the form the keys are written in, and their set)."""
    joined = " " + " ".join(raw)
    seen: dict[str, Analysis] = {}
    for language, words in keys:
        if language not in seen:
            seen[language] = forms_of(language)
        forms, known = seen[language]
        first, prefix = words[0]
        if prefix and " " + first not in joined:
            continue
        if not prefix and first not in known:
            continue
        if len(words) == 1 and not prefix:
            return raw[forms.index(first)]
        for start in range(len(raw) - len(words) + 1):
            if all(
                raw[start + i].startswith(w) if is_prefix else forms[start + i] == w
                for i, (w, is_prefix) in enumerate(words)
            ):
                return " ".join(raw[start : start + len(words)])
    return None


@cache
def _raw(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


@cache
def _words_set(text: str) -> frozenset[str]:
    return frozenset(_raw(text))


@cache
def _stems(text: str, language: str) -> Analysis:
    forms = tuple(stem(t, language) for t in _raw(text))
    return forms, frozenset(forms)
