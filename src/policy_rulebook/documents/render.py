"""``rulebook render``: the whole policy as a document for staff, in Markdown or HTML.

Jinja2 templates (``linter/templates``) in the article's order. Every text of the policy is
escaped: in HTML by autoescaping, in Markdown by ``markdown_text`` applied to every expression
(Jinja's ``finalize``), so that ``<script>``, raw HTML and ``javascript:`` links in a rule come
out as inert text. The HTML is one self-contained file: styles inline, the scheme as inline SVG.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from policy_rulebook.core import i18n
from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import N_
from policy_rulebook.core.labels import title, yes_no
from policy_rulebook.core.scheme import Scheme

FORMATS = ("markdown", "html")

#: Field and section labels of the rendered document: the schema's titles (``core.labels``).
FIELDS: Final[dict[str, tuple[str | int, ...]]] = {
    "version": ("meta", "version"),
    "status": ("meta", "status"),
    "adopted_on": ("meta", "adopted_on"),
    "effective_from": ("meta", "effective_from"),
    "review_by": ("meta", "review_by"),
    "owner": ("meta", "owner"),
    "mission": ("brand", "mission"),
    "vision": ("brand", "vision"),
    "values": ("brand", "values"),
    "tone_of_voice": ("brand", "tone_of_voice"),
    "register": ("brand", "tone_of_voice", "register"),
    "conduct": ("conduct",),
    "on_behalf": ("conduct", "speaking_capacity", "on_behalf"),
    "disclaimer": ("conduct", "speaking_capacity", "disclaimer"),
    "dos": ("conduct", "dos"),
    "donts": ("conduct", "donts"),
    "example": ("conduct", "dos", 0, "example"),
    "legal": ("legal",),
    "consequence": ("legal", "items", 0, "consequence"),
    "contact": ("contact",),
    "primary": ("contact", "primary"),
    "backup": ("contact", "backup"),
    "hours": ("contact", "primary", "hours"),
    "roles": ("roles",),
    "team": ("roles", "team"),
    "tasks": ("roles", "tasks"),
    "reactions": ("reactions",),
    "action": ("house_rules", "rules", 0, "action"),
    "scenarios": ("reactions", "scenarios"),
    "house_rules": ("house_rules",),
    "category": ("house_rules", "rules", 0, "category"),
    "channels": ("channels",),
    "purpose": ("channels", "accounts", 0, "purpose"),
    "response_time": ("channels", "accounts", 0, "response_time"),
    "response_times": ("channels", "response_times"),
    "first_response": ("channels", "response_times", "first_response"),
    "evenings_weekends": ("channels", "response_times", "evenings_weekends"),
}
#: The other words of the rendered document in English; every language reads them through its
#: catalogue.
WORDS: Final[dict[str, str]] = {
    "contents": N_("Contents"),
    "distribution": N_("How we bring the policy to staff"),
    "brand": N_("Who we are"),
    "online_behaviour": N_("How we behave online"),
    "informal": N_("informal"),
    "formal": N_("formal"),
    "speaking_capacity": N_("On whose behalf do you speak?"),
    "own_name": N_("In your own name"),
    "why": N_("Why"),
    "basis": N_("Basis"),
    "private": N_("Also applies to personal accounts"),
    "escalation": N_("Escalation"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "task": N_("Task"),
    "task_owner": N_("Responsible"),
    "frequency": N_("How often"),
    "initiative": N_("Initiative"),
    "scheme": N_("Reaction scheme"),
    "steps": N_("The scheme in words"),
    "question": N_("Question"),
    "outcome": N_("Outcome"),
    "then": N_("go to"),
    "help": N_("Help"),
    "guidance": N_("How to do it"),
    "situation": N_("Situation"),
    "answer": N_("How we react"),
    "step": N_("Step in the scheme"),
    "office_hours": N_("During office hours"),
    "crisis": N_("In a crisis"),
    "start": N_("start"),
    "scheme_alt": N_("The reaction scheme as a diagram; the same steps follow below in words."),
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
    "approved_by": N_("{decision} by {by} on {date}"),
    "approved": N_("Approved"),
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
    """The headings and labels in a language: field names from the schema's titles, the other
    words through the language's catalogue (English without one); yes/no as everywhere."""
    lang = language or "nl"
    words = i18n.translated(WORDS, lang)
    words.update({key: title(lang, path) for key, path in FIELDS.items()})
    words["yes"], words["no"] = yes_no(lang, True), yes_no(lang, False)
    return words


def render(
    document: Document, scheme: Scheme | None, output_format: str, language: str | None
) -> str:
    import jinja2

    from policy_rulebook.core.dates import long_date
    from policy_rulebook.documents.articles import numbers
    from policy_rulebook.documents.graph import answer_words, mermaid
    from policy_rulebook.documents.layout import layout

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
        "layout": layout(scheme, language, words) if scheme and scheme.nodes else None,
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
    if isinstance(given, Mapping) and (given.get("by") or given.get("body")):
        date = given.get("date")
        decision = str(text(given.get("decision")) or "") or words["approved"]
        if given.get("reference"):
            decision += f" ({given['reference']})"
        line = words["approved_by"].format(
            decision=decision,
            by=str(text(given.get("body")) or given.get("by")),
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
    if meta.get("status") == "draft":  # its dates and approval are the version's before it
        return " · ".join([*parts, words["draft"].upper()])
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
