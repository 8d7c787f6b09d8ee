"""Where a line of YAML is out of step with its siblings, in plain words.

A field one space left of the other fields of its item, or a ``- `` right of the other items
of its list: the reader says "expected <block end>, but found '<block mapping start>'" at the
line where it stopped, which is often the correct sibling below the wrong one. ``out_of_step``
compares a line with the blocks still open above it and names the column to move it to; when
the first field of a block is the one off (``nl:`` a space too far, ``en:`` right), it names that
one, by the file's own indentation step. Each hint is checked by moving the line and reading
again (``yaml_repairs.mends``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from policy_rulebook.core import yaml_repairs
from policy_rulebook.core.i18n import ngettext
from policy_rulebook.core.mistake import LANGUAGE, Mistake
from policy_rulebook.core.yaml_repairs import indentation

_PARTS = re.compile(r"( *)((?:- +)*)(.*)$")
_KEY = re.compile(r"""("[^"]*"|'[^']*'|[^\s#'"{\[\-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?:[ \t]|$)""")


@dataclass(frozen=True)
class _Level:
    """An open block above a line: a field (``key``) or a list item's ``- `` (``dash``)."""

    kind: str
    indent: int
    line: int  # 0-based
    name: str


def _parts(line: str) -> tuple[int | None, int, str | None]:
    """(column of the line's ``- `` or None, column of its text, the field's name or None)."""
    found = _PARTS.match(line)
    assert found is not None  # the pattern matches every line
    lead, dashes, rest = len(found[1]), found[2], found[3]
    key = _KEY.match(rest)
    return (lead if dashes else None), lead + len(dashes), (key[1].strip("\"'") if key else None)


def _levels(lines: list[str], number: int) -> list[_Level]:
    """The blocks still open at line ``number``, innermost first: the fields and list items
    whose columns the line could line up with."""
    levels: list[_Level] = []
    floor = 1 << 30
    for index in range(number - 1, -1, -1):
        line = lines[index]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        dash, start, key = _parts(line)
        if key is not None and start < floor:
            levels.append(_Level("key", start, index, key))
            floor = start
        if dash is not None and dash < floor:
            levels.append(_Level("dash", dash, index, ""))
            floor = dash
        if floor == 0:
            break
    return levels


def _nearest(levels: list[_Level], kind: str, here: int, name: str | None = None) -> int | None:
    """The index of the level of ``kind`` whose column is nearest to ``here``. On a tie the one
    whose field is of the same sort (a language code among the languages of a text, another
    name among the fields of an item), else the inner one."""

    def alike(level: _Level) -> bool:
        return name is None or bool(LANGUAGE.fullmatch(level.name)) == bool(
            LANGUAGE.fullmatch(name)
        )

    found = [
        (abs(level.indent - here), not alike(level), i)
        for i, level in enumerate(levels)
        if level.kind == kind
    ]
    return min(found)[2] if found else None


def _opens_block(line: str) -> bool:
    """``key:`` with its value on the lines below (a comment may follow)."""
    return re.search(r":[ \t]*(#.*)?$", line) is not None


def out_of_step(lines: list[str], number: int) -> Mistake | None:
    """Line ``number`` (0-based) compared with its siblings, the other items of its list or the
    other fields of its item, when it is at a column none of the open blocks has."""
    if not 0 < number < len(lines):
        return None
    dash, start, key = _parts(lines[number])
    levels = _levels(lines, number)
    column = dash if dash is not None else start
    if levels and _opens_block(lines[levels[0].line]) and column > levels[0].indent:
        return None  # the first line of a new block: nothing to be out of step with
    if dash is not None:
        index = _nearest(levels, "dash", dash)
        if index is None or levels[index].indent == dash:
            return None
        sibling = levels[index]
        owner = next((lv.name for lv in levels[index + 1 :] if lv.kind == "key"), "")
        moved = " " * sibling.indent + lines[number].lstrip(" ")
        if not yaml_repairs.mends(lines, number, moved):
            return None
        return _dash_out_of_step(number, dash, owner, sibling.indent, sibling.line)
    if key is None:
        return None
    index = _nearest(levels, "key", start, key)
    if index is None or levels[index].indent == start:
        return None
    sibling = levels[index]
    parent = next((lv for lv in levels[index + 1 :] if lv.indent < sibling.indent), None)
    if parent is not None and parent.kind == "dash" and parent.line == sibling.line:
        item = _item_out_of_step(lines, parent, start - sibling.indent)
        if item is not None:  # `- id:` a space too far left, `name:` right below it
            return item
    if parent is not None and _first_is_off(lines, parent, sibling, start):
        # `nl:` one space too far and `en:` right below it: the reader stops at `en`, but `nl`
        # is the one out of step with the file's indentation; tell it there
        number, start, sibling = sibling.line, sibling.indent, _Level("key", start, number, key)
    values = {"here": start, "start": sibling.indent, "field": sibling.name}
    values["line"] = sibling.line + 1
    if parent is None or parent.kind == "dash":
        message = ngettext(
            "this field is at {here} space, the other fields of this item start at {start} "
            "(like `{field}` on line {line}): move it to {start} spaces",
            "this field is at {here} spaces, the other fields of this item start at {start} "
            "(like `{field}` on line {line}): move it to {start} spaces",
            start,
        )
    else:
        message = ngettext(
            "this field is at {here} space, the other fields of `{parent}` start at {start} "
            "(like `{field}` on line {line}): move it to {start} spaces",
            "this field is at {here} spaces, the other fields of `{parent}` start at {start} "
            "(like `{field}` on line {line}): move it to {start} spaces",
            start,
        )
        values["parent"] = parent.name
    if not yaml_repairs.mends(lines, number, " " * sibling.indent + lines[number].lstrip(" ")):
        return None  # moving it does not help: the reader stumbled on something else
    return Mistake(number + 1, start + 1, message.format(**values))


def _dash_out_of_step(number: int, dash: int, owner: str, start: int, like: int) -> Mistake:
    return Mistake(
        number + 1,
        dash + 1,
        ngettext(
            "this `- ` is at {here} space, the other items of `{list}` start at {start} "
            "(like line {line}): move it to {start} spaces",
            "this `- ` is at {here} spaces, the other items of `{list}` start at {start} "
            "(like line {line}): move it to {start} spaces",
            dash,
        ).format(here=dash, list=owner, start=start, line=like + 1),
    )


#: How far from an item another item of its list is looked for.
_ITEMS_NEAR = 60


def _item_out_of_step(lines: list[str], item: _Level, shift: int) -> Mistake | None:
    """The ``- `` of the item whose first field is ``shift`` columns off from its next one,
    when moving it lines it up with another item of the list and mends the error."""
    column = item.indent + shift
    near = range(max(item.line - _ITEMS_NEAR, 0), min(item.line + _ITEMS_NEAR, len(lines)))
    like = next((n for n in near if n != item.line and _parts(lines[n])[0] == column), None)
    if column < 0 or like is None:
        return None
    if not yaml_repairs.mends(lines, item.line, " " * column + lines[item.line].lstrip(" ")):
        return None
    levels = _levels(lines, item.line)
    owner = next((lv.name for lv in levels if lv.kind == "key" and lv.indent < column), "")
    return _dash_out_of_step(item.line, item.indent, owner, column, like)


def _first_is_off(lines: list[str], parent: _Level, sibling: _Level, start: int) -> bool:
    """Whether the sibling above, not the line, is out of step: the line is one indentation
    step below its parent as the file indents, the sibling is not, and moving it mends."""
    step = _indent_step(lines)
    if parent.kind != "key" or start - parent.indent != step:
        return False
    if sibling.indent - parent.indent == step:
        return False
    moved = " " * start + lines[sibling.line].lstrip(" ")
    return yaml_repairs.mends(lines, sibling.line, moved)


def _indent_step(lines: list[str]) -> int:
    """How far the file indents a field below the one it belongs to (most often)."""
    steps: Counter[int] = Counter()
    previous = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        step = indentation(line) - indentation(previous) if previous is not None else 0
        if previous is not None and previous.rstrip().endswith(":") and step > 0:
            steps[step] += 1
        previous = line
    return steps.most_common(1)[0][0] if steps else 2
