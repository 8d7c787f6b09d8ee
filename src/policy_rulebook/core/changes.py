"""What changed between two rulebooks as plain data: the small, pure comparison that version
discipline (RB901-RB903, ``--changed-only``) needs, with no git and no rendering.

Items with ids (``core.model.ID_KINDS``) are matched by id wherever they are in their kind's
lists; everything else is compared per key of a section (a *unit*). This says *what* changed and
*where*; ``changelog.diff`` builds on these pieces (moves, renames, editorial guesses, languages,
reading order) for the announcement and the redline.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from policy_rulebook.core.baseline import EDITORIAL, MATERIAL, STRUCTURAL
from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.editorial import is_editorial_text_change, language_of
from policy_rulebook.core.model import ID_KINDS

#: Two items whose content (all but the id) is at least this similar are one item renamed.
RENAME_RATIO = 0.9
ITEM_LISTS: frozenset[tuple[str, ...]] = frozenset(
    path for paths in ID_KINDS.values() for path in paths
)


@dataclass(frozen=True)
class Delta:
    """One change: ``kind`` is added, removed, changed, moved or renamed; ``path`` the JSON
    pointer in the newer rulebook (the older one for a removal); ``fields`` the dotted leaves
    that differ; ``old``/``new`` the plain values (None when absent)."""

    kind: str
    section: str
    path: str
    id: str | None = None
    item_kind: str | None = None
    fields: tuple[str, ...] = ()
    old: Any = None
    new: Any = None
    old_path: str | None = None

    @property
    def label(self) -> str:
        return self.id if self.id is not None else ".".join(self.path.split("/")[1:])


@dataclass(frozen=True)
class Located:
    """An item with an id, where it is: its list path and index."""

    kind: str
    list_path: tuple[str, ...]
    index: int
    item: dict[str, Any]

    @property
    def pointer(self) -> str:
        return pointer(*self.list_path, self.index)


def plain(node: Any) -> Any:
    """ruamel's round-trip nodes as plain dicts, lists and scalars (JSON-ready)."""
    kind = type(node)
    if kind is str:  # most leaves: decided before the slower checks below
        return node
    if kind is dict or isinstance(node, Mapping):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(value) for value in node]
    if node is None or isinstance(node, (bool, int, float)):
        return node
    return str(node)


def data_of(document: Document) -> dict[str, Any]:
    data: dict[str, Any] = plain(document.data)
    return data


def get_path(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def index_items(data: Mapping[str, Any]) -> dict[tuple[str, str], Located]:
    """Every item with a usable id, by (kind, id); the first of duplicates wins."""
    found: dict[tuple[str, str], Located] = {}
    for kind, paths in ID_KINDS.items():
        for path in paths:
            value = get_path(data, path)
            if not isinstance(value, list):
                continue
            for index, item in enumerate(value):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    found.setdefault((kind, item["id"]), Located(kind, path, index, item))
    return found


def content(item: Mapping[str, Any]) -> dict[str, Any]:
    """An item without its id."""
    return {key: value for key, value in item.items() if key != "id"}


def similarity(a: Any, b: Any) -> float:
    """How alike two contents are, 0..1, on their canonical JSON text."""
    left = json.dumps(a, sort_keys=True, ensure_ascii=False)
    right = json.dumps(b, sort_keys=True, ensure_ascii=False)
    if left == right:
        return 1.0
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    if matcher.real_quick_ratio() < RENAME_RATIO or matcher.quick_ratio() < RENAME_RATIO:
        return matcher.quick_ratio()
    return matcher.ratio()


def deltas(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Delta]:
    """Every change from ``old`` to ``new`` (plain data), units first, then items; sections
    that are equal are not walked (each kind of item lives in one section)."""
    differ = [
        s for s in union_keys(old, new) if old.get(s) is not new.get(s) and old.get(s) != new.get(s)
    ]
    old = {s: old[s] for s in differ if s in old}
    new = {s: new[s] for s in differ if s in new}
    return [*_units(old, new), *_items(old, new)]


def _items(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Delta]:
    before, after = index_items(old), index_items(new)
    for key in before.keys() & after.keys():
        a, b = before[key], after[key]
        if a.item == b.item and a.list_path == b.list_path:
            continue
        fields = leaves_that_differ(content(a.item), content(b.item))
        if a.list_path != b.list_path:
            yield _item("moved", a, b, fields)
        elif fields:
            yield _item("changed", a, b, fields)
    gone = [before[k] for k in before if k not in after]
    came = [after[k] for k in after if k not in before]
    paired: set[int] = set()
    for a in gone:
        match = next(
            (
                b
                for b in came
                if id(b) not in paired
                and b.kind == a.kind
                and similarity(content(a.item), content(b.item)) >= RENAME_RATIO
            ),
            None,
        )
        if match is not None:
            paired.update((id(a), id(match)))
            yield _item(
                "renamed", a, match, leaves_that_differ(content(a.item), content(match.item))
            )
        else:
            yield _item("removed", a, None, ())
    for b in came:
        if id(b) not in paired:
            yield _item("added", None, b, ())


def _item(kind: str, old: Located | None, new: Located | None, fields: tuple[str, ...]) -> Delta:
    where = new or old
    assert where is not None
    return Delta(
        kind,
        where.list_path[0],
        where.pointer,
        str(where.item["id"]),
        where.kind,
        fields,
        old.item if old else None,
        new.item if new else None,
        old.pointer if old is not None and new is not None else None,
    )


def _units(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Delta]:
    for section in union_keys(old, new):
        a, b = old.get(section), new.get(section)
        if not isinstance(a, dict) or not isinstance(b, dict):
            if a != b and not (isinstance(a, dict) or isinstance(b, dict)):
                yield Delta("changed", section, pointer(section), old=a, new=b)
            a = a if isinstance(a, dict) else {}
            b = b if isinstance(b, dict) else {}
        for key in union_keys(a, b):
            path = (section, key)
            if path in ITEM_LISTS or a.get(key) == b.get(key):
                continue
            va, vb = strip_item_lists(a.get(key), path), strip_item_lists(b.get(key), path)
            kind = "added" if key not in a else "removed" if key not in b else "changed"
            fields = (
                ()
                if kind != "changed"
                else leaves_that_differ(
                    va, vb, "" if isinstance(va, dict) or isinstance(vb, dict) else key
                )
            )
            if kind != "changed" or fields:
                yield Delta(kind, section, pointer(*path), fields=fields, old=va, new=vb)


def strip_item_lists(value: Any, path: tuple[str, ...]) -> Any:
    """A unit without the item lists inside it (``tone_of_voice.principles``)."""
    if not isinstance(value, dict):
        return value
    return {
        key: strip_item_lists(sub, (*path, key))
        for key, sub in value.items()
        if (*path, key) not in ITEM_LISTS
    }


def leaves_that_differ(old: Any, new: Any, prefix: str = "") -> tuple[str, ...]:
    """The dotted paths of the leaves that differ (lists without ids are leaves)."""
    a, b = dict(leaves(old, prefix)), dict(leaves(new, prefix))
    return tuple(key for key in union_keys(a, b) if a.get(key, MISSING) != b.get(key, MISSING))


#: A value absent on one side (None is a value).
MISSING = object()


def leaves(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted path, value) of every leaf of a plain value."""
    if isinstance(value, dict) and value:
        for key, sub in value.items():
            yield from leaves(sub, f"{prefix}.{key}" if prefix else str(key))
    else:
        yield prefix, value


def union_keys(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[str]:
    """The keys of ``a``, then those only ``b`` has, in the order written."""
    return [*a, *(key for key in b if key not in a)]


def is_editorial(delta: Delta | Any, marking: str | None = None) -> bool:
    """Editorial: marked so, or (unless marked material) a change of texts only, each of which
    differs only in spelling, punctuation, capitals or spacing."""
    if marking == MATERIAL:
        return False
    if marking == EDITORIAL and is_wording(delta):
        return True  # a trailer may confirm or reject the guess, only for wording
    if delta.kind != "changed" or not delta.fields:
        return False
    old, new = _leaf_values(delta.old, delta), _leaf_values(delta.new, delta)
    for name in delta.fields:
        a, b = old.get(name), new.get(name)
        lang = language_of(name)
        if not (isinstance(a, str) and isinstance(b, str) and is_editorial_text_change(a, b, lang)):
            return False
    return True


def is_wording(delta: Delta | Any) -> bool:
    """Whether a change is one of wording only, the kind a ``Policy-Change: editorial`` trailer
    may call editorial: texts changed in place. An addition, a removal, a move, a change of a
    legal basis or of what an item does (a branch, an action, an owner: ``STRUCTURAL``) is never
    wording, whatever a commit says."""
    if delta.kind not in ("changed", "renamed"):
        return False
    if not delta.fields:
        return bool(delta.kind == "renamed")  # only the id changed
    if delta.item_kind is None and delta.path.split("/")[-1] in STRUCTURAL:
        return False
    old, new = _leaf_values(delta.old, delta), _leaf_values(delta.new, delta)
    for name in delta.fields:
        if set(name.split(".")) & STRUCTURAL:
            return False
        if not (isinstance(old.get(name), str) and isinstance(new.get(name), str)):
            return False
    return True


def _leaf_values(value: Any, delta: Any) -> dict[str, Any]:
    if delta.item_kind is not None and isinstance(value, dict):
        return dict(leaves(content(value)))
    prefix = (
        ""
        if isinstance(delta.old, dict) or isinstance(delta.new, dict)
        else (delta.path.split("/")[-1])
    )
    return dict(leaves(value, prefix))
