"""Words that the expert checks (RB8xx) look for in a policy's own texts, per language.

Only languages listed here are judged; a text in another language is left alone.
"""

from __future__ import annotations

from typing import Any

from policy_rulebook.core.document import Document, text_for

#: Words that say criticism is welcome (house rules' intro).
CRITICISM: dict[str, tuple[str, ...]] = {
    "nl": ("kritiek", "kritisch"),
    "en": ("critic",),
    "fr": ("critique",),
    "de": ("kritik",),
}

#: Words that mark a house rule about political posts (not "politie", Dutch for police).
POLITICAL: dict[str, tuple[str, ...]] = {
    "nl": ("politiek", "verkiezing", "stemoproep", "kandida"),
    "en": ("politic", "election", "call to vote", "calls to vote", "candidate"),
    "fr": ("politique", "élection", "candidat"),
    "de": ("politisch", "wahlkampf", "wahlaufruf", "kandidat"),
}

#: Words that say a rule applies to every party or side alike.
EVEN_HANDED: dict[str, tuple[str, ...]] = {
    "nl": ("welke partij", "elke partij", "alle partijen", "iedere partij", "ongeacht",
           "alle kanten", "alle strekkingen", "welke strekking"),
    "en": ("any party", "every party", "all parties", "whatever the party", "regardless",
           "all sides", "any side", "every side", "whatever their"),
    "fr": ("tout parti", "tous les partis", "quel que soit", "quelle que soit"),
    "de": ("jede partei", "alle parteien", "unabhängig", "egal welche"),
}


def versions(document: Document, value: Any) -> dict[str, str]:
    """The text in each declared language that it is written in."""
    primary = document.primary_language
    found: dict[str, str] = {}
    for language in document.languages:
        text = text_for(value, language, primary)
        if text is not None:
            found[language] = text
    return found


def mentions(text: str, language: str, words: dict[str, tuple[str, ...]]) -> bool | None:
    """Whether the text holds one of the words; None for a language without a word list."""
    listed = words.get(language.split("-")[0].lower())
    if listed is None:
        return None
    lowered = text.lower()
    return any(word in lowered for word in listed)
