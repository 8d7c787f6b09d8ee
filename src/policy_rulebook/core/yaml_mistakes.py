"""The YAML mistakes of people who do not write YAML, said in plain words.

The YAML reader's own messages ("mapping values are not allowed here", "expected <block end>,
but found '<block mapping start>'") name its grammar, not the mistake. Each recogniser here
looks at the reader's error and at the text around it and, when it knows the mistake, says in
one sentence where it is and what to type instead; the reader's text follows in brackets.
The mistakes that YAML reads without an error (a number with a leading zero, a date in another
format, ``ja`` in a true/false field, an invisible space in a field name) are worded by the
schema check (RB100); a missing ``- `` by the duplicate-key finding (RB002): see
docs/yaml-mistakes.md.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from policy_rulebook.core.i18n import _

#: Invisible characters that Word, mail and web pages paste along with text.
INVISIBLE = {
    "\u00a0": "non-breaking space",
    "\u202f": "narrow non-breaking space",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte order mark",
}
_INVISIBLE = re.compile("[" + "".join(INVISIBLE) + "]")


@dataclass(frozen=True)
class Mistake:
    """A mistake in plain words, at a 1-based line and column."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class ReaderError:
    """What the YAML reader said and where (0-based marks as the reader gives them)."""

    problem: str
    context: str
    line: int  # 0-based
    column: int  # 0-based
    context_line: int | None = None
    context_column: int | None = None


Recogniser = Callable[[list[str], ReaderError], "Mistake | None"]


def _tab(lines: list[str], error: ReaderError) -> Mistake | None:
    if "'\\t'" not in error.problem:
        return None
    for number in range(min(error.line, len(lines) - 1), -1, -1):
        indent = re.match(r"[ \t]*", lines[number]).group()  # type: ignore[union-attr]
        if "\t" in indent:
            return Mistake(
                number + 1,
                indent.index("\t") + 1,
                _(
                    "this line is indented with a tab, and YAML only accepts spaces: replace the "
                    "tab with spaces (as many as the line above)"
                ),
            )
    return None


def _invisible(lines: list[str], error: ReaderError) -> Mistake | None:
    for number in range(min(error.line, len(lines) - 1), max(error.line - 2, -1), -1):
        found = _INVISIBLE.search(lines[number])
        if found is not None:
            return Mistake(
                number + 1,
                found.start() + 1,
                _(
                    "this line holds an invisible character pasted from Word or a web page (a "
                    "non-breaking or zero-width space) where YAML expects a normal space: delete "
                    "it and type a normal space"
                ),
            )
    return None


def _colon(lines: list[str], error: ReaderError) -> Mistake | None:
    if "mapping values are not allowed" not in error.problem or error.line >= len(lines):
        return None
    line = lines[error.line]
    value = re.match(r"\s*(?:- +)?[^\s:#'\"]+:[ \t]+", line)
    if value is None or line[value.end() : value.end() + 1] in ('"', "'"):
        return None
    return Mistake(
        error.line + 1,
        value.end() + 1,
        _(
            "this text holds a colon followed by a space (`: `), which YAML reads as the start of "
            'a new field: put the text between double quotes, like `nl: "Let op: ..."`'
        ),
    )


def _alias_or_anchor(lines: list[str], error: ReaderError) -> Mistake | None:
    alias = "undefined alias" in error.problem or "while scanning an alias" in error.context
    anchor = "while scanning an anchor" in error.context
    if not (alias or anchor) or error.line >= len(lines):
        return None
    line = lines[error.line]
    found = re.search(r"(?<=[:\-] )[*&]|^\s*[*&]", line)
    column = found.start() if found else error.column
    return Mistake(
        error.line + 1,
        column + 1,
        (
            _(
                "this text starts with `*`, which YAML reads as a reference to another part of the "
                'file: put the text between double quotes, like `nl: "*Nieuw* ..."`'
            )
            if alias
            else _(
                "this text starts with `&`, which YAML reads as a label for this part of the file: "
                "put "
                'the text between double quotes, like `nl: "& meer"`'
            )
        ),
    )


def _unclosed_quote(lines: list[str], error: ReaderError) -> Mistake | None:
    if "while scanning a quoted scalar" not in error.context or error.context_line is None:
        return None
    line, column = error.context_line, error.context_column or 0
    quote = lines[line][column : column + 1] if line < len(lines) else '"'
    return Mistake(
        line + 1,
        column + 1,
        _(
            "the quote {quote} that opens this text is never closed: put the same quote at the end "
            "of the text, on this line"
        ).format(quote=quote or '"'),
    )


def _indentation(lines: list[str], error: ReaderError) -> Mistake | None:
    if not (
        "expected <block end>" in error.problem
        or ("mapping values are not allowed" in error.problem)
    ):
        return None
    if error.line >= len(lines) or error.line == 0:
        return None
    here = len(lines[error.line]) - len(lines[error.line].lstrip(" "))
    for number in range(error.line - 1, -1, -1):
        above = lines[number]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        item = re.match(r"(\s*)- +", above)
        start = item.end() if item else len(above) - len(above.lstrip(" "))
        if start == here:
            return None  # aligned: not an indentation mistake
        return Mistake(
            error.line + 1,
            here + 1,
            _(
                "this line is indented {here} spaces where the line above starts at {start}: in "
                "a list item, every field starts exactly under the first letter after `- `; move "
                "this line to line up with the one above"
            ).format(here=here, start=start),
        )
    return None


#: In order: the first that recognises the error words it.
RECOGNISERS: tuple[Recogniser, ...] = (
    _tab,
    _invisible,
    _unclosed_quote,
    _alias_or_anchor,
    _colon,
    _indentation,
)


def explain(text: str, error: ReaderError) -> Mistake | None:
    """The mistake behind a reader error in plain words, or None when it is not a known one."""
    lines = text.splitlines()
    for recognise in RECOGNISERS:
        mistake = recognise(lines, error)
        if mistake is not None:
            return mistake
    return None


def without_invisible(name: str) -> str:
    return _INVISIBLE.sub("", name)


def missing_dash(text: str, line: int) -> bool:
    """Whether a key repeated at ``line`` (1-based) sits in a list item whose ``- `` is
    missing: the item above, at the same depth, starts with ``- ``."""
    return line in missing_dashes(text, (line,))


_ITEM = re.compile(r"(\s*)- +")


def missing_dashes(text: str, lines: Iterable[int]) -> set[int]:
    """The ``lines`` (1-based) for which :func:`missing_dash` holds, in one pass over the text.

    Looking upwards from each repeated key was quadratic (8,000 repeated keys: 30 s). Going
    downwards instead, what the upward search would meet first is known at every line: the
    last item whose ``- `` ends at each column (``dash_end``), and the last line shallower
    than any depth (a stack of lines of strictly increasing depth, searched by bisection).
    """
    wanted = set(lines)
    found: set[int] = set()
    if not wanted:
        return found
    dash_end: dict[int, int] = {}  # column where a ``- `` ends -> last line index with it
    depths: list[int] = []  # the stack: depths strictly increasing, upwards
    indices: list[int] = []
    last = max(wanted)
    for index, here in enumerate(text.splitlines()):
        if index >= last:
            break  # no repeated key further down
        unindented = here.lstrip(" ")
        depth = len(here) - len(unindented)
        if index + 1 in wanted:
            dash = dash_end.get(depth, -1)
            at = bisect.bisect_left(depths, depth - 2) - 1
            shallower = indices[at] if at >= 0 else -1
            if dash >= 0 and dash >= shallower:
                found.add(index + 1)
        stripped = unindented.strip()
        if not stripped or stripped.startswith("#"):
            continue
        while depths and depths[-1] >= depth:
            depths.pop()
            indices.pop()
        depths.append(depth)
        indices.append(index)
        item = _ITEM.match(here)
        if item is not None:
            dash_end[item.end()] = index
    return found
