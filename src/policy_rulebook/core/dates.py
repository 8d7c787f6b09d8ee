"""Dates as people write them, in the policy's language: ``1 maart 2027``, ``1 March 2027``."""

from __future__ import annotations

import datetime as dt
from typing import Final

MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}


def long_date(lang: str, iso: str) -> str:
    """``2027-03-01`` as people write it; English for a language without month names here,
    and the text as it is when it is not a date."""
    months = MONTHS.get(lang.split("-")[0].lower(), MONTHS["en"])
    try:
        date = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    day = "1er" if date.day == 1 and months is MONTHS["fr"] else str(date.day)
    return f"{day} {months[date.month - 1]} {date.year}"
