"""The page's own words (contents, draft, the steps of the scheme, ...) per language.

Labels of the policy's fields come from the schema's titles (``documents.model.label``); this
table holds the words a page needs besides them. Dutch and English have their own table, other
languages read the English one through their gettext catalogue.
"""

from __future__ import annotations

from functools import cache

from policy_rulebook.core import i18n

#: Headings and labels of the rendered document, per language.
LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "version": "Versie",
        "status": "Status",
        "adopted_on": "Goedgekeurd op",
        "effective_from": "Van kracht vanaf",
        "contents": "Inhoud",
        "informal": "informeel (je/jij)",
        "formal": "formeel (u)",
        "scheme": "Reactieschema",
        "steps": "Het schema in woorden",
        "question": "Vraag",
        "outcome": "Uitkomst",
        "start": "start",
        "scheme_alt": "Het reactieschema als diagram; dezelfde stappen staan hieronder in woorden.",
        "draft": "ontwerp",
        "adopted": "goedgekeurd",
        "retired": "ingetrokken",
        "respond": "reageren",
        "let-stand": "laten staan",
        "remove": "verwijderen",
        "hide": "verbergen",
        "monitor": "opvolgen",
        "block": "blokkeren",
        "private-message": "privébericht",
        "warn": "waarschuwen",
        "report": "melden",
        "escalate": "escaleren",
        "approved_by": "{decision} door {by} op {date}",
        "approved": "Goedgekeurd",
        "edit": "bewerken",
        "edit_title": "Dit artikel bewerken",
    },
    "en": {
        "version": "Version",
        "status": "Status",
        "adopted_on": "Adopted on",
        "effective_from": "Effective from",
        "contents": "Contents",
        "informal": "informal",
        "formal": "formal",
        "scheme": "Reaction scheme",
        "steps": "The scheme in words",
        "question": "Question",
        "outcome": "Outcome",
        "start": "start",
        "scheme_alt": "The reaction scheme as a diagram; the same steps follow below in words.",
        "draft": "draft",
        "adopted": "adopted",
        "retired": "retired",
        "respond": "respond",
        "let-stand": "let stand",
        "remove": "remove",
        "hide": "hide",
        "monitor": "monitor",
        "block": "block",
        "private-message": "private message",
        "warn": "warn",
        "report": "report",
        "escalate": "escalate",
        "approved_by": "{decision} by {by} on {date}",
        "approved": "Approved",
        "edit": "edit",
        "edit_title": "Edit this article",
    },
}


@cache
def labels(language: str | None) -> dict[str, str]:
    """The words in a language: its own table, the English one through the language's
    catalogue (core.i18n), or English. Computed once per language; no table is changed."""
    base = (language or "nl").split("-")[0]
    if base in LABELS:
        return LABELS[base]
    if base in i18n.LANGUAGES:
        return i18n.translated(LABELS["en"], base)
    return LABELS["en"]
