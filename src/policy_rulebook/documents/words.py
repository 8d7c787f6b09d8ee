"""The page's own words (contents, draft, the steps of the scheme, ...) in a language.

Labels of the policy's fields come from the schema's titles (``core.labels``, through
``documents.model_context.label``); this table holds the words a page needs besides them, in
English, and every language reads them through its gettext catalogue (English without one).
"""

from __future__ import annotations

from functools import cache
from typing import Final

from policy_rulebook.core import i18n
from policy_rulebook.core.i18n import N_
from policy_rulebook.core.labels import title

#: The fields the page names outside their own part (facts, footer): the schema's titles.
FIELDS: Final[dict[str, tuple[str | int, ...]]] = {
    "version": ("meta", "version"),
    "status": ("meta", "status"),
    "adopted_on": ("meta", "adopted_on"),
    "effective_from": ("meta", "effective_from"),
    "review_by": ("meta", "review_by"),
}

#: The page's other words in English; every language reads them through its catalogue.
WORDS: Final[dict[str, str]] = {
    "contents": N_("Contents"),
    "informal": N_("informal"),
    "formal": N_("formal"),
    "scheme": N_("Reaction scheme"),
    "steps": N_("The scheme in words"),
    "question": N_("Question"),
    "outcome": N_("Outcome"),
    "start": N_("start"),
    "scheme_alt": N_("The reaction scheme as a diagram; the same steps follow below in words."),
    "too_large": N_("The scheme has too many steps to draw; they follow below in words."),
    "draft": N_("draft"),
    "adopted": N_("adopted"),
    "retired": N_("retired"),
    "respond": N_("respond"),
    "let-stand": N_("let stand"),
    "remove": N_("remove"),
    "hide": N_("hide"),
    "monitor": N_("monitor"),
    "block": N_("block"),
    "private-message": N_("private message"),
    "warn": N_("warn"),
    "report": N_("report"),
    "escalate": N_("escalate"),
    "edit": N_("edit"),
    "edit_title": N_("Edit this article"),
}


@cache
def labels(language: str | None) -> dict[str, str]:
    """The words in a language: the fields' names from the schema's titles, the others through
    the language's catalogue (English without one). Computed once per language; the tables
    are never changed."""
    lang = language or "nl"
    words = i18n.translated(WORDS, lang)
    words.update({key: title(lang, path) for key, path in FIELDS.items()})
    return words
