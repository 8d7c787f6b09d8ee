"""The policy's own dates (``meta``), as dates; None where absent or malformed (the schema
check reports those)."""

from __future__ import annotations

import datetime as dt

from policy_rulebook.core.document import Document


def meta_date(document: Document, field: str) -> dt.date | None:
    value = document.get("meta", field)
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
