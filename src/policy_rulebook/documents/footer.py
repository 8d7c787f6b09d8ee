"""The line at the foot of every printed page, and the approval in words (title page, footer)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from policy_rulebook.core.dates import long_date
from policy_rulebook.documents.words import labels


def approval(meta: Any, language: str, text: Callable[[Any], str] = str) -> str | None:
    """``meta.approval`` ({body or by, decision, reference, date}) in words, else "Approved on
    <adopted_on>" for an adopted policy; None when there is neither."""
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


def footer_line(data: Any, language: str, text: Callable[[Any], str] = str) -> str:
    """What every printed page says at its foot: version, effective date, approval."""
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
