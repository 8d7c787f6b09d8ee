"""Many changes of one mapping or list: the first ``SHOWN`` one by one, the rest as one change.

A policy file may hold 262,144 values (``core.file_parser.max_values``): 130,000 keys added to
``meta`` between two commits. Each change costs some 75 us after the diff (its editorial guess,
its provenance through the commits, its labels, its lines in the legal redline), 10 s for them
all, and no reader reads 130,000 lines. So a mapping or list with more than ``SHOWN`` changes
shows that many, in reading order, and then ONE change of kind ``grouped`` that counts the rest
and names the first and the last of them: "130,013 more changes, from key0001000 to key0131012:
too many to show one by one". No change is dropped silently: the legal redline, the staff
announcement and the JSON (``grouped``, ``first``, ``last``, ``note``) all say it.

A group is the mapping or list the changes are in (``/meta``, ``/conduct/dos``); the changes in
sections the schema does not know share one group (the whole policy), or 65,000 unknown
sections of one key each would be as many groups of one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from policy_rulebook.changelog.change import Change
from policy_rulebook.core.changes import get_path, strip_item_lists
from policy_rulebook.core.document import split_pointer, unescape_token
from policy_rulebook.core.model import SECTIONS

#: Changes of one mapping or list shown one by one; the rest are one grouped change.
SHOWN = 1_000


def group_of(change: Change) -> str:
    """The pointer of the mapping or list a change is in ("" for an unknown section)."""
    if change.section not in SECTIONS:
        return ""
    return change.path.rsplit("/", 1)[0] or ""


def grouped(changes: Sequence[Change]) -> list[Change]:
    """``changes`` (in reading order) with each group's changes after its first ``SHOWN``
    collapsed into one grouped change, where the first of them was."""
    counts = Counter(group_of(change) for change in changes)
    if not counts or max(counts.values()) <= SHOWN:
        return list(changes)
    seen: Counter[str] = Counter()
    rest: dict[str, list[Change]] = {}
    out: list[Change | str] = []  # a group's name holds the place of its grouped change
    for change in changes:
        group = group_of(change)
        seen[group] += 1
        if seen[group] <= SHOWN:
            out.append(change)
            continue
        if group not in rest:
            rest[group] = []
            out.append(group)
        rest[group].append(change)
    return [item if isinstance(item, Change) else _grouped(item, tuple(rest[item])) for item in out]


def _grouped(group: str, members: tuple[Change, ...]) -> Change:
    return Change(
        kind="grouped",
        section=members[0].section,
        path=group,
        grouped=len(members),
        members=members,
    )


def probe(change: Change, data: dict[str, Any], index: dict[tuple[str, str], Any]) -> Any:
    """What a grouped change is about in one state: each member's value or item (for the
    provenance: a commit touched the group when one of them differs). Looked up in the group's
    own mapping or in the index of items, not through each member's pointer."""
    parent_path = tuple(split_pointer(change.path))
    parent = get_path(data, parent_path) if change.path else data
    found: list[Any] = []
    for member in change.members:
        if member.item_kind is not None:
            item = index.get((member.item_kind, member.id or ""))
            if item is None and member.old_id:
                item = index.get((member.item_kind, member.old_id))
            found.append((item.list_path, item.item) if item else None)
            continue
        key = member.path[len(change.path) + 1 :]
        if "/" in key or not isinstance(parent, dict):  # deeper (an unknown section's key)
            path = tuple(split_pointer(member.path))
            found.append(strip_item_lists(get_path(data, path), path))
            continue
        name = unescape_token(key) if "~" in key else key
        value = parent.get(name)
        if isinstance(value, dict):
            value = strip_item_lists(value, (*parent_path, name))
        found.append(value)
    return tuple(found)
