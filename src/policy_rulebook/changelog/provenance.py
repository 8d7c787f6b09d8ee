"""Who introduced each change: the commit where it first appeared in its final form."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from policy_rulebook.changelog.diff import Change, Located, get_path, index_items, strip_items
from policy_rulebook.changelog.history import State
from policy_rulebook.core.document import split_pointer


def attribute(changes: Sequence[Change], states: Sequence[State]) -> tuple[Change, ...]:
    """Each change with the commit, author and date that introduced it.

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
            result.append(dataclasses.replace(change, commit=commit.sha, author=commit.author,
                                              date=commit.date))
    return tuple(result)


def _probe(change: Change, data: dict[str, Any],
           index: dict[tuple[str, str], Located]) -> Any:
    """What a change is about, as it is in one state (None when absent)."""
    if change.item_kind is not None:
        found = index.get((change.item_kind, change.id or ""))
        return (found.list_path, found.item) if found else None
    path = tuple(split_pointer(change.path))
    return strip_items(get_path(data, path), path)
