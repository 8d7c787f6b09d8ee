"""Dates as people write them, in the policy's language: ``1 maart 2027``, ``1 March 2027``,
``1 mars 2027``."""

from __future__ import annotations

import datetime as dt
from typing import Final

from policy_rulebook.core import i18n
from policy_rulebook.core.i18n import N_

#: The months in English; every language reads them through its catalogue.
MONTHS: Final[tuple[str, ...]] = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


#: The first day of a month in a date ("1er" in French, "1" elsewhere).
FIRST_DAY: Final[str] = N_("1")


def month_names(lang: str) -> tuple[str, ...]:
    """The twelve months in ``lang`` (English without a catalogue)."""
    with i18n.language(lang):
        return tuple(i18n._(month) for month in MONTHS)


def long_date(lang: str, iso: str) -> str:
    """``2027-03-01`` as people write it; English for a language without a catalogue, and the
    text as it is when it is not a date. The first of the month is "1er" in French, as French
    writes it."""
    try:
        date = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    day = str(date.day)
    if date.day == 1:  # "1er" in French: the first of the month through the catalogue
        with i18n.language(lang):
            day = i18n._(FIRST_DAY)
    return f"{day} {month_names(lang)[date.month - 1]} {date.year}"
