"""A text that starts with a character YAML keeps for itself, found by trying the fix.

``role: [naam] is onze woordvoerder``, ``handle: @stadlindebeek``, ``nl: |nieuw``: a text may
not start with ``[ ] { } | > ! & * ? % @ ` , -`` unless it is quoted, and the reader's error
("expected <block end>, but found '<scalar>'") names its grammar, often on a later line (an
opened ``[`` is read on until something closes it). The candidates are the line the reader
points at and the line where what it was reading began; a line is named only when putting its
text between double quotes makes the error go away or move further down: a hint that blames a
correct line (``en: >-`` below an unclosed ``[``) is worse than none.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

#: ``key: text`` or ``- text`` (any depth of dashes) whose text starts with a YAML indicator.
_LINE = re.compile(
    r"^(?P<lead>[ \t]*(?:-[ \t]+)*(?:(?P<key>[^\s#'\"\[\]{},&*!|>?%@`-][^#]*?):[ \t]+)?)"
    r"(?P<text>[\[\]{}|>!&*?%@`,-].*?)[ \t]*$"
)

#: Without the C parser, the pure-Python one tries the fix only on files up to this size (it
#: reads about 1 MB a second; the C parser 10 MB).
_SLOW_LIMIT = 256 * 1024

#: The longest text quoted whole in the example; a longer one is shortened with "…".
_EXAMPLE_LENGTH = 60


class _Unknown(Exception):
    """Whether the fix works cannot be told cheaply."""


def _error_line(text: str) -> int | None:
    """The 0-based line of the reader's first error in ``text``; None when it reads."""
    from ruamel.yaml.error import YAMLError

    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:
        CParser = None
    try:
        if CParser is not None:
            parser: Any = CParser(text)
            try:
                while parser.get_event().__class__.__name__ != "StreamEndEvent":
                    pass
            finally:
                parser.dispose()
        elif len(text) <= _SLOW_LIMIT:
            from ruamel.yaml import YAML

            for _event in YAML(typ="rt").parse(text):
                pass
        else:
            raise _Unknown
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        return int(mark.line) if mark is not None else 0
    except (ValueError, TypeError, RecursionError) as error:
        raise _Unknown from error
    return None


@dataclass(frozen=True)
class Hint:
    """Where the text starts (1-based), its first character, the line as it should be
    written, and the closing bracket that mends it too (an unclosed list or group of fields:
    then quoting is only right if the bracket belongs to the text)."""

    line: int
    column: int
    character: str
    example: str
    closer: str | None = None


def find(lines: list[str], candidates: tuple[int | None, ...]) -> Hint | None:
    """The first candidate line (0-based) whose text, quoted, mends the reader's error."""
    numbers = [n for n in dict.fromkeys(candidates) if n is not None and 0 <= n < len(lines)]
    numbers += _openers_above(lines, max(numbers, default=-1))
    tries = [(n, match) for n in numbers if (match := _candidate(lines[n])) is not None]
    if not tries:
        return None
    try:
        before = _error_line(_joined(lines))  # as the mended text is joined
        if before is None:
            return None
        for number, match in tries:
            if _mends(lines, number, match["lead"] + _quoted(match["text"]), before):
                closer = _CLOSERS.get(match["text"][0])
                closes = closer is not None and _mends(
                    lines, number, lines[number].rstrip() + closer, before
                )
                return Hint(
                    number + 1,
                    len(match["lead"]) + 1,
                    match["text"][0],
                    _example(match),
                    closer if closes else None,
                )
    except _Unknown:
        return None
    return None


_CLOSERS = {"[": "]", "{": "}"}


def _candidate(line: str) -> re.Match[str] | None:
    """A text after a field name or a ``- ``; not a list item out of step (``- id: x``),
    which is structure, not a text."""
    match = _LINE.match(line)
    if match is None or not match["lead"].strip():
        return None
    if match["key"] is None and match["text"].startswith("-"):
        return None
    return match


def _mends(lines: list[str], number: int, replacement: str, before: int) -> bool:
    after = _error_line(_joined([*lines[:number], replacement, *lines[number + 1 :]]))
    return after is None or after > before


def _joined(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON's string is YAML's double-quoted one


#: How far above the error an opened ``[`` or ``{`` is looked for, and how many are tried.
_OPENER_LINES = 20
_OPENERS_TRIED = 2


def _openers_above(lines: list[str], number: int) -> list[int]:
    """Lines just above the error whose text opens a ``[`` or ``{``: the reader reads on past
    an unclosed one and may stop only lines later, without pointing back at it."""
    found: list[int] = []
    for above in range(number - 1, max(number - 1 - _OPENER_LINES, -1), -1):
        match = _candidate(lines[above])
        if match is not None and match["text"][0] in "[{":
            found.append(above)
            if len(found) == _OPENERS_TRIED:
                break
    return found


def _example(match: re.Match[str]) -> str:
    text = match["text"]
    if len(text) > _EXAMPLE_LENGTH:
        text = text[: _EXAMPLE_LENGTH - 1].rstrip() + "…"
    lead = match["lead"].lstrip()
    return lead + _quoted(text)
