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
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from policy_rulebook.core.baseline import EDITORIAL, MATERIAL, STRUCTURAL
from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.editorial import is_editorial_text_change, language_of
from policy_rulebook.core.model import ID_KINDS

#: Two items whose content (all but the id) is at least this similar are one item renamed.
RENAME_RATIO = 0.9
#: Bounds of rename detection (issue 24): see ``text_similarity`` and ``renames``.
MAX_RATIO_CHARACTERS = 500
MAX_RATIO_TOKENS = 1_000
MAX_RENAME_PAIRS = 250_000
MAX_RENAME_CHARACTERS = 2_000_000
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


def canonical(value: Any) -> str:
    """The canonical JSON text of a content, which similarity compares."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def similarity(a: Any, b: Any) -> float:
    """How alike two contents are, 0..1, on their canonical JSON text."""
    return text_similarity(canonical(a), canonical(b))


_TOKEN = re.compile(r"\w+|[^\w\s]")


def text_similarity(left: str, right: str) -> float:
    """difflib's ratio of two texts, bounded: character by character up to
    ``MAX_RATIO_CHARACTERS`` each, word by word up to ``MAX_RATIO_TOKENS`` words each, and
    beyond that the share of words they have in common in any order (difflib's quick ratio on
    words). The exact ratio with autojunk off is quadratic: two contents of 1,000 characters
    in another order took 0.03 s, of 40,000 characters minutes."""
    if left == right:
        return 1.0
    if 2 * min(len(left), len(right)) < RENAME_RATIO * (len(left) + len(right)):
        return 2 * min(len(left), len(right)) / max(len(left) + len(right), 1)
    a: str | list[str] = left
    b: str | list[str] = right
    if max(len(left), len(right)) > MAX_RATIO_CHARACTERS:
        a, b = _TOKEN.findall(left), _TOKEN.findall(right)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    quick = matcher.quick_ratio()
    if quick < RENAME_RATIO or max(len(a), len(b)) > MAX_RATIO_TOKENS:
        return quick
    return matcher.ratio()


def renames(gone: list[Located], came: list[Located]) -> list[tuple[Located, Located, float]]:
    """Pairs (old, new) of the same kind whose contents are alike enough (``RENAME_RATIO``),
    best first, each item in one pair at most.

    Bounded: the same content always pairs; beyond that at most ``MAX_RENAME_PAIRS`` pairs are
    considered, and at most ``MAX_RENAME_CHARACTERS`` characters are compared in all (each
    comparison itself bounded by ``text_similarity``). A pull request that replaces more
    items than that sees the rest as removed and added (never as renamed by mistake).
    """
    texts = {id(x): canonical(content(x.item)) for x in (*gone, *came)}
    candidates: list[tuple[float, Located, Located]] = []
    by_text: dict[tuple[str, str], list[Located]] = {}
    for b in came:
        by_text.setdefault((b.kind, texts[id(b)]), []).append(b)
    for a in gone:
        for b in by_text.get((a.kind, texts[id(a)]), ()):
            candidates.append((1.0, a, b))
    budget = MAX_RENAME_CHARACTERS
    if len(gone) * len(came) <= MAX_RENAME_PAIRS:
        for a in gone:
            left = texts[id(a)]
            for b in came:
                right = texts[id(b)]
                if a.kind != b.kind or left == right:
                    continue
                total = len(left) + len(right)
                if 2 * min(len(left), len(right)) < RENAME_RATIO * total:
                    continue  # cannot reach the ratio: no need to look
                budget -= total
                if budget < 0:
                    break
                ratio = text_similarity(left, right)
                if ratio >= RENAME_RATIO:
                    candidates.append((ratio, a, b))
    candidates.sort(key=lambda c: (-c[0], str(c[1].item["id"]), str(c[2].item["id"])))
    pairs: list[tuple[Located, Located, float]] = []
    used: set[int] = set()
    for ratio, a, b in candidates:
        if id(a) not in used and id(b) not in used:
            used.update((id(a), id(b)))
            pairs.append((a, b, ratio))
    return pairs


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
    for a, b, _ in renames(gone, came):
        paired.update((id(a), id(b)))
        yield _item("renamed", a, b, leaves_that_differ(content(a.item), content(b.item)))
    for a in gone:
        if id(a) not in paired:
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
