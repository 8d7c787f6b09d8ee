"""A fast path for reading plain YAML: libyaml's C parser, data built from its events.

ruamel.yaml's round-trip loader is written in Python and keeps every comment: it reads about
0.3 MB a second, which a pre-commit hook on a long policy feels. Linting needs no comments,
only the data and where each key and item is written. This module builds exactly that from
the C parser's events (``ruamel.yaml.clibz``, ruamel's own optional C extension), in a loop
with an explicit stack, so deep nesting cannot exhaust any stack.

It covers the plain subset that policies are written in: one document, no tags, anchors,
aliases, merge keys or directives. For anything else, for any error, and when the C
extension is not installed, ``parse`` returns None and the loader takes the round-trip path,
which is the reference: its findings and messages are the ones a person sees. Where both
paths read a text, they give equal data with equal positions (tested).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ruamel.yaml.comments import LineCol
from ruamel.yaml.error import YAMLError

#: Deeper than this, the round-trip path reads the file (and reports what it makes of it).
MAX_DEPTH = 200

#: What ruamel refuses and libyaml takes (found by fuzzing, see tests/test_fastyaml.py): some
#: tabs, a comment stuck to a block scalar's indicator (``|#``), and blank lines with spaces
#: opening a block scalar. A text with any of them goes the round trip, which judges it.
_ROUND_TRIP_ONLY = re.compile(r"\t|[|>][-+0-9]*#|[|>][-+0-9]* *(?:#[^\n]*)?\n(?:\n)* +\n")
_ABSENT = object()


class Unsupported(Exception):
    """The text is outside the plain subset: the round-trip path must read it."""


class PlainMap(dict[Any, Any]):
    """A mapping with the positions of its keys and values in ``lc``, as ruamel's have."""

    __slots__ = ("lc",)

    def __init__(self) -> None:
        super().__init__()
        self.lc = LineCol()
        self.lc.data = {}


class PlainSeq(list[Any]):
    """A list with the position of each item in ``lc``, as ruamel's have."""

    __slots__ = ("lc",)

    def __init__(self) -> None:
        super().__init__()
        self.lc = LineCol()
        self.lc.data = {}


@dataclass
class Parsed:
    """What the fast path read: the data, and the duplicate keys it left out (key, line,
    column; 1-based), keeping the first as the round-trip path does."""

    data: Any
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)


@cache
def _c_parser() -> Any:
    """The C parser class, or None when ruamel.yaml.clibz is not installed."""
    try:  # ruamel.yaml.clib (ruamel.yaml < 0.19), else ruamel.yaml.clibz, as ruamel.yaml does
        from _ruamel_yaml import CParser  # type: ignore[import-not-found]
    except ImportError:
        try:
            from _ruamel_yaml_clibz import CParser  # type: ignore[import-not-found]
        except ImportError:
            return None
    return CParser


@cache
def _resolvers() -> dict[str, list[tuple[str, Any]]]:
    """ruamel's own YAML 1.2 implicit resolvers, by first character (as its resolver uses)."""
    from ruamel.yaml.resolver import VersionedResolver

    table = VersionedResolver(version=(1, 2)).versioned_resolver
    # ruamel compiles its patterns lazily, behind a wrapper that costs on every match.
    return {first: [(tag, regexp.lazy_self()) for tag, regexp in entries]
            for first, entries in table.items()}


@cache
def _event_types() -> tuple[type, ...]:
    from ruamel.yaml import events

    return (events.ScalarEvent, events.MappingStartEvent, events.MappingEndEvent,
            events.SequenceStartEvent, events.SequenceEndEvent, events.DocumentStartEvent,
            events.DocumentEndEvent, events.StreamStartEvent, events.StreamEndEvent)


def available() -> bool:
    return _c_parser() is not None


def parse(text: str) -> Parsed | None:
    """The data of a YAML text read by the C parser; None when the round-trip path must read
    it (no C parser, not the plain subset, or not valid YAML)."""
    parser_class = _c_parser()
    if parser_class is None or _ROUND_TRIP_ONLY.search(text):
        return None
    parser = parser_class(text)
    try:
        return _build(parser.get_event)
    except (Unsupported, YAMLError):
        return None
    finally:
        parser.dispose()


def _scalar(event: Any, resolvers: dict[str, list[tuple[str, Any]]]) -> Any:
    value: str = event.value
    if not event.implicit[0]:  # quoted or block: text as written
        return value
    if not value:  # an empty value: the two parsers place it differently (line end, next line)
        raise Unsupported("empty value")
    candidates = resolvers.get(value[:1])
    if candidates is None:
        return value
    for tag, regexp in candidates:
        if regexp.match(value):
            return _typed(tag, value)
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


def _number(tag: str, value: str) -> Any:
    """Numbers as ruamel's round-trip constructor makes them (ScalarInt, ScalarFloat...)."""
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
    from linter.loader import make_yaml

    return make_yaml().constructor


def _build(get_event: Any) -> Parsed:
    (scalar_t, map_start_t, map_end_t, seq_start_t, seq_end_t, doc_start_t, doc_end_t,
     _stream_start_t, stream_end_t) = _event_types()
    resolvers = _resolvers()
    get_event()  # stream start
    event: Any = get_event()
    kind: type = type(event)
    if kind is stream_end_t:
        return Parsed(None)
    if kind is not doc_start_t or event.version is not None or event.tags:
        raise Unsupported("directives")
    parsed = Parsed(None)
    duplicates = parsed.duplicates
    # Each open collection: [container, its data of positions, is a mapping, key, key line,
    # key column]; the key is _ABSENT while a mapping waits for one.
    stack: list[list[Any]] = []
    root: Any = _ABSENT
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_t:
            if event.anchor is not None or event.ctag is not None:
                raise Unsupported("anchor or tag")
            value: Any = _scalar(event, resolvers)
            mark = event.start_mark
            line, column = mark.line, mark.column
        elif kind is map_start_t or kind is seq_start_t:
            if event.anchor is not None or event.ctag is not None:
                raise Unsupported("anchor or tag")
            if len(stack) >= MAX_DEPTH:
                raise Unsupported("depth")
            container: Any = PlainMap() if kind is map_start_t else PlainSeq()
            mark = event.start_mark
            container.lc.line, container.lc.col = mark.line, mark.column
            stack.append([container, container.lc.data, kind is map_start_t, _ABSENT, 0, 0])
            continue
        elif kind is map_end_t or kind is seq_end_t:
            value = stack.pop()[0]
            line, column = value.lc.line, value.lc.col
        elif kind is doc_end_t:
            break
        else:  # an alias
            raise Unsupported(kind.__name__)
        if not stack:
            if kind is scalar_t:  # not a policy; and the parsers differ on `>` + `#` there
                raise Unsupported("a single value")
            root = value
            continue
        frame = stack[-1]
        if not frame[2]:
            sequence = frame[0]
            frame[1][len(sequence)] = [line, column]
            sequence.append(value)
        elif frame[3] is _ABSENT:
            if isinstance(value, (dict, list)):
                raise Unsupported("a mapping or list as a key")
            frame[3], frame[4], frame[5] = value, line, column
        else:
            key, frame[3] = frame[3], _ABSENT
            mapping = frame[0]
            if key in mapping:
                duplicates.append((str(key), frame[4] + 1, frame[5] + 1))
            else:
                mapping[key] = value
                frame[1][key] = [frame[4], frame[5], line, column]
    if type(get_event()) is not stream_end_t:
        raise Unsupported("more than one document")
    parsed.data = None if root is _ABSENT else root
    return parsed
