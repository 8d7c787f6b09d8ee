"""The YAML reader: ruamel.yaml's round-trip parser with its hostile parts bounded.

Aliases are capped and never copied, nesting is capped, tags are never constructed and merge
keys (``<<``) are noted, not applied; comments keep their exact end (``_Scanner``).
``core.file_parser`` turns what this reader refuses (``Refused``) into findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.scanner import RoundTripScanner

from policy_rulebook.core import codes
from policy_rulebook.core.fastyaml import TooManyValues
from policy_rulebook.core.i18n import Count, _

#: A policy uses few aliases or none; these caps stop a "billion laughs" file long before it
#: costs time or memory (aliases are shared, never copied, but every check walks through them).
MAX_ALIASES = 100
MAX_ALIASED_NODES = 10_000
#: ruamel's round-trip reader (comments and positions, for what the fast path does not take,
#: and for fmt) is pure Python: about 11 s a megabyte. Above this it is not used, so that no
#: file under the limits takes more than about 3 s to read (SECURITY.md has the measurements).
MAX_ROUND_TRIP_CHARACTERS = 256 * 1024
#: The bundled policy nests 7 levels deep; Python's recursion limit bites near 1,000.
MAX_DEPTH = 64
_CORE = "tag:yaml.org,2002:"
_HARMLESS_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))
_MERGE_TAG = _CORE + "merge"


class Refused(YAMLError):
    """A file the composer stops reading: too many aliases, a recursive alias, too deep."""

    def __init__(self, code: str, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column


class _Composer(Composer):
    """Composer with limits: alias use counted (never recursive), depth capped, and the merge
    key ``<<`` read as a plain key (reported, never merged)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.aliases = 0
        self.nodes = 0  # nodes as a reader that expands aliases would count them
        self.aliased_nodes = 0
        self.level = 0
        self.sizes: dict[int, int] = {}  # id(anchored node) -> its size, aliases expanded
        self.merges: list[tuple[int, int]] = []
        # the loader's value limit (make_yaml): the fast reader's, so both stop at one count
        self.max_values: int | None = getattr(self.loader, "rulebook_max_values", None)

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1)
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None and getattr(target, "end_mark", True) is None:
                raise Refused(
                    codes.TOO_MANY_ALIASES,
                    _(
                        "the alias `*{anchor}` is used inside the block it names, so "
                        "the block never ends: remove the alias"
                    ).format(anchor=event.anchor),
                    *where,
                )
            self.aliases += 1
            size = self.sizes.get(id(target), 1)
            self.aliased_nodes += size
            self.nodes += size
            if self.aliases > MAX_ALIASES or self.aliased_nodes > MAX_ALIASED_NODES:
                raise Refused(
                    codes.TOO_MANY_ALIASES,
                    _(
                        "the file uses aliases (`*name`) far more than a policy "
                        "needs (at most {MAX_ALIASES} aliases standing for at most "
                        "{MAX_ALIASED_NODES:,} values): write the "
                        "values out instead"
                    ).format(MAX_ALIASES=MAX_ALIASES, MAX_ALIASED_NODES=Count(MAX_ALIASED_NODES)),
                    *where,
                )
            return super().compose_node(parent, index)
        if self.level >= MAX_DEPTH:
            raise Refused(
                codes.TOO_DEEP,
                _(
                    "the file nests more than {MAX_DEPTH} levels deep, where a "
                    "policy needs fewer than 10: check the indentation and the "
                    "brackets"
                ).format(MAX_DEPTH=MAX_DEPTH),
                *where,
            )
        start = self.nodes
        self.nodes += 1
        if self.max_values is not None and self.nodes > self.max_values:
            raise TooManyValues(self.max_values, where[0])
        self.level += 1
        try:
            node = super().compose_node(parent, index)
        finally:
            self.level -= 1
        if event.anchor is not None:
            self.sizes[id(node)] = self.nodes - start
        return node

    def compose_mapping_node(self, anchor: Any) -> Any:
        node = super().compose_mapping_node(anchor)
        for key_node, _value in node.value:
            if str(key_node.tag) == _MERGE_TAG:
                key_node.tag = self.resolver.resolve(ScalarNode, "merge-key", (True, False))
                mark = key_node.start_mark
                self.merges.append((mark.line + 1, mark.column + 1))
        return node


def _note_tag(tags: list[tuple[str, int, int]], node: Any) -> None:
    """Record an explicit tag (all but the harmless core ones) with its 1-based position."""
    tag = str(node.tag)
    if tag not in _HARMLESS_TAGS:
        mark = node.start_mark
        tags.append((tag.replace(_CORE, "!!"), mark.line + 1, mark.column + 1))


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that records problems instead of failing or running anything."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.duplicates: list[tuple[str, int, int]] = []
        self.tags: list[tuple[str, int, int]] = []

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        if key in mapping:
            mark = key_node.start_mark
            self.duplicates.append((str(key), mark.line + 1, mark.column + 1))
            return False  # keep the first value, as a person reading top-down would expect
        return True

    def construct_timestamp_as_text(self, node: Any) -> Any:
        # Dates stay text ("2027-03-01"): the schema validates them and the formatter keeps them.
        return self.construct_scalar(node)

    def construct_unknown(self, node: Any) -> Iterator[Any]:
        # An explicit tag (``!!python/object/apply``, ``!custom``) is never constructed: it is
        # recorded as a finding and the node is read as the plain mapping, list or text it wraps.
        _note_tag(self.tags, node)
        if isinstance(node, ScalarNode):
            yield self.construct_scalar(node)
        else:
            yield from super().construct_unknown(node)


_Constructor.add_constructor(_CORE + "timestamp", _Constructor.construct_timestamp_as_text)
_Constructor.add_constructor(None, _Constructor.construct_unknown)
for _tag in ("binary", "omap", "pairs", "set"):  # YAML 1.1 types: reported, read as plain
    _Constructor.add_constructor(_CORE + _tag, _Constructor.construct_unknown)
# ``<<`` as a value (not a key) is just the text "<<".
_Constructor.add_constructor(_MERGE_TAG, _Constructor.construct_yaml_str)


#: Where a comment ends (ruamel's ``_THE_END``); the buffer ends with "\0".
_COMMENT_END = re.compile("[\n\0\r\x85\u2028\u2029]")


class _Scanner(RoundTripScanner):
    """ruamel's round-trip scanner with each comment read as one slice. ruamel's own loop adds
    a comment to a string one character at a time, which is quadratic in the length of a
    comment (a 1 MB comment took 16 s, 4 MB over 4 minutes). Otherwise the same method (ruamel
    0.18 ``scan_to_next_token``): the same tokens and marks (tested against it)."""

    def scan_to_next_token(self) -> Any:
        reader = self.reader
        srp, srf = reader.peek, reader.forward
        if reader.index == 0 and srp() == "\ufeff":
            srf()
        white_space = " \t" if self.flow_level > 0 else " "
        while True:
            while srp() in white_space:
                srf()
            if srp() == "#":
                start_mark = reader.get_mark()
                end = _COMMENT_END.search(reader.buffer, reader.pointer)
                stop = end.start() if end else len(reader.buffer)
                comment = reader.buffer[reader.pointer : stop]
                # As ``srf(len(comment))`` does it, without a step per character: the slice
                # holds no line break; a byte-order mark takes no column.
                reader.pointer = stop
                reader.index += len(comment)
                reader.column += len(comment) - comment.count("\ufeff")
                ch = srp()
                if ch == "\0":  # do not take the end of the stream; end the comment's line
                    comment += "\n"
                else:  # the line break is part of the comment
                    comment += ch
                    srf()
                ch = self.scan_line_break()  # and so are the blank lines after it
                while len(ch) > 0:
                    comment += ch
                    ch = self.scan_line_break()
                end_mark = reader.get_mark()
                if not self.flow_level:
                    self.allow_simple_key = True
                return comment, start_mark, end_mark
            if self.scan_line_break() != "":
                start_mark = reader.get_mark()
                if not self.flow_level:
                    self.allow_simple_key = True
                ch = srp()
                if ch == "\n":  # empty top-level lines
                    start_mark = reader.get_mark()
                    comment = ""
                    while ch:
                        ch = self.scan_line_break(empty_line=True)
                        comment += ch
                    if srp() == "#":  # an empty line followed by an indented comment
                        comment = comment.rsplit("\n", 1)[0] + "\n"
                    end_mark = reader.get_mark()
                    return comment, start_mark, end_mark
            else:
                return None


def make_yaml(max_values: int | None = None) -> YAML:
    """The round-trip reader with rulebook's limits; ``max_values``: stop with
    ``TooManyValues`` after that many values (aliases counted as expanded)."""
    yaml = YAML(typ="rt", pure=True)
    yaml.rulebook_max_values = max_values  # type: ignore[attr-defined]  # read by _Composer
    yaml.Scanner = _Scanner
    yaml.Composer = _Composer
    yaml.Constructor = _Constructor
    return yaml
