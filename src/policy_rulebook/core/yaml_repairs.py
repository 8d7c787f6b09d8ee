"""YAML mistakes found by trying their fix: the reader is run again on the mended text.

The reader's error ("expected <block end>, but found '<scalar>'") names its grammar, often on a
later line than the mistake: an opened ``[`` or quote is read on until something closes it. A
recogniser that guesses from the shape of a line alone can blame a correct line (``en: >-``
below an unclosed ``[``). Each repair here proposes one mended line; a line is named only when
that repair makes the reader's error go away or move further down. The repairs, tried in order
on the lines around the error:

- a text that starts with a character YAML keeps for itself (``role: [naam] invullen``,
  ``handle: @stadlindebeek``, ``nl: |nieuw``): quote it; for ``[`` and ``{`` the closing
  bracket may be what is missing (``languages: [nl, en``), and the hint says both;
- a text that starts with an elided word (``nl: 's Avonds ...``, ``'t``, ``'90s``): YAML reads
  the apostrophe as an opening quote; quote the whole text;
- a quote that opens a text and is not closed on its line (``email: 'lien@...``): close it;
- a line of a text that starts left of the lines above it: indent it like them;
- a field name without its ``:`` (``owner webcare-team``), for the schema's field names and
  language codes only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from policy_rulebook.core import fastyaml
from policy_rulebook.core.i18n import _, ngettext
from policy_rulebook.core.mistake import Mistake
from policy_rulebook.core.schema import field_names

#: ``key: text`` or ``- text`` (any depth of dashes); ``key`` is None for a list item.
_LINE = re.compile(
    r"^(?P<lead>[ \t]*(?:-[ \t]+)*(?:(?P<key>[^\s#'\"\[\]{},&*!|>?%@`-][^#]*?):[ \t]+)?)"
    r"(?P<text>\S.*?)[ \t]*$"
)
_INDICATORS = "[]{}|>!&*?%@`,-"
_CLOSERS = {"[": "]", "{": "}"}
#: A text in double or single quotes, closed on its line (a comment may follow).
_CLOSED_QUOTE = {
    '"': re.compile(r'"(?:[^"\\]|\\.)*"(?:[ \t]+#.*)?'),
    "'": re.compile(r"'(?:[^']|'')*'(?:[ \t]+#.*)?"),
}

#: A field name and a value with the ``:`` between them missing.
_NO_COLON = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<key>[a-z][a-z_]*) +(?P<text>[^\s:#].*)$")

#: No repair is tried on a larger text (the reader refuses syntax errors in files over 256 KiB
#: before it gets here); each try reads the text once, the C parser at some 10 MB a second.
MAX_TEXT = 512 * 1024

#: How far above the error an opened ``[``, ``{`` or quote is looked for: the reader reads on
#: past an unclosed one and may stop only lines later, without pointing back at it.
_LINES_ABOVE = 60
_OPENS = re.compile(r"""^[ \t]*(?:-[ \t]+)*(?:[^\s#'"\[\]{}][^#]*?:[ \t]+)?(?P<text>[\[{"'].*)""")


def _left_open(line: str) -> bool:
    """A text or list that starts with a quote or bracket and is not closed on its line."""
    found = _OPENS.match(line.rstrip())
    if found is None:
        return False
    text = found["text"]
    if text[0] in _CLOSED_QUOTE:
        return _CLOSED_QUOTE[text[0]].fullmatch(text) is None
    return text.count(text[0]) > text.count(_CLOSERS[text[0]])


#: The most tries (readings of the whole text) for one error.
_MAX_TRIES = 8


class _Unknown(Exception):
    """Whether a fix works cannot be told (no C parser and a large text, or a reader crash)."""


@lru_cache(maxsize=4)  # the text before the fix is read once for all the fixes tried
def _error_line(text: str) -> int | None:
    """The 0-based line of the reader's first error in ``text``; None when it reads."""
    from ruamel.yaml.error import YAMLError

    if not fastyaml.available() and len(text) > MAX_TEXT // 2:
        raise _Unknown
    try:
        for _event in fastyaml.events(text):
            pass
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        return int(mark.line) if mark is not None else 0
    except (ValueError, TypeError, RecursionError) as error:
        raise _Unknown from error
    return None


#: A proposal: the 0-based line, the mended line, and the repair as it will be told.
Proposal = tuple[int, str, Mistake]
Proposer = Callable[[list[str], list[int]], Iterator[Proposal]]


def find(lines: list[str], error_line: int, context_line: int | None) -> Mistake | None:
    """The first proposed repair that mends the reader's error at ``error_line`` (0-based;
    ``context_line`` where what it was reading began)."""
    if not lines:
        return None
    error_line = min(error_line, len(lines) - 1)  # the end of the text is after its last line
    # `owner webcare` is told on the next line; `nl >-` where its sibling `en:` starts
    near = (context_line, error_line, error_line - 1, _sibling_above(lines, error_line))
    around = [n for n in dict.fromkeys(near) if n is not None and 0 <= n < len(lines)]
    if not around:
        return None
    last = max(around)
    above = [
        n
        for n in range(last - 1, max(last - 1 - _LINES_ABOVE, -1), -1)
        if n not in around and _left_open(lines[n])
    ]
    proposals = [proposal for propose in PROPOSERS for proposal in propose(lines, around)]
    proposals += [proposal for propose in SPANNING for proposal in propose(lines, above)]
    return next(
        (
            repair
            for number, mended, repair in proposals[:_MAX_TRIES]
            if mends(lines, number, mended)
        ),
        None,
    )


def _sibling_above(lines: list[str], number: int) -> int | None:
    """The nearest line above ``number`` that is indented no deeper than it."""
    if not 0 <= number < len(lines):
        return None
    indent = indentation(lines[number])
    for above in range(number - 1, max(number - 1 - _LINES_ABOVE, -1), -1):
        if lines[above].strip() and indentation(lines[above]) <= indent:
            return above
    return None


def mends(lines: list[str], number: int, replacement: str) -> bool:
    """Whether putting ``replacement`` in place of line ``number`` (0-based) makes the reader's
    error go away or move further down: how a guess from the shape of a line is checked."""
    if sum(len(line) + 1 for line in lines) > MAX_TEXT:
        return False
    try:
        before = _error_line(_joined(lines))  # cached: once for all the fixes tried
        if before is None:
            return False
        after = _error_line(_joined([*lines[:number], replacement, *lines[number + 1 :]]))
    except _Unknown:
        return False
    return after is None or after > before


def _joined(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON's string is YAML's double-quoted one


#: The longest text quoted whole in an example; a longer one is shortened with "…".
_EXAMPLE_LENGTH = 60


def _example(lead: str, text: str) -> str:
    if len(text) > _EXAMPLE_LENGTH:
        text = text[: _EXAMPLE_LENGTH - 1].rstrip() + "…"
    return lead.lstrip() + quoted(text)


def _texts(lines: list[str], numbers: list[int]) -> Iterator[tuple[int, re.Match[str]]]:
    """The lines with a text after a field name or a ``- ``; not a list item that starts with
    ``- `` (an item out of step is structure, not a text)."""
    for number in numbers:
        match = _LINE.match(lines[number])
        if match is None or not match["lead"].strip():
            continue
        if match["key"] is None and match["text"].startswith("-"):
            continue
        yield number, match


def _indicator_start(lines: list[str], numbers: list[int]) -> Iterator[Proposal]:
    for number, match in _texts(lines, numbers):
        text, lead = match["text"], match["lead"]
        if text[0] not in _INDICATORS:
            continue
        closer = _CLOSERS.get(text[0])
        example = _example(lead, text)
        if closer is not None:  # a list or group left open, or a text?
            yield (
                number,
                lines[number].rstrip() + closer,
                Mistake(
                    number + 1,
                    len(lead) + 1,
                    _(
                        "the `{character}` at the start of this value is never closed: end the "
                        "list with `{closer}`, or, if the `{character}` belongs to the text, put "
                        "the text between double quotes, like `{example}`"
                    ).format(character=text[0], closer=closer, example=example),
                ),
            )
        yield (
            number,
            lead + quoted(text),
            Mistake(
                number + 1,
                len(lead) + 1,
                _(
                    "this text starts with `{character}`, which YAML does not accept at the "
                    "start of a text: put the text between double quotes, like `{example}`"
                ).format(character=text[0], example=example),
            ),
        )


#: A word that starts with an apostrophe: Dutch 's avonds, 't, 'k, 's-Hertogenbosch; '90s.
#: Another text that starts with ``'`` is a quote left open (``email: 'lien@...``).
_ELISION = re.compile(r"'(?:[stkmnr]|tis|\d\ds?)(?=[\s-])", re.IGNORECASE)


def _apostrophe_start(lines: list[str], numbers: list[int]) -> Iterator[Proposal]:
    for number, match in _texts(lines, numbers):
        text, lead = match["text"], match["lead"]
        if _ELISION.match(text) is None or _CLOSED_QUOTE["'"].fullmatch(text):
            continue
        yield (
            number,
            lead + quoted(text),
            Mistake(
                number + 1,
                len(lead) + 1,
                _(
                    "this text starts with an apostrophe, which YAML reads as an opening quote: "
                    "put the whole text between double quotes, like `{example}`"
                ).format(example=_example(lead, text)),
            ),
        )


def _quote_never_closed(lines: list[str], numbers: list[int]) -> Iterator[Proposal]:
    for number, match in _texts(lines, numbers):
        text, lead = match["text"], match["lead"]
        closed = _CLOSED_QUOTE.get(text[0])
        if closed is None or closed.fullmatch(text):
            continue
        yield (
            number,
            lines[number].rstrip() + text[0],
            Mistake(
                number + 1,
                len(lead) + 1,
                _(
                    "the quote {quote} that opens this text is never closed: put the same quote "
                    "at the end of the text, on this line"
                ).format(quote=text[0]),
            ),
        )


def indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _continuation_left(lines: list[str], numbers: list[int]) -> Iterator[Proposal]:
    """A line of a text that starts left of the text's other lines."""
    for number in numbers:
        line = lines[number]
        previous = next((n for n in range(number - 1, -1, -1) if lines[n].strip()), None)
        own = _LINE.match(line)
        if previous is None or own is None or own["key"] is not None or own["lead"].strip():
            continue  # a field or a list item is structure; only a line of text continues
        above = lines[previous]
        match = _LINE.match(above)
        continues = match is not None and match["key"] is None and not match["lead"].strip()
        opens = match is not None and match["key"] is not None and match["text"][:1] in "|>"
        if not (continues or opens):
            continue
        spaces = indentation(above) + (2 if opens else 0)
        if indentation(line) >= spaces:
            continue
        yield (
            number,
            " " * spaces + line.lstrip(" "),
            Mistake(
                number + 1,
                indentation(line) + 1,
                ngettext(
                    "this line belongs to the text above but starts further left: indent it "
                    "like the text's other lines ({spaces} space)",
                    "this line belongs to the text above but starts further left: indent it "
                    "like the text's other lines ({spaces} spaces)",
                    spaces,
                ).format(spaces=spaces),
            ),
        )


def _dash_without_space(lines: list[str], numbers: list[int]) -> Iterator[Proposal]:
    """``-id: x``: the ``-`` of a list item needs a space after it."""
    for number in numbers:
        match = re.match(r"^(?P<lead>[ \t]*)-(?P<rest>[^\s\d-].*)$", lines[number])
        if match is None:
            continue
        yield (
            number,
            f"{match['lead']}- {match['rest']}",
            Mistake(
                number + 1,
                len(match["lead"]) + 2,
                _("a space is missing after the `-` of this list item: write `- {start}`").format(
                    start=match["rest"].split(" ")[0]
                ),
            ),
        )


def _missing_colon(lines: list[str], numbers: list[int]) -> Iterator[Proposal]:
    for number in numbers:
        match = _NO_COLON.match(lines[number])
        if match is None or not _is_field_name(match["key"], lines, number):
            continue
        example = f"{match['key']}: {match['text']}"
        if len(example) > _EXAMPLE_LENGTH:
            example = example[: _EXAMPLE_LENGTH - 1].rstrip() + "…"
        yield (
            number,
            f"{match['lead']}{match['key']}: {match['text']}",
            Mistake(
                number + 1,
                len(match["lead"]) + len(match["key"]) + 1,
                _("a `:` is missing after `{key}`: write `{example}`").format(
                    key=match["key"], example=example
                ),
            ),
        )


def _is_field_name(word: str, lines: list[str], number: int) -> bool:
    """A field of the schema, or a language code beside another one (``nl:`` above ``en``)."""
    if word in field_names():
        return True
    if re.fullmatch(r"[a-z]{2}", word) is None:
        return False
    indent = indentation(lines[number])
    near = lines[max(number - 8, 0) : number] + lines[number + 1 : number + 9]
    return any(
        indentation(line) == indent and re.match(r"[ \t]*(?:-[ \t]+)?[a-z]{2}:(?:\s|$)", line)
        for line in near
    )


#: In order, on the line of the error and the line where the reader began: the first
#: proposal that mends the error is told.
PROPOSERS: tuple[Proposer, ...] = (
    _indicator_start,
    _apostrophe_start,
    _quote_never_closed,
    _dash_without_space,
    _continuation_left,
    _missing_colon,
)

#: Then on the lines above that open a text or a list that may run on: the same proposals.
SPANNING: tuple[Proposer, ...] = (_indicator_start, _apostrophe_start, _quote_never_closed)
