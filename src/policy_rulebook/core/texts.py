"""Localized texts: finding every text in a policy (by the schema) and judging its content."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from policy_rulebook.core.document import Document, escape_token, split_pointer
from policy_rulebook.core.i18n import _
from policy_rulebook.core.schema import load_schema, resolve

TEXT_REF = "#/$defs/text"

_PLACEHOLDER = re.compile(
    r"""^\s*(
        | todo\b.* | tbd\b.* | tba\b.* | fixme\b.* | xxx+ | n/?a | \?+ | -+ | _+
        | \.{2,} | … | \[.*\] | <.*> | lorem\ ipsum.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_placeholder(text: str) -> bool:
    """True for text that only holds a place: empty, TODO, TBD, ``...``, lorem ipsum, [name]."""
    return bool(_PLACEHOLDER.match(text)) or "lorem ipsum" in text.lower()


def iter_texts(document: Document) -> Iterator[tuple[str, Any]]:
    """Every value that the schema calls a text, with its JSON pointer (found once per
    document: three checks read them)."""
    found: list[tuple[str, Any]] | None = document.derived.get("texts")
    if found is None:
        found = []
        properties = _compiled_root()
        for name, section in document.sections.items():
            walker = properties.get(name)
            if walker is not None:
                _walk(section.node, walker, "/" + escape_token(name), found)
        document.derived["texts"] = found
    return iter(found)


@dataclass
class _Walker:
    """What a schema says about where texts are, with every ``$ref`` followed once."""

    text: bool = False
    any_of: list[tuple[tuple[str, ...], _Walker]] | None = None
    properties: dict[str, _Walker] = field(default_factory=dict)
    items: _Walker | None = None


@cache
def _compiled_root() -> dict[str, _Walker]:
    root = load_schema()
    memo: dict[tuple[int, bool], _Walker] = {}
    return {
        name: _compile(schema, root, memo, False)
        for name, schema in root.get("properties", {}).items()
    }


def _compile(
    schema: dict[str, Any],
    root: dict[str, Any],
    memo: dict[tuple[int, bool], _Walker],
    resolved: bool,
) -> _Walker:
    # ``schema`` is a dict of the cached root schema, so its id is stable; a branch of anyOf
    # is walked as resolved (a branch that is itself a $ref to a text is not a text).
    key = (id(schema), resolved)
    if key in memo:
        return memo[key]
    walker = memo[key] = _Walker()
    target = resolve(schema, root) if resolved else schema
    if target.get("$ref") == TEXT_REF:
        walker.text = True
        return walker
    target = resolve(target, root)
    if "anyOf" in target:
        walker.any_of = [
            (tuple(resolve(branch, root).get("required", [])), _compile(branch, root, memo, True))
            for branch in target["anyOf"]
        ]
        return walker
    walker.properties = {
        key: _compile(value, root, memo, False)
        for key, value in target.get("properties", {}).items()
    }
    if isinstance(target.get("items"), dict):
        walker.items = _compile(target["items"], root, memo, False)
    return walker


def _walk(node: Any, walker: _Walker, ptr: str, out: list[tuple[str, Any]]) -> None:
    # Appends rather than yields: a value yielded from deep down passes every level on its way.
    if walker.text:
        out.append((ptr, node))
        return
    if walker.any_of is not None:
        if isinstance(node, dict):
            for required, branch in walker.any_of:
                if all(key in node for key in required):
                    _walk(node, branch, ptr, out)
                    return
        return
    if isinstance(node, dict):
        properties = walker.properties
        if properties:
            for key, value in node.items():
                sub = properties.get(key) if isinstance(key, str) else None
                if sub is not None:
                    _walk(value, sub, f"{ptr}/{escape_token(key)}", out)
    elif isinstance(node, list) and walker.items is not None:
        items = walker.items
        for index, item in enumerate(node):
            _walk(item, items, f"{ptr}/{index}", out)


def text_label(ptr: str) -> str:
    """How a message names the text at a pointer, in the reader's words with the key to find
    it by: "mission (`mission`)", "missie (`mission`)", or "item 2 of how staff learn about it
    (`distribution`)" (a text in a list has no name of its own). The key alone where the schema
    has no title for it."""
    tokens = split_pointer(ptr)
    if not tokens:
        return _("the text")
    if len(tokens) > 1 and tokens[-1].isdigit():
        return _("item {number} of {list}").format(
            number=int(tokens[-1]) + 1, list=_named(tokens[:-1])
        )
    return _named(tokens)


def _named(path: list[str]) -> str:
    from policy_rulebook.core import i18n, labels

    key = path[-1]
    if not labels.known(path):
        return f"`{key}`"
    name = labels.title(i18n.current(), path)
    if len(name) > 1 and name[1].islower():  # "Mission" -> "mission", not "AVG" -> "aVG"
        name = name[0].lower() + name[1:]
    if name == key.replace("_", " "):  # the title says no more than the key
        return f"`{key}`"
    return f"{name} (`{key}`)"
