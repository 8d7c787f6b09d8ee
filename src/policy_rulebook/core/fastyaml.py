"""A fast path for reading plain YAML: libyaml's C parser, data built from its events.

ruamel.yaml's round-trip loader is written in Python and keeps every comment: it reads about
0.3 MB a second, which a pre-commit hook on a long policy feels. Linting needs no comments,
only the data and where each key and item is written. This module builds exactly that from
the C parser's events (``ruamel.yaml.clib``, ruamel's own C extension), in a loop
with an explicit stack, so deep nesting cannot exhaust any stack.

It covers the plain subset that policies are written in: one document, no tags, anchors,
aliases, merge keys or directives. For anything else, for any error, and when the C
extension is not installed, ``parse`` returns None and the loader takes the round-trip path,
which is the reference: its findings and messages are the ones a person sees. Where both
paths read a text, they give equal data with equal positions (tested).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ruamel.yaml.error import YAMLError

#: Deeper than this, the round-trip path reads the file and reports what it makes of it (a
#: policy nests fewer than 10 levels). Keep it below any depth cap of the loader's round trip,
#: so that a file too deep for the loader is always judged by it.
MAX_DEPTH = 32

#: What ruamel and libyaml read differently (found by fuzzing, see tests/test_fastyaml.py):
#: some tabs, the line breaks of YAML 1.1 (NEL, LS, PS), a byte-order mark inside the text, a
#: comment stuck to a block scalar's indicator (``|#``), and blank lines with spaces opening a
#: block scalar. A text with any of them goes the round trip, which judges it.
_ROUND_TRIP_CHARACTERS = ("\t", "\x85", "\u2028", "\u2029", "\ufeff")
_BLANK_OPENING = re.compile(r"[|>][-+0-9]* *(?:#[^\n]*)?\n\n* +\n")
_STUCK_COMMENT = re.compile(r"[|>][-+0-9]*#")
_HEADER_CHARACTERS = "-+0123456789"


def _round_trip_only(text: str) -> bool:
    # Plain substring searches first: one regular expression over a long policy costs more
    # than parsing it.
    if any(character in text for character in _ROUND_TRIP_CHARACTERS):
        return True
    if " \n" in text and _BLANK_OPENING.search(text):
        return True
    # A document-end marker: libyaml takes "...\n..." as one document, ruamel's round trip
    # refuses it; markers are rare in a policy, so the round trip alone decides them.
    if text.startswith("...") or "\n..." in text:
        return True
    at = text.find("#")
    while at != -1:
        start = at
        while start > 0 and text[start - 1] in _HEADER_CHARACTERS:
            start -= 1
        if start > 0 and text[start - 1] in "|>" and _STUCK_COMMENT.match(text, start - 1):
            return True
        at = text.find("#", at + 1)
    return False


_ABSENT = object()
_PLAIN_TEXTS: set[str] = set()  # plain scalars known to resolve to themselves


class Unsupported(Exception):
    """The text is outside the plain subset: the round-trip path must read it."""


class TooManyValues(Exception):
    """The text holds more values (scalars, mappings and lists) than the limit: reading
    stopped there, so no reader spends more time on it."""

    def __init__(self, limit: int, line: int) -> None:
        super().__init__(limit, line)
        self.limit, self.line = limit, line  # the line (1-based) where reading stopped


class Positions:
    """Where a mapping's keys and values, or a list's items, are written: ruamel's ``lc``
    (``LineCol``) interface, 0-based, without its cost."""

    __slots__ = ("col", "data", "line")

    def __init__(self, line: int, col: int) -> None:
        self.line, self.col = line, col
        self.data: dict[Any, tuple[int, ...]] = {}

    def key(self, k: Any) -> tuple[int, int]:
        data = self.data[k]
        return data[0], data[1]

    def value(self, k: Any) -> tuple[int, int]:
        data = self.data[k]
        return data[2], data[3]

    def item(self, idx: int) -> tuple[int, int]:
        data = self.data[idx]
        return data[0], data[1]

    def __repr__(self) -> str:
        return f"Positions({self.line}, {self.col})"


class PlainMap(dict[Any, Any]):
    """A mapping with the positions of its keys and values in ``lc``, as ruamel's have."""

    __slots__ = ("lc",)
    lc: Positions


class PlainSeq(list[Any]):
    """A list with the position of each item in ``lc``, as ruamel's have."""

    __slots__ = ("lc",)
    lc: Positions


@dataclass
class Parsed:
    """What the fast path read: the data, and the duplicate keys it left out (key, line,
    column; 1-based), keeping the first as the round-trip path does."""

    data: Any
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)


@cache
def _c_parser() -> Any:
    """The C parser class, or None when no C extension of ruamel.yaml is installed."""
    # ruamel.yaml's public name for its C parser (ruamel.yaml.clib or its successor clibz);
    # cyaml raises ImportError when neither C extension is installed.
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:
        return None
    return CParser


@cache
def _resolvers() -> dict[str, list[tuple[str, Any]]]:
    """ruamel's own YAML 1.2 implicit resolvers, by first character (as its resolver uses)."""
    from ruamel.yaml.resolver import VersionedResolver

    table = VersionedResolver(version=(1, 2)).versioned_resolver
    # ruamel compiles its patterns lazily, behind a wrapper that costs on every match.
    return {
        first: [(tag, regexp.lazy_self()) for tag, regexp in entries]
        for first, entries in table.items()
    }


@cache
def _event_types() -> tuple[type, ...]:
    from ruamel.yaml import events

    return (
        events.ScalarEvent,
        events.MappingStartEvent,
        events.MappingEndEvent,
        events.SequenceStartEvent,
        events.SequenceEndEvent,
        events.DocumentStartEvent,
        events.DocumentEndEvent,
        events.StreamStartEvent,
        events.StreamEndEvent,
    )


def available() -> bool:
    return _c_parser() is not None


def events(text: str) -> Iterator[Any]:
    """The reader's events of a text, by the C parser where it is installed, else by ruamel's
    own (some ten times slower): for what looks at the syntax itself (anchors, where an error
    is). Raises the reader's ``YAMLError`` where the text does not read."""
    parser_class = _c_parser()
    if parser_class is None:
        from ruamel.yaml import YAML

        yield from YAML(typ="rt").parse(text)
        return
    parser = parser_class(text)
    try:
        while True:
            event = parser.get_event()
            yield event
            if event.__class__.__name__ == "StreamEndEvent":
                return
    finally:
        parser.dispose()


def parse(text: str, max_values: int | None = None) -> Parsed | None:
    """The data of a YAML text read by the C parser; None when the round-trip path must read
    it (no C parser, not the plain subset, or not valid YAML). Raises ``TooManyValues`` as
    soon as the text has read more than ``max_values`` values."""
    parser_class = _c_parser()
    if parser_class is None or _round_trip_only(text):
        return None
    parser = parser_class(text)
    try:
        return _build(parser.get_event, max_values or len(text) + 1)
    except (Unsupported, YAMLError):
        return None
    finally:
        parser.dispose()


def _resolve(value: str, candidates: list[tuple[str, Any]], plain_texts: set[str]) -> Any:
    """A plain scalar's value, by ruamel's YAML 1.2 resolvers for its first character.
    Short words that stay text (``nl``, ``text``, ``name``: most keys) are remembered."""
    for tag, regexp in candidates:
        if regexp.match(value):
            return _typed(tag, value)
    if len(value) <= 32 and len(plain_texts) < 10_000:
        plain_texts.add(value)
    return value


def _typed(tag: str, value: str) -> Any:
    kind = tag.rpartition(":")[2]
    if kind == "null":
        return None
    if kind == "bool":
        return value in ("true", "True", "TRUE")
    if kind == "timestamp":  # dates stay text, as the round-trip loader keeps them
        return value
    if kind in ("int", "float"):
        return _number(tag, value)
    raise Unsupported(tag)  # merge keys (<<) and value keys (=)


#: A plain decimal integer, which ruamel's round trip makes a plain ``int`` (no leading zero,
#: no underscore, not 0): built here at once, since ruamel's constructor costs some 25 us a
#: number (a 4 MiB file of numbers: 20 s).
_PLAIN_INT = re.compile(r"[-+]?[1-9][0-9]{0,17}")


def _number(tag: str, value: str) -> Any:
    """Numbers as ruamel's round-trip constructor makes them (ScalarInt, ScalarFloat...)."""
    if tag.endswith(":int") and _PLAIN_INT.fullmatch(value):
        return int(value)
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.tag import Tag

    node = ScalarNode(Tag(suffix=tag), value, None, None)
    constructor = _constructor()
    try:
        if tag.endswith(":int"):
            return constructor.construct_yaml_int(node)
        return constructor.construct_yaml_float(node)
    except Exception as error:  # let the round-trip path judge it
        raise Unsupported(value) from error


@cache
def _constructor() -> Any:
    """ruamel's own round-trip constructor: numbers built exactly as the loader's round trip
    builds them (the loader's constructor changes keys, tags and dates, never numbers)."""
    from ruamel.yaml import YAML

    return YAML(typ="rt", pure=True).constructor


def _build(get_event: Any, max_values: int) -> Parsed:
    (
        scalar_t,
        map_start_t,
        map_end_t,
        seq_start_t,
        seq_end_t,
        doc_start_t,
        doc_end_t,
        _stream_start_t,
        stream_end_t,
    ) = _event_types()
    resolvers = _resolvers()
    plain_texts = _PLAIN_TEXTS
    get_event()  # stream start
    event: Any = get_event()
    kind: type = type(event)
    if kind is stream_end_t:
        return Parsed(None)
    if kind is not doc_start_t or event.version is not None or event.tags:
        raise Unsupported("directives")
    parsed = Parsed(None)
    duplicates = parsed.duplicates
    # The open collection, kept in locals (the loop's hot path): the container, its
    # positions, whether it is a mapping, and the key waiting for its value (_ABSENT if none)
    # with its line and column. The collections around it wait on the stack.
    current: Any = None
    data: dict[Any, tuple[int, ...]] = {}
    is_map = False
    key: Any = _ABSENT
    key_line = key_column = 0
    stack: list[tuple[Any, ...]] = []
    root: Any = _ABSENT
    # Every value costs a few microseconds here and more in the checks after: a 4 MiB file
    # of `a: 1` is 1.7 million of them. Counting down is the cheapest bound in this loop.
    left = max_values + 1
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_t:
            left -= 1
            if not left:
                raise TooManyValues(max_values, event.start_mark.line + 1)
            if event.anchor is not None or event.ctag is not None:
                raise Unsupported("anchor or tag")
            value: Any = event.value
            if event.implicit[0]:  # plain: maybe a number, yes/no, null... (else text as is)
                if not value:  # empty: the parsers place it differently (line end, next line)
                    raise Unsupported("empty value")
                if value not in plain_texts:
                    candidates = resolvers.get(value[0])
                    if candidates is not None:
                        value = _resolve(value, candidates, plain_texts)
            if current is None:  # not a policy; and the parsers differ on `>` + `#` there
                raise Unsupported("a single value")
            mark = event.start_mark
            line, column = mark.line, mark.column
        elif kind is map_start_t or kind is seq_start_t:
            if event.anchor is not None or event.ctag is not None:
                raise Unsupported("anchor or tag")
            if len(stack) >= MAX_DEPTH:
                raise Unsupported("depth")
            left -= 1
            if not left:
                raise TooManyValues(max_values, event.start_mark.line + 1)
            stack.append((current, data, is_map, key, key_line, key_column))
            mark = event.start_mark
            is_map = kind is map_start_t
            current = PlainMap() if is_map else PlainSeq()
            current.lc = positions = Positions(mark.line, mark.column)
            data = positions.data
            key = _ABSENT
            continue
        elif kind is map_end_t or kind is seq_end_t:
            value = current
            line, column = value.lc.line, value.lc.col
            current, data, is_map, key, key_line, key_column = stack.pop()
            if current is None:
                root = value
                continue
        elif kind is doc_end_t:
            break
        else:  # an alias
            raise Unsupported(kind.__name__)
        if not is_map:
            data[len(current)] = (line, column)
            current.append(value)
        elif key is _ABSENT:
            if isinstance(value, (dict, list)):
                raise Unsupported("a mapping or list as a key")
            key, key_line, key_column = value, line, column
        else:
            if key in current:
                duplicates.append((str(key), key_line + 1, key_column + 1))
            else:
                current[key] = value
                data[key] = (key_line, key_column, line, column)
            key = _ABSENT
    if type(get_event()) is not stream_end_t:
        raise Unsupported("more than one document")
    parsed.data = None if root is _ABSENT else root
    return parsed
