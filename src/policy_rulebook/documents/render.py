"""``rulebook render``: the whole policy as a document for staff, in Markdown or HTML.

Jinja2 templates (``linter/templates``) in the article's order. Every text of the policy is
escaped: in HTML by autoescaping, in Markdown by ``markdown_text`` applied to every expression
(Jinja's ``finalize``), so that ``<script>``, raw HTML and ``javascript:`` links in a rule come
out as inert text. The HTML is one self-contained file: styles inline, the scheme as inline SVG.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from policy_rulebook.core import i18n
from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.scheme import Scheme

FORMATS = ("markdown", "html")

#: Headings and labels of the rendered document, per language.
LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "version": "Versie",
        "status": "Status",
        "adopted_on": "Goedgekeurd op",
        "effective_from": "Van kracht vanaf",
        "review_by": "Te herzien tegen",
        "owner": "Eigenaar",
        "contents": "Inhoud",
        "distribution": "Zo brengen we het beleid",
        "brand": "Wie zijn we?",
        "mission": "Missie",
        "vision": "Visie",
        "values": "Waarden",
        "online_behaviour": "Zo gedragen we ons online",
        "tone_of_voice": "Tone of voice",
        "register": "Aanspreekvorm",
        "informal": "informeel (je/jij)",
        "formal": "formeel (u)",
        "conduct": "Do's en don'ts",
        "speaking_capacity": "In wiens naam spreek je?",
        "own_name": "In eigen naam",
        "on_behalf": "In naam van de organisatie",
        "disclaimer": "Disclaimer",
        "dos": "Do's",
        "donts": "Don'ts",
        "why": "Waarom",
        "example": "Voorbeeld",
        "legal": "Juridische do's en don'ts",
        "basis": "Grondslag",
        "consequence": "Gevolg",
        "private": "Geldt ook voor persoonlijke accounts",
        "contact": "Aanspreekpunt",
        "primary": "Aanspreekpunt",
        "backup": "Vervanger",
        "escalation": "Escalatie",
        "email": "E-mail",
        "phone": "Telefoon",
        "hours": "Bereikbaar",
        "roles": "Wie doet wat?",
        "team": "Team",
        "tasks": "Taken",
        "task": "Taak",
        "task_owner": "Verantwoordelijke",
        "frequency": "Hoe vaak",
        "initiative": "Initiatief",
        "reactions": "Hoe reageer je?",
        "scheme": "Reactieschema",
        "steps": "Het schema in woorden",
        "too_large": (
            "Het schema heeft te veel stappen om te tekenen; ze staan hieronder in woorden."
        ),
        "question": "Vraag",
        "outcome": "Uitkomst",
        "yes": "ja",
        "no": "nee",
        "then": "ga naar",
        "help": "Uitleg",
        "guidance": "Zo doe je het",
        "action": "Actie",
        "scenarios": "Scenario's",
        "situation": "Situatie",
        "answer": "Zo reageren we",
        "step": "Stap in het schema",
        "house_rules": "Huisregels",
        "category": "Categorie",
        "channels": "Officiële accounts",
        "purpose": "Doel",
        "response_time": "Reactietijd",
        "response_times": "Reactietijden",
        "office_hours": "Tijdens de kantooruren",
        "first_response": "Eerste reactie",
        "evenings_weekends": "'s Avonds en in het weekend",
        "crisis": "Bij een crisis",
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
    },
    "en": {
        "version": "Version",
        "status": "Status",
        "adopted_on": "Adopted on",
        "effective_from": "Effective from",
        "review_by": "Review by",
        "owner": "Owner",
        "contents": "Contents",
        "distribution": "How we bring the policy to staff",
        "brand": "Who we are",
        "mission": "Mission",
        "vision": "Vision",
        "values": "Values",
        "online_behaviour": "How we behave online",
        "tone_of_voice": "Tone of voice",
        "register": "Register",
        "informal": "informal",
        "formal": "formal",
        "conduct": "Do's and don'ts",
        "speaking_capacity": "On whose behalf do you speak?",
        "own_name": "In your own name",
        "on_behalf": "On behalf of the organisation",
        "disclaimer": "Disclaimer",
        "dos": "Do's",
        "donts": "Don'ts",
        "why": "Why",
        "example": "Example",
        "legal": "Legal do's and don'ts",
        "basis": "Basis",
        "consequence": "Consequence",
        "private": "Also applies to personal accounts",
        "contact": "Contact point",
        "primary": "Contact point",
        "backup": "Backup",
        "escalation": "Escalation",
        "email": "E-mail",
        "phone": "Phone",
        "hours": "Hours",
        "roles": "Who does what",
        "team": "Team",
        "tasks": "Tasks",
        "task": "Task",
        "task_owner": "Responsible",
        "frequency": "How often",
        "initiative": "Initiative",
        "reactions": "How to react",
        "scheme": "Reaction scheme",
        "steps": "The scheme in words",
        "too_large": "The scheme has too many steps to draw; they follow below in words.",
        "question": "Question",
        "outcome": "Outcome",
        "yes": "yes",
        "no": "no",
        "then": "go to",
        "help": "Help",
        "guidance": "How to do it",
        "action": "Action",
        "scenarios": "Scenarios",
        "situation": "Situation",
        "answer": "How we react",
        "step": "Step in the scheme",
        "house_rules": "House rules",
        "category": "Category",
        "channels": "Official accounts",
        "purpose": "Purpose",
        "response_time": "Response time",
        "response_times": "Response times",
        "office_hours": "During office hours",
        "first_response": "First response",
        "evenings_weekends": "Evenings and weekends",
        "crisis": "In a crisis",
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
    },
}

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def markdown_text(value: Any) -> str:
    """Policy text as inert Markdown on one line: no HTML, no links, no emphasis, no blocks.

    ``<``, ``>`` and ``&`` become entities (no raw HTML, no autolinks such as
    ``<javascript:...>``), the characters that start inline syntax are backslash-escaped (no
    ``[text](javascript:...)`` links, no emphasis or code), and line breaks become spaces (no
    headings, lists or tables inside a rule).
    """
    if value is None:
        return ""
    from markupsafe import Markup

    if isinstance(value, Markup):
        return str(value)
    from policy_rulebook.core import escape

    return escape.markdown(" ".join(str(value).split()))


_SCHEME = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_MAILTO = re.compile(r"^\s*(mailto:\s*)+", re.IGNORECASE)
_ADDRESS = re.compile(r"^[^\s@<>\"'():;,]+@[^\s@<>\"'():;,]+$")


def safe_url(value: Any) -> str | None:
    """A URL that may become a link: http(s) or mailto only; anything else stays text."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not _SCHEME.match(text) or re.search(r"[\s<>\"'`]", text):
        return None
    if text.lower().startswith("mailto:"):
        return email_href(text)
    return text


def email_address(value: Any) -> str:
    """An e-mail field as people read it: without a ``mailto:`` the user may have written."""
    return _MAILTO.sub("", str(value)).strip() if value is not None else ""


def email_href(value: Any) -> str | None:
    """The ``mailto:`` link of an e-mail field, once, whether or not the field has the prefix;
    None (no link, the text stays) when it is not an address."""
    address = email_address(value)
    return f"mailto:{address}" if _ADDRESS.match(address) else None


def labels(language: str | None) -> dict[str, str]:
    """The labels in a language: its own table, the English one through the language's
    catalogue (core.i18n), or English."""
    base = (language or "nl").split("-")[0]
    if base not in LABELS and base in i18n.LANGUAGES:
        LABELS[base] = i18n.translated(LABELS["en"], base)
    return LABELS.get(base, LABELS["en"])


def render(
    document: Document, scheme: Scheme | None, output_format: str, language: str | None
) -> str:
    import jinja2

    from policy_rulebook.core.dates import long_date
    from policy_rulebook.documents.articles import numbers
    from policy_rulebook.documents.graph import answer_words, mermaid
    from policy_rulebook.documents.layout import drawable, layout

    if output_format not in FORMATS:
        raise InputError(f"unknown format `{output_format}`: use {' or '.join(FORMATS)}")
    html = output_format == "html"
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("policy_rulebook.documents", "templates"),
        autoescape=html,
        finalize=None if html else markdown_text,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    primary = document.primary_language
    environment.filters["long_date"] = lambda iso: long_date(language or primary or "en", str(iso))

    def text(value: Any) -> Any:
        from policy_rulebook.core.document import text_for, text_or_primary

        found = text_or_primary(value, language, primary) or ""
        if (
            html
            and found
            and primary
            and primary != language
            and text_for(value, language, primary) is None
        ):
            # Not translated: the primary language's words, marked as such for screen readers.
            from markupsafe import Markup, escape

            return Markup('<span lang="{}">{}</span>').format(primary, escape(found))
        return found

    def plain(value: Any) -> str:
        from policy_rulebook.core.document import text_or_primary

        return text_or_primary(value, language, primary) or ""

    words = answer_words(language)
    context = {
        "policy": document.data,
        "language": language or primary or "en",
        "t": text,
        "L": labels(language),
        "url": safe_url,
        "email_href": email_href,
        "email_address": email_address,
        "plain": plain,
        "scheme": scheme,
        "raw": _markup,
        "words": dict(zip(("yes", "no"), words, strict=True)),
        "layout": layout(scheme, language, words) if scheme and drawable(scheme) else None,
        "too_large": bool(scheme and scheme.nodes and not drawable(scheme)),
        "mermaid": _markup(mermaid(scheme, language)) if scheme and scheme.nodes else None,
        "rules_by_id": {r.get("id"): r for _, r in document.iter_kind("house-rule")},
        "roles_by_id": {r.get("id"): r for _, r in document.iter_kind("role")},
        "num": numbers(document.data),
        "footer": footer_line(document.data, language or primary or "en", text),
    }
    template = environment.get_template("policy.html.j2" if html else "policy.md.j2")
    return template.render(context)


def approval(meta: Any, language: str, text: Any = str) -> str | None:
    """``meta.approval`` ({by, decision, date}) in words, else "Approved on <adopted_on>"
    for an adopted policy; None when there is neither."""
    from policy_rulebook.core.dates import long_date

    words = labels(language)
    if not isinstance(meta, Mapping):
        return None
    given = meta.get("approval")
    if isinstance(given, Mapping) and given.get("by"):
        date = given.get("date")
        decision = str(text(given.get("decision")) or "") or words["approved"]
        line = words["approved_by"].format(
            decision=decision,
            by=str(given["by"]),
            date=long_date(language, str(date)) if date else "?",
        )
        return line[0].upper() + line[1:]
    if meta.get("adopted_on") and meta.get("status", "adopted") != "draft":
        return f"{words['adopted_on']} {long_date(language, str(meta['adopted_on']))}"
    return None


def footer_line(data: Any, language: str, text: Any = str) -> str:
    """What every printed page says at its foot: version, effective date, approval."""
    from policy_rulebook.core.dates import long_date

    words = labels(language)
    meta = data.get("meta") if isinstance(data, Mapping) else None
    if not isinstance(meta, Mapping):
        return ""
    parts = [f"{words['version']} {meta.get('version', '?')}"]
    if meta.get("effective_from"):
        effective = long_date(language, str(meta["effective_from"]))
        parts.append(f"{words['effective_from']} {effective}")
    # A footer has room for the date of approval only; the decision is on the first page.
    given = meta.get("approval")
    date = given.get("date") if isinstance(given, Mapping) else None
    if date and meta.get("status", "adopted") != "draft":
        parts.append(f"{words['adopted_on']} {long_date(language, str(date))}")
    else:
        parts.append(approval(meta, language, text) or words["draft"].upper())
    return " · ".join(parts)


def _markup(text: str) -> Any:
    from markupsafe import Markup

    return Markup(text)  # Mermaid labels are escaped by policy_rulebook.documents.graph
