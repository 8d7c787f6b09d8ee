"""Messages in the reader's language: every user-facing string of ours goes through ``_``.

Write messages with named placeholders and format after translating, so that a translation
may reorder them: ``_("{path}: missing section {section}").format(path=..., section=...)``.
``N_`` marks a string for the catalogue where it is defined (a table, a constant) and is
translated with ``_`` where it is shown.
"""

from __future__ import annotations


def _(message: str) -> str:
    """``message`` in the chosen language (for now: as written, in English)."""
    return message


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it here."""
    return message
