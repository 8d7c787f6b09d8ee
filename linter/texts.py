"""Localized texts: finding every text in a policy (by the schema) and judging its content."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.document import Document, pointer
from linter.schema import load_schema, resolve

TEXT_REF = "#/$defs/text"

_PLACEHOLDER = re.compile(
    r"""^\s*(
        | todo\b.* | tbd\b.* | tba\b.* | fixme\b.* | xxx+ | n/?a | \?+ | -+ | _+
        | \.{2,} | … | \[.*\] | <.*> | lorem\ ipsum.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")


def is_placeholder(text: str) -> bool:
    """True for text that only holds a place: empty, TODO, TBD, ``...``, lorem ipsum, [name]."""
    return bool(_PLACEHOLDER.match(text)) or "lorem ipsum" in text.lower()


def is_language_code(value: object) -> bool:
    return isinstance(value, str) and bool(_LANGUAGE_CODE.match(value))


def iter_texts(document: Document) -> Iterator[tuple[str, Any]]:
    """Every value that the schema calls a text, with its JSON pointer."""
    root = load_schema()
    properties = root.get("properties", {})
    for name, section in document.sections.items():
        if name in properties:
            yield from _walk(section.node, properties[name], (name,), root)


def _walk(node: Any, schema: dict[str, Any], path: tuple[str | int, ...],
          root: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    if schema.get("$ref") == TEXT_REF:
        yield pointer(*path), node
        return
    schema = resolve(schema, root)
    if "anyOf" in schema:
        for branch in schema["anyOf"]:
            branch = resolve(branch, root)
            required = branch.get("required", [])
            if isinstance(node, dict) and all(key in node for key in required):
                yield from _walk(node, branch, path, root)
                return
        return
    if isinstance(node, dict):
        properties = schema.get("properties", {})
        for key, value in node.items():
            if key in properties:
                yield from _walk(value, properties[key], (*path, key), root)
    elif isinstance(node, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(node):
            yield from _walk(item, schema["items"], (*path, index), root)
