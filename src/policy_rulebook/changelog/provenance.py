"""Who made each change: every commit that touched it in the range, with author, date, subject
(the *why*) and the contributor's marking (``Policy-Change: editorial|material``).

A commit *touches* a change when the changed thing differs between the commit and its parent
(a merge only when it differs from every parent: a merge that brings a branch in does not make
the branch's changes). A commit where the policy does not parse is skipped: the commit that
repairs it is compared with the last commit before it that parsed. ``Change.commit``,
``author`` and ``date`` keep naming the last touch (the commit where the change took its final
form).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from policy_rulebook.changelog.diff import Change, touch_dict
from policy_rulebook.changelog.records import Commit, State, Touch
from policy_rulebook.core.changes import (
    Located,
    get_path,
    index_items,
    is_editorial,
    strip_item_lists,
)
from policy_rulebook.core.document import split_pointer
from policy_rulebook.core.memo import by_identity

#: The data of the rulebook at a commit, or None where it is missing or broken.
DataAt = Callable[[str], "dict[str, Any] | None"]


@dataclasses.dataclass(frozen=True)
class Provenance:
    """The provenance of one change: ``touches`` oldest first; ``marking`` the contributor's
    (the last touch that carries one); ``editorial`` the verdict (the marking, else the guess:
    only spelling, punctuation, capitals or spacing changed)."""

    touches: tuple[Touch, ...] = ()
    marking: str | None = None
    editorial: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "touches": [touch_dict(t) for t in self.touches],
            "marking": self.marking,
            "editorial": self.editorial,
        }


def provenance(
    changes: Sequence[Change], commits: Sequence[Commit], data_at: DataAt
) -> tuple[Provenance, ...]:
    """For each change (same order), every commit of ``commits`` that touched it."""
    indexes: dict[int, dict[tuple[str, str], Located]] = {}

    def probe(change: Change, data: dict[str, Any] | None) -> Any:
        if data is None:
            return None
        if id(data) not in indexes:
            indexes[id(data)] = index_items(data)
        return _probe(change, data, indexes[id(data)])

    by_sha = {commit.sha: commit for commit in commits}
    last_parsed: dict[str, list[dict[str, Any] | None]] = {}

    def parsed(sha: str) -> list[dict[str, Any] | None]:
        """The data at a commit; where it does not parse, at the last commits before it in
        the range that did (a repair is compared with them, not credited with everything)."""
        data = data_at(sha)
        if data is not None or sha not in by_sha:
            return [data]
        if sha not in last_parsed:
            last_parsed[sha] = [None]  # guards a cycle (there is none in git)
            found = [d for parent in by_sha[sha].parents for d in parsed(parent)]
            last_parsed[sha] = found or [None]
        return last_parsed[sha]

    result = []
    for change in changes:
        touched = []
        for commit in commits:
            data = data_at(commit.sha)
            if data is None:
                continue  # an unparsable commit is no step: what it did counts at its repair
            now = probe(change, data)
            before = [probe(change, d) for p in commit.parents for d in parsed(p)] or [None]
            if all(now != old for old in before):
                touched.append(commit.touch)
        marking = next((t.marking for t in reversed(touched) if t.marking), None)
        result.append(Provenance(tuple(touched), marking, is_editorial(change, marking)))
    return tuple(result)


#: The items by id at a commit, once per commit: ``forms`` is asked once per change.
_indexed = by_identity(index_items)


def forms(change: Change, data_at: DataAt) -> tuple[tuple[Any, Any], ...]:
    """What the change is about (an item, or a unit's value) after each commit that touched
    it, oldest first: the steps through which ``changelog.authorship`` replays its words.
    Commits whose rulebook does not parse are left out (the next one that parses counts)."""
    steps = []
    for touch in change.touches:
        data = data_at(touch.sha)
        if data is None:
            continue
        found = _probe(change, data, _indexed(data))
        if change.item_kind is not None and found is not None:
            found = found[1]  # (list, item): the item
        steps.append((touch, found))
    return tuple(steps)


def with_last_touch(changes: Sequence[Change], found: Sequence[Provenance]) -> tuple[Change, ...]:
    """The changes with ``commit``, ``author`` and ``date`` of their last touch."""
    result = []
    for change, prov in zip(changes, found, strict=True):
        if prov.touches:
            last = prov.touches[-1]
            change = change.but(commit=last.sha, author=last.author, date=last.date)
        result.append(change)
    return tuple(result)


def uncommitted(change: Change, head: dict[str, Any] | None, work: dict[str, Any]) -> bool:
    """Whether the working tree's form of a change differs from the last commit's."""
    return uncommitted_test(head, work)(change)


def uncommitted_test(head: dict[str, Any] | None, work: dict[str, Any]) -> Callable[[Change], bool]:
    """``uncommitted`` for many changes: both states' items indexed once (per change, it was
    quadratic: 1,000 added do's spent 7.5 s indexing)."""
    head_index = index_items(head) if head is not None else None
    work_index = index_items(work)

    def test(change: Change) -> bool:
        before = (
            _probe(change, head, head_index)
            if head is not None and head_index is not None
            else None
        )
        return bool(_probe(change, work, work_index) != before)

    return test


def attribute(changes: Sequence[Change], states: Sequence[State]) -> tuple[Change, ...]:
    """Each change with the commit, author and date that introduced it (the first API, kept).

    ``states`` run from the older version (first) to the newer one (last), one per commit that
    touched the rulebook in between. A change is attributed to the last commit before which the
    changed thing still differed from its final form. A change only in the working tree keeps no
    commit.
    """
    if len(states) < 2:
        return tuple(changes)
    indexes = [index_items(state.data) for state in states]
    result = []
    for change in changes:
        final = _probe(change, states[-1].data, indexes[-1])
        i = len(states) - 1
        while i > 1 and _probe(change, states[i - 1].data, indexes[i - 1]) == final:
            i -= 1
        commit = states[i].commit
        if commit is None:
            result.append(change)
        else:
            result.append(
                dataclasses.replace(
                    change, commit=commit.sha, author=commit.author, date=commit.date
                )
            )
    return tuple(result)


def _probe(change: Change, data: dict[str, Any], index: dict[tuple[str, str], Located]) -> Any:
    """What a change is about, as it is in one state (None when absent)."""
    if change.grouped:
        from policy_rulebook.changelog.grouping import probe

        return probe(change, data, index)
    if change.item_kind is not None:
        found = index.get((change.item_kind, change.id or ""))
        if found is None and change.old_id:
            found = index.get((change.item_kind, change.old_id))
        return (found.list_path, found.item) if found else None
    path = tuple(split_pointer(change.path))
    return strip_item_lists(get_path(data, path), path)
