"""``rulebook fmt``: one canonical layout, keeping every comment, key and value.

The layout: mappings indented by 2, list items by 4 with the dash at 2 (as in the bundled
policy); sections and the keys of every item in the order of the schema (unknown keys after
them, in their own order); quotes only where YAML needs them, and then double quotes; dates
and long lines as written (no re-wrapping); blank lines and comments as written. A comment
above a key moves with the key; a comment at the top of a mapping stays at the top.

Before anything is written, the result is read back and compared with the original: the same
data and the same comments, or the file is left alone. No click here (see ``actions``).
"""

from __future__ import annotations

import bisect
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import CommentMark
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tokens import CommentToken

from policy_rulebook.core import atomic, files, loader, yaml_reader
from policy_rulebook.core.i18n import Count, _
from policy_rulebook.core.schema import load_schema, resolve
from policy_rulebook.core.yaml_reader import MAX_ROUND_TRIP_CHARACTERS

WIDTH = 2**31 - 1  # never re-wrap a line: a text's line breaks are the author's


class FormatError(Exception):
    """A file that fmt will not touch (it has load problems, or holds no sections)."""


@dataclass(frozen=True)
class Formatted:
    """One file: its name, the text read and the canonical text."""

    name: str
    path: Path
    before: str
    after: str
    changed: bool  # the bytes change (also when only the encoding does: fmt writes UTF-8)
    snapshot: atomic.Snapshot | None = None


class _Emitter(Emitter):
    """Double quotes where quotes are needed (as in the bundled policy), never single."""

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


class _Resolver(VersionedResolver):
    """For writing only: a date such as 2026-03-01 is written plain, as people write it (the
    loader reads it back as text)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        tag = super().resolve(kind, value, implicit)
        if str(tag).endswith(":timestamp"):
            return super().resolve(kind, "text", implicit)
        return tag


def _dumper() -> Any:
    yaml = yaml_reader.make_yaml()
    yaml.Emitter = _Emitter
    yaml.Resolver = _Resolver
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = WIDTH
    yaml.allow_unicode = True
    return yaml


def format_text(
    name: str,
    raw: bytes,
    *,
    max_bytes: int = files.DEFAULT_MAX_BYTES,
    languages: Sequence[str] = (),
) -> str:
    """The canonical text of one file; ``FormatError`` if the file has load problems.

    ``languages`` (the policy's, primary first) orders the translations of every text."""
    size = len(raw.decode("utf-8", "replace")) if len(raw) > MAX_ROUND_TRIP_CHARACTERS else 0
    if size > MAX_ROUND_TRIP_CHARACTERS:  # fmt keeps comments: always the slow reader
        raise FormatError(
            _(
                "{name}: not formatted: fmt keeps every comment, so it reads files of at most "
                "{limit:,} characters, and this one has {size:,}: split it into smaller files "
                "(RB006)"
            ).format(name=name, limit=Count(MAX_ROUND_TRIP_CHARACTERS), size=Count(size))
        )
    parsed = loader.parse(name, raw, max_bytes=max_bytes)
    if not parsed.ok or parsed.text is None:
        blocking = [p for p in parsed.problems if p.code in loader.BLOCKING]
        first = blocking[0] if blocking else None
        reason = (
            _("{code} at line {line}: {message}").format(
                code=first.code, line=first.line, message=first.message
            )
            if first
            else _("the file cannot be read")
        )
        raise FormatError(
            _("{name}: not formatted, fix this first: {reason}").format(name=name, reason=reason)
        )
    data = parsed.data
    if not isinstance(data, CommentedMap):
        raise FormatError(
            _("{name}: not formatted: the file holds no sections (RB004)").format(name=name)
        )
    _order(data, load_schema(), _Context(load_schema(), tuple(languages)))
    out = io.StringIO()
    _dumper().dump(data, out)
    text = out.getvalue()
    _verify(name, parsed, text, max_bytes)
    return text


def _verify(name: str, parsed: loader.Parsed, text: str, max_bytes: int) -> None:
    """The promise, checked on every run: the same data and the same comments."""
    again = loader.parse(name, text.encode("utf-8"), max_bytes=max(max_bytes, len(text) * 4))
    if not again.ok:
        raise FormatError(
            _("{name}: not formatted: the result would not read back (a bug)").format(name=name)
        )
    if plain(again.data) != plain(parsed.data):
        raise FormatError(
            _("{name}: not formatted: the result would change a value (a bug)").format(name=name)
        )
    if parsed.text is not None and comments(text) != comments(parsed.text):
        raise FormatError(
            _("{name}: not formatted: the result would lose a comment (a bug)").format(name=name)
        )


def plain(node: Any) -> Any:
    """Data as plain Python (dicts compare without order; lists with order)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def comments(text: str) -> Counter[str]:
    """Every comment of a YAML text, by its words: each ``#`` at the start of a line or after
    a space that is not inside a value (the scanner gives the values' spans)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.tokens import ScalarToken

    spans = sorted(
        (token.start_mark.index, token.end_mark.index)
        for token in YAML(typ="safe", pure=True).scan(text)
        if isinstance(token, ScalarToken)
    )
    starts = [start for start, _ in spans]
    found: Counter[str] = Counter()
    position = text.find("#")
    while position >= 0:
        inside = bisect.bisect_right(starts, position) - 1
        in_value = inside >= 0 and spans[inside][0] <= position < spans[inside][1]
        if not in_value and (position == 0 or text[position - 1] in " \t\n\r\ufeff"):
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            found[text[position:end].rstrip()] += 1
            position = text.find("#", end)
        else:
            position = text.find("#", position + 1)
    return found


# --- ordering -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    root: dict[str, Any]
    languages: tuple[str, ...]


def _order(node: Any, schema: dict[str, Any], context: _Context, in_list: bool = False) -> None:
    root = context.root
    schema = resolve(schema, root)
    if isinstance(node, CommentedMap):
        schema = _branch_for(node, schema, root)
        properties = schema.get("properties") or {}
        if properties:
            _reorder(node, list(properties), in_list)
        elif ("propertyNames" in schema or "patternProperties" in schema) and context.languages:
            _reorder(node, list(context.languages), in_list)  # a text: its translations
        for key, value in node.items():
            child = properties.get(key)
            if child is None and isinstance(schema.get("additionalProperties"), dict):
                child = schema["additionalProperties"]
            if child is None:
                for pattern_schema in (schema.get("patternProperties") or {}).values():
                    child = pattern_schema
            _order(value, child or {}, context)
    elif isinstance(node, CommentedSeq):
        items = schema.get("items")
        if not isinstance(items, dict):
            branch = _branch_for(node, schema, root)
            items = branch.get("items") if isinstance(branch.get("items"), dict) else {}
        for value in node:
            _order(value, items or {}, context, in_list=True)


#: What makes an ``anyOf`` branch describe a shape (and so an order), not only a constraint.
_SHAPES = frozenset(
    {"type", "properties", "items", "propertyNames", "patternProperties", "additionalProperties"}
)


def _branch_for(node: Any, schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """For ``anyOf``/``oneOf``: the branch of the right type that knows most of the keys."""
    branches = schema.get("anyOf") or schema.get("oneOf")
    if not branches:
        return schema
    want = "object" if isinstance(node, dict) else "array"
    best, score = schema, -1
    for branch in branches:
        branch = resolve(branch, root)
        if branch.get("type") not in (want, None):
            continue
        if not _SHAPES & set(branch):
            continue  # a constraint only ({required: [by]}): it says nothing of the keys' order
        known = branch.get("properties", {})
        hits = sum(1 for key in node if key in known) if isinstance(node, dict) else 0
        if hits > score:
            best, score = branch, hits
    return best


def _reorder(node: CommentedMap, order: list[str], in_list: bool) -> None:
    keys = list(node)
    wanted = [k for k in order if k in node] + [k for k in keys if k not in order]
    if wanted == keys:
        return
    # The comment lines above a key are stored after the value before it: move them onto the
    # key itself (its "before" comments), so that they travel with it. Lines indented deeper
    # than the keys belong to the end of the value before, and stay there.
    column = _key_column(node)
    leading: dict[Any, str] = {}
    end = ""
    for index, key in enumerate(keys):
        token = _slot_after(node, key)
        if token is None:
            continue
        first, newline, rest = token.value.partition("\n")
        deeper, rest = _split_deeper(rest, column)
        if not rest:
            continue
        token.value = first + newline + deeper
        if index + 1 < len(keys):
            leading[keys[index + 1]] = rest
        else:
            end = rest
    for key in wanted:
        node.move_to_end(key)
    for index, key in enumerate(wanted):
        if key not in leading:
            continue
        if index == 0 and in_list and len(wanted) > 1:
            # "- key:" cannot have a comment between the dash and the key: the comment goes
            # above the next key instead (still inside the same item).
            _set_before(node, wanted[1], leading[key], first=True)
        else:
            _set_before(node, key, leading[key])
    if end:
        last = _slot_after(node, wanted[-1], create=True)
        if last is not None:
            last.value = (last.value or "\n") + end


def _key_column(node: CommentedMap) -> int:
    try:
        return int(node.lc.col)
    except (AttributeError, TypeError):
        return 0


def _split_deeper(text: str, column: int) -> tuple[str, str]:
    """Split comment lines into those indented deeper than ``column`` (up to the first that is
    not) and the rest."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        stripped = line.lstrip(" ")
        if stripped.strip() and len(line) - len(stripped) <= column:
            return "".join(lines[:index]), "".join(lines[index:])
    return text, ""


def _slot_after(node: Any, key: Any, create: bool = False) -> CommentToken | None:
    """The comment token written right after the entry ``key`` (and all it holds)."""
    value = node[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and value and not value.fa.flow_style():
        return _slot_after(
            value, list(value)[-1] if isinstance(value, dict) else len(value) - 1, create
        )
    index = 2 if isinstance(node, dict) else 0
    entry = node.ca.items.get(key)
    if entry is None:
        if not create:
            return None
        entry = node.ca.items.setdefault(key, [None, None, None, None])
    token = entry[index]
    if token is None and create:
        token = entry[index] = CommentToken("\n", CommentMark(0))
    if isinstance(token, list):  # a list of comment tokens: the last one is the end
        return token[-1] if token else None
    return token if isinstance(token, CommentToken) else None


def _set_before(node: CommentedMap, key: Any, text: str, first: bool = False) -> None:
    entry = node.ca.items.setdefault(key, [None, None, None, None])
    before = entry[1] if isinstance(entry[1], list) else []
    tokens = []
    for line in text.splitlines():
        column = len(line) - len(line.lstrip())
        tokens.append(CommentToken(line.lstrip() + "\n", CommentMark(column)))
    entry[1] = tokens + before if first else before + tokens


# --- files ----------------------------------------------------------------------------------


def format_file(
    path: Path,
    name: str,
    *,
    max_bytes: int = files.DEFAULT_MAX_BYTES,
    languages: Sequence[str] = (),
) -> Formatted:
    """Format one file; what was read is kept (``snapshot``) so that the write can see
    whether the file changed meanwhile. A CRLF file is formatted as LF and written as CRLF."""
    snapshot = atomic.Snapshot.of(path)
    raw = snapshot.data
    crlf = atomic.uses_crlf(raw)
    text = format_text(
        name, raw.replace(b"\r\n", b"\n") if crlf else raw, max_bytes=max_bytes, languages=languages
    )
    after = text.replace("\n", "\r\n") if crlf else text
    before = files.decode(raw)
    return Formatted(
        name, path, before, after, changed=raw != after.encode("utf-8"), snapshot=snapshot
    )


def write_atomically(result: Formatted) -> None:
    """Write a formatted file through the one writer: only if it is unchanged since it was
    read (else ``atomic.Changed``), keeping its mode, owner, links and line endings."""
    atomic.write_text(result.path, result.after, expected=result.snapshot)
