"""The YAML mistakes of people who do not write YAML, said in plain words.

The YAML reader's own messages ("mapping values are not allowed here", "expected <block end>,
but found '<block mapping start>'") name its grammar, not the mistake. Each recogniser here
looks at the reader's error and at the text around it and, when it knows the mistake, says in
one sentence where it is and what to type instead. A recogniser that guesses from the shape of
a line checks its fix by reading the mended text again (``yaml_repairs``: also the mistakes
found only by trying a fix; ``yaml_indentation``: lines out of step with their siblings).
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
from itertools import pairwise
from typing import Any

from policy_rulebook.core.i18n import _
from policy_rulebook.core.mistake import LANGUAGE, Mistake
from policy_rulebook.core.positions import key_position

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
    from policy_rulebook.core import yaml_repairs  # only for a file that does not read

    mended = line[: value.end()] + yaml_repairs.quoted(line[value.end() :].rstrip())
    if not yaml_repairs.mends(lines, error.line, mended):
        return None  # the colon is not what the reader stumbled on
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
        or "mapping values are not allowed" in error.problem
        or "could not find expected ':'" in error.problem
    ):
        return None
    from policy_rulebook.core import yaml_indentation  # only for a file that does not read

    return yaml_indentation.out_of_step(lines, error.line)


def _quoted_start(lines: list[str], error: ReaderError) -> Mistake | None:
    """``nl: "Wees snel" is ons motto.``: YAML takes the quoted words for the whole text."""
    if "expected <block end>" not in error.problem and "expected ','" not in error.problem:
        return None
    for number in (error.line, error.context_line):
        if number is None or number >= len(lines):
            continue
        found = re.match(
            r"""(\s*(?:- +)?(?:[^\s#:'"][^#:]*:[ \t]+)?)(["'])(?:(?!\2).)*\2[ \t]*[^\s#:,]""",
            lines[number],
        )
        if found is None:
            continue
        from policy_rulebook.core import yaml_repairs  # only for a file that does not read

        mended = found[1] + yaml_repairs.quoted(lines[number][len(found[1]) :].rstrip())
        if yaml_repairs.mends(lines, number, mended):
            return Mistake(
                number + 1,
                len(found[1]) + 1,
                _(
                    "this text starts with a quote, so YAML takes only the words between the "
                    "quotes for the text: put the whole text in double quotes and the inner ones "
                    """in single quotes, like `nl: "'Wees snel' is ons motto."`"""
                ),
            )
    return None


def _repaired(lines: list[str], error: ReaderError) -> Mistake | None:
    """A mistake found by trying its fix (``yaml_repairs``): the reader runs again."""
    from policy_rulebook.core import yaml_repairs  # only for a file that does not read

    return yaml_repairs.find(lines, error.line, error.context_line)


#: In order: the first that recognises the error words it.
RECOGNISERS: tuple[Recogniser, ...] = (
    _tab,
    _invisible,
    _unclosed_quote,
    _alias_or_anchor,
    _repaired,  # reads the text again to try each fix, so only after the certain ones
    _quoted_start,
    _indentation,  # before the colon: a line out of step is not a text with a colon
    _colon,
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


def _flow_pieces(node: dict[Any, Any]) -> list[tuple[Any, list[Any]]]:
    """``{nl: Op werkdagen, drie keer per dag, en: ...}``: each language whose text a comma cut,
    with the pieces YAML made into empty fields on the same line (``drie keer per dag``)."""
    lc = getattr(node, "lc", None)
    keys = list(node)
    if lc is None or len(keys) < 2 or not LANGUAGE.fullmatch(str(keys[0])):
        return []
    cut: list[tuple[Any, list[Any]]] = []
    for previous, key in pairwise(keys):
        if node[key] is not None or LANGUAGE.fullmatch(str(key)):
            continue
        try:
            same_line = lc.key(key)[0] == lc.key(previous)[0]
        except (KeyError, TypeError):
            same_line = False
        if not same_line:
            continue
        if cut and cut[-1][1] and cut[-1][1][-1] == previous:
            cut[-1][1].append(key)
        elif isinstance(node[previous], str) and LANGUAGE.fullmatch(str(previous)):
            cut.append((previous, [key]))
    return cut


def comma_in_flow_texts(data: Any, depth: int = 0) -> list[Mistake]:
    """One mistake per ``{...}`` text whose words a comma cut into empty fields; the text is
    put back together (the pieces joined with ``, ``) so that no other check trips over the
    pieces."""
    found: list[Mistake] = []
    if depth > 64:
        return found
    if isinstance(data, dict):
        cut = _flow_pieces(data)
        if cut:
            language, pieces = cut[0]
            line, column = key_position(data, language) or (1, 1)  # cut: it has positions
            whole = ", ".join([data[language], *(str(p) for p in pieces)])
            found.append(
                Mistake(
                    line,
                    column,
                    _(
                        "inside `{{...}}` a comma ends a text, so YAML cut this text after "
                        '“{cut}”: put the text in double quotes, like `{language}: "{whole}"` '
                        "(or write one language per line, without the braces)"
                    ).format(cut=data[language], language=language, whole=whole),
                )
            )
            for language, pieces in cut:
                data[language] = ", ".join([data[language], *(str(p) for p in pieces)])
                for piece in pieces:
                    del data[piece]
        for value in data.values():
            found.extend(comma_in_flow_texts(value, depth + 1))
    elif isinstance(data, list):
        for value in data:
            found.extend(comma_in_flow_texts(value, depth + 1))
    return found
