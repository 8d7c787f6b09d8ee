"""Field names in plain words, from the schema's titles: the one label table of every output.

The linter, the changelog and the rendered documents name a field through ``title`` or
``label``; the few words around a field name (a language's name, "item 3", yes/no) come from
the message catalogue (``core.i18n``), so a new language needs its catalogue and its
``x-title-<lang>`` in the schema, nothing here.

Every property of ``schema/rulebook.schema.json`` has a ``title`` (English, what editors show)
and a title per other language as ``x-title-<lang>`` (``x-title-nl``; a translator adds
``x-title-fr`` beside it). A path into a rulebook (``("legal", "items", 3, "basis", 0, "title",
"nl")``) is labelled by walking the schema along it: "Legal basis, item 1 › Title (Dutch)". So a
new field gets its label where it is defined, and no output shows internal keys such as
``basis.0.title.nl`` or ``applies_to_private_accounts``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, Final

from policy_rulebook.core import i18n
from policy_rulebook.core.i18n import N_
from policy_rulebook.core.schema import load_schema

Path = tuple[str | int, ...]

#: Language names in English; the reader's language comes from the catalogue.
LANGUAGE_NAMES: Final[dict[str, str]] = {
    "nl": N_("Dutch"),
    "en": N_("English"),
    "fr": N_("French"),
    "de": N_("German"),
}
SEPARATOR = " › "


def _base(lang: str) -> str:
    return lang.split("-")[0].lower()


def language_name(lang: str, code: str) -> str:
    """The name of language ``code`` in language ``lang`` ("Engels" for ``nl``, ``en``)."""
    name = LANGUAGE_NAMES.get(_base(code))
    if name is None:
        return code
    with i18n.language(lang):
        return i18n._(name)


def yes_no(lang: str, value: bool) -> str:
    with i18n.language(lang):
        return i18n._("yes") if value else i18n._("no")


def item(lang: str, n: int) -> str:
    """ "item 3" of a list in ``lang`` (``n`` counts from 1, as people do)."""
    with i18n.language(lang):
        return i18n._("item {n}").format(n=n)


def _resolve(node: Any) -> dict[str, Any]:
    """A schema node with its local ``$ref`` followed (its own keys win)."""
    root = load_schema()
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 16:
        target: Any = root
        for token in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target.get(token, {}) if isinstance(target, dict) else {}
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        seen += 1
    return node if isinstance(node, dict) else {}


def _is_text(node: dict[str, Any]) -> bool:
    """The schema's localized text: an alternative that maps language codes to strings."""
    return any(
        isinstance(alt, dict) and "propertyNames" in alt
        for alt in node.get("anyOf", node.get("oneOf", []))
    )


def _child(node: dict[str, Any], key: str | int) -> dict[str, Any] | None:
    if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
        items = node.get("items")
        return _resolve(items) if isinstance(items, dict) else None
    properties = node.get("properties")
    if isinstance(properties, dict) and key in properties:
        return _resolve(properties[key])
    for alt in node.get("anyOf", node.get("oneOf", [])):
        found = _child(_resolve(alt), key)
        if found is not None:
            return found
    return None


def _node(path: Path) -> dict[str, Any] | None:
    """The schema's node at ``path``; which item of a list does not matter (``_child``), so
    every item shares one entry of the cache (a redline of 5,000 items asked 5,000 times)."""
    return _schema_node(tuple(0 if isinstance(p, int) else p for p in path))


@cache
def _schema_node(path: Path) -> dict[str, Any] | None:
    if not path:
        return _resolve(load_schema())
    parent = _schema_node(path[:-1])
    return _child(parent, path[-1]) if parent is not None else None


def _title(node: dict[str, Any], lang: str) -> str | None:
    for key in (f"x-title-{lang}", f"x-title-{_base(lang)}", "title"):
        value = node.get(key)
        if isinstance(value, str):
            return value
    return None


def title(lang: str, path: Sequence[str | int]) -> str:
    """The plain name of the thing at ``path``; the last key in words when the schema does not
    know it (a policy with extra fields still reads)."""
    node = _node(tuple(_key(p) for p in path))
    found = _title(node, lang) if node is not None else None
    if found:
        return found
    last = path[-1] if path else ""
    return str(last).replace("_", " ")


def known(path: Sequence[str | int]) -> bool:
    """Whether the schema has a title for the thing at ``path`` (a test walks every field)."""
    node = _node(tuple(_key(p) for p in path))
    return node is not None and _title(node, "en") is not None


def _key(part: str | int) -> str | int:
    return int(part) if isinstance(part, str) and part.isdigit() else part


def label(lang: str, base: Sequence[str | int], relative: Sequence[str | int]) -> str:
    """The words for ``relative`` below ``base`` (an item or a unit, named elsewhere):
    ``("basis", "0", "title", "nl")`` -> "Legal basis, item 1 › Title (Dutch)"."""
    # which item of a list ``base`` is does not change the words below it: one cached answer
    # for every item (a redline of 5,000 items asks for each of their fields)
    shape = tuple(0 if isinstance(k, int) else k for k in map(_key, base))
    parts, language = _below(lang, shape, tuple(relative))
    if not parts:
        parts = (title(lang, base) if base else "",)
    text = SEPARATOR.join(p for p in parts if p)
    return f"{text} ({language})" if language else text


@lru_cache(maxsize=4096)
def _below(lang: str, base: Path, relative: Path) -> tuple[tuple[str, ...], str]:
    """``label``'s parts for ``relative`` and the language it names, if any."""
    parts: list[str] = []
    path: list[str | int] = list(base)
    language = ""
    for raw in relative:
        part = _key(raw)
        parent = _node(tuple(path))
        if parent is not None and _is_text(parent) and isinstance(part, str):
            language = language_name(lang, part)
        elif isinstance(part, int):
            numbered = item(lang, part + 1)
            if parts:
                parts[-1] = f"{parts[-1]}, {numbered}"
            else:
                parts.append(numbered)
        else:
            parts.append(title(lang, [*path, part]))
        path.append(part)
    return tuple(parts), language


def dotted(path: str) -> Path:
    """A JSON pointer or dotted field as a path: ``/legal/items/3`` -> ``("legal", "items", 3)``."""
    separator = "/" if path.startswith("/") else "."
    return tuple(_key(p) for p in path.strip(separator).split(separator) if p != "")
