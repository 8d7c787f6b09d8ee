"""RB100's words for a value YAML read otherwise than the person meant: a phone number read as
a number (its leading zero lost), ``ja`` as true, ``2.2`` as a number where a version has three
parts, a day-month-year date, a hashtag read as a comment (the text empty)."""

from __future__ import annotations

import re

from policy_rulebook.core.document import Document
from policy_rulebook.core.i18n import _


def as_iso_date(value: object) -> str | None:
    """A day-month-year date (14/03/2023, 14-3-2023, 14.03.2023) as 2023-03-14, else None."""
    import datetime as dt

    found = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", str(value).strip())
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def quote_hint(where: str, value: bool | int | float, ptr: str = "") -> str:
    """A text YAML read as a number or as true/false: the fix for that field (a version gets
    its three parts, a phone number its leading zero, any other text its quotes)."""
    if isinstance(value, bool):
        return _(
            "{where} should be a text, but YAML read it as {value} (yes, no, on and off "
            "mean true or false in YAML): put the text between double quotes, like "
            '"ja"'
        ).format(where=where, value=str(value).lower())
    if ptr == "/meta/version":
        parts = str(value).split(".")
        suggested = ".".join([*parts, "0", "0"][:3]) if len(parts) < 3 else str(value)
        return _(
            "{where} is a version number with three parts (major.minor.patch), but YAML read "
            "{value} as a number: write all three parts, like `version: {suggested}`"
        ).format(where=where, value=value, suggested=suggested)
    if ptr.endswith("/phone"):
        return _(
            "{where} should be a text, but YAML read it as the number {value}: put it "
            'between double quotes, like "0479 12 34 56", so that it stays as written '
            "(with its leading zero)"
        ).format(where=where, value=value)
    return _(
        "{where} should be a text, but YAML read it as the number {value}: put it between "
        'double quotes, like "{value}", so that it stays as written'
    ).format(where=where, value=value)


#: ``key: #lindebeek ...``: the value is empty because YAML reads the rest as a comment (a
#: hashtag: ``# TODO`` is a comment meant as one).
_COMMENT_VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+)?[^\s#:'\"][^#:]*:)[ \t]+(?P<text>#\w.*?)\s*$")


def empty_by_comment(document: Document, ptr: str, where: str) -> str | None:
    """The message for an empty value whose line reads ``key: #hashtag ...``, or None."""
    position = document.position(ptr)
    source = next((f for f in document.files if f.name == position.file), None)
    if source is None or position.line < 1:
        return None
    lines = source.text.split("\n", position.line)
    found = _COMMENT_VALUE.match(lines[position.line - 1]) if len(lines) >= position.line else None
    if found is None:
        return None
    text = found["text"] if len(found["text"]) <= 60 else found["text"][:59].rstrip() + "…"
    return _(
        "{where} is empty, because YAML reads `#` and the rest of the line as a comment: to keep "
        "the hashtag, put the text between double quotes, like `{example}`"
    ).format(where=where, example=f'{found["lead"].strip()} "{text.replace(chr(34), chr(39))}"')
