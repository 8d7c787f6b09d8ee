"""The line at the foot of every printed page, and the approval in words (title page, footer)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policy_rulebook.changelog.legal_fields import approval_line
from policy_rulebook.core.dates import long_date
from policy_rulebook.documents.words import labels


def approval(data: Mapping[str, Any], language: str) -> str | None:
    """``meta.approval`` in words (the one wording, ``changelog.legal_fields.approval_line``:
    the body, or the role by its name), else "Adopted on <adopted_on>" for an adopted policy;
    None when there is neither."""
    meta = data.get("meta")
    if not isinstance(meta, Mapping):
        return None
    given = meta.get("approval")
    if isinstance(given, Mapping) and (given.get("by") or given.get("body")):
        return approval_line(dict(given), language, dict(data))
    if meta.get("adopted_on") and meta.get("status", "adopted") != "draft":
        words = labels(language)
        return f"{words['adopted_on']} {long_date(language, str(meta['adopted_on']))}"
    return None


def footer_line(data: Any, language: str) -> str:
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
        parts.append(approval(data, language) or words["draft"].upper())
    return " · ".join(parts)
