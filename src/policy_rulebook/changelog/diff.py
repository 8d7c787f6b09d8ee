"""Two versions of a rulebook -> the changes between them, keyed by the stable ``id`` of items.

Items of every id kind (``core.model.ID_KINDS``) are matched by id, wherever they are in their
kind's lists: an item in both versions is ``changed`` when a field differs and ``moved`` when it is
in another list (``dos`` -> ``donts``, or a rule that became a legal item with the same id); the
order of a list is not a change. An item that lost its id while keeping its text (nearly)
unchanged is ``renamed``, not removed and added. Everything else (meta, contact details, tone of
voice, the start of the reaction scheme, ...) is compared per key of a section (a *unit*), with
the leaves that differ as its ``fields``.

One mapping or list with more than ``grouping.SHOWN`` changes shows that many one by one, in
reading order, and the rest as ONE change of kind ``grouped`` that counts them and names the
first and the last (``changelog.grouping``): 130,000 keys added to ``meta`` cost seconds in
every step after the diff (judging, provenance, labels, the legal text of each).

Each change carries the automatic guess whether it is editorial (``core.editorial``) and,
when only texts in some languages changed, which ones (``languages``): the announcement in
another language leaves it out.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from policy_rulebook.changelog.change import KINDS as KINDS
from policy_rulebook.changelog.change import MARKINGS as MARKINGS
from policy_rulebook.changelog.change import Change as Change
from policy_rulebook.changelog.change import counted as counted
from policy_rulebook.changelog.change import touch_dict as touch_dict
from policy_rulebook.changelog.grouping import grouped

# The comparison itself is the core's (version discipline uses the same): ids matched per kind,
# contents compared leaf by leaf. This module adds what readers need: moves, renames, editorial
# guesses, languages and reading order.
from policy_rulebook.core.changes import (
    ITEM_LISTS,
    MISSING,
    Located,
    content,
    data_of,
    get_path,
    index_items,
    leaves,
    leaves_that_differ,
    renames,
    strip_item_lists,
    union_keys,
)
from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.editorial import is_editorial_text_change, language_of
from policy_rulebook.core.model import SECTIONS


def diff(old: Document, new: Document) -> tuple[Change, ...]:
    """The changes from one loaded rulebook to another."""
    return diff_data(data_of(old), data_of(new))


def diff_data(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[Change, ...]:
    """The changes between two rulebooks as plain data (``{section: content}``)."""
    changes = [*_unit_changes(old, new), *_item_changes(old, new)]
    ranks: dict[int, dict[str, int]] = {}
    changes.sort(key=lambda c: _order(new if c.kind != "removed" else old, c, ranks))
    languages = _languages(old) | _languages(new)
    # judged after grouping: only the changes shown one by one
    return tuple(c if c.grouped else _judged(c, languages) for c in grouped(changes))


def _languages(data: Mapping[str, Any]) -> set[str]:
    languages = get_path(data, ("meta", "languages"))
    return {str(v) for v in languages} if isinstance(languages, list) else set()


def _judged(change: Change, languages: set[str]) -> Change:
    """The change with its editorial guess and the languages it is limited to."""
    guess = _guess_editorial(change)
    only: frozenset[str] | None = None
    if change.kind in ("changed", "renamed") and change.fields:
        last = [field.split(".")[-1] for field in change.fields]
        nested = all("." in field for field in change.fields) or change.item_kind is None
        if nested and all(part in languages for part in last) and set(last) < languages:
            only = frozenset(last)  # some languages, not all: a translation changed
    return change.but(guess=guess, languages=only)


def _guess_editorial(change: Change) -> bool:
    """Only spelling, punctuation, capitals or spacing of texts changed (or only an id)."""
    if change.kind not in ("changed", "renamed"):
        return False
    old, new = change.old, change.new
    if change.item_kind is not None:
        old = content(old) if isinstance(old, dict) else old
        new = content(new) if isinstance(new, dict) else new
    a, b = dict(leaves(old)), dict(leaves(new))
    for key in union_keys(a, b):
        left, right = a.get(key, MISSING), b.get(key, MISSING)
        if left == right:
            continue
        if not (isinstance(left, str) and isinstance(right, str)):
            return False
        lang = language_of(key[-1]) if isinstance(key, tuple) and key else None
        if not is_editorial_text_change(left, right, lang):
            return False
    return True


# -- items -----------------------------------------------------------------------------------


def _item_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    before, after = index_items(old), index_items(new)
    removed = [key for key in before if key not in after]
    added = [key for key in after if key not in before]
    for key in before.keys() & after.keys():
        a, b = before[key], after[key]
        if a.item == b.item and a.list_path == b.list_path:
            continue  # the common case, decided without walking the item
        fields = leaves_that_differ(content(a.item), content(b.item))
        if a.list_path != b.list_path:
            yield _item_change("moved", b, a, fields, old_path=a.pointer)
        elif fields:
            yield _item_change("changed", b, a, fields)
    # the same id gone from one kind and new in another: moved (a rule that became legal)
    by_id = {key[1]: key for key in added}
    for key in list(removed):
        other = by_id.get(key[1])
        if other is not None and other in added:
            a, b = before[key], after[other]
            fields = leaves_that_differ(content(a.item), content(b.item))
            yield _item_change("moved", b, a, fields, old_path=a.pointer)
            removed.remove(key)
            added.remove(other)
    renamed = _renames([before[k] for k in removed], [after[k] for k in added])
    for a, b in renamed:
        fields = leaves_that_differ(content(a.item), content(b.item))
        yield _item_change("renamed", b, a, fields, old_id=a.item["id"], old_path=a.pointer)
    paired_old = {id(a) for a, _ in renamed}
    paired_new = {id(b) for _, b in renamed}
    for key in removed:
        if id(before[key]) not in paired_old:
            yield _item_change("removed", None, before[key], ())
    for key in added:
        if id(after[key]) not in paired_new:
            yield _item_change("added", after[key], None, ())


def _item_change(
    kind: str,
    new: Located | None,
    old: Located | None,
    fields: tuple[str, ...],
    old_id: str | None = None,
    old_path: str | None = None,
) -> Change:
    where = new or old
    assert where is not None
    return Change(
        kind=kind,
        section=where.list_path[0],
        path=where.pointer,
        id=where.item["id"],
        item_kind=where.kind,
        old=old.item if old else None,
        new=new.item if new else None,
        fields=fields,
        old_id=old_id,
        old_path=old_path,
    )


def _renames(gone: list[Located], new: list[Located]) -> list[tuple[Located, Located]]:
    """Pairs (old, new) of the same kind whose contents are alike enough, best pairs first."""
    return [(a, b) for a, b, _ in renames(gone, new)]


# -- units (everything that is not an item with an id) ----------------------------------------


def _unit_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    for section in union_keys(old, new):
        a, b = old.get(section), new.get(section)
        if not isinstance(a, dict) or not isinstance(b, dict):
            if a != b and not (isinstance(a, dict) or isinstance(b, dict)):
                yield _unit("changed", section, (section,), a, b, ())
            a = a if isinstance(a, dict) else {}
            b = b if isinstance(b, dict) else {}
        for key in union_keys(a, b):
            path = (section, key)
            if path in ITEM_LISTS:
                continue
            if key not in a:
                yield _unit("added", section, path, None, strip_item_lists(b[key], path), ())
            elif key not in b:
                yield _unit("removed", section, path, strip_item_lists(a[key], path), None, ())
            else:
                if a[key] == b[key]:
                    continue
                if not isinstance(a[key], dict) and not isinstance(b[key], dict):
                    yield _unit("changed", section, path, a[key], b[key], (key,))  # a leaf
                    continue
                va, vb = strip_item_lists(a[key], path), strip_item_lists(b[key], path)
                leaf = "" if isinstance(va, dict) or isinstance(vb, dict) else key
                fields = leaves_that_differ(va, vb, leaf)
                if fields:
                    yield _unit("changed", section, path, va, vb, fields)


def _unit(
    kind: str, section: str, path: tuple[str, ...], old: Any, new: Any, fields: tuple[str, ...]
) -> Change:
    return Change(kind=kind, section=section, path=pointer(*path), old=old, new=new, fields=fields)


# -- helpers ---------------------------------------------------------------------------------


def _order(
    data: Mapping[str, Any], change: Change, ranks: dict[int, dict[str, int]]
) -> tuple[int, ...]:
    """Reading order: sections as in the article, then keys and items as written. ``ranks``
    holds the position of each key per mapping (by id), made once: looking a key up in the
    list of keys for every change was quadratic (25,000 keys in `meta`: 15 s)."""
    tokens = change.path.split("/")[1:]
    section = tokens[0]
    order = [SECTIONS.index(section) if section in SECTIONS else len(SECTIONS)]
    node: Any = data.get(section)
    for token in tokens[1:]:
        if isinstance(node, dict):
            rank = ranks.get(id(node))
            if rank is None:
                rank = ranks[id(node)] = {key: index for index, key in enumerate(node)}
            order.append(rank.get(token, len(rank)))
            node = node.get(token)
        elif isinstance(node, list) and token.isdigit():
            order.append(int(token))
            node = node[int(token)] if int(token) < len(node) else None
        else:
            order.append(0)
    return tuple(order)
