"""The changelog entry between two states of a policy's history, and the pieces it is made of.

Shared by the history commands (``app.history_actions``: diff, changelog, history) and by
``lint --base`` (``app.lint_base_actions``: the markings since the base), so that both see the
same changes, the same commits in a range and the same provenance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policy_rulebook.changelog.history import History
    from policy_rulebook.changelog.model import Entry
    from policy_rulebook.changelog.provenance import Provenance
    from policy_rulebook.changelog.records import Commit, State


def endpoint(state: State) -> Any:
    """One end of an entry: the state's version, commit and status (``changelog.model``)."""
    from policy_rulebook.changelog.model import Endpoint

    commit = state.commit
    status = state.meta("status")
    return Endpoint(
        state.version,
        commit.sha if commit else None,
        commit.date if commit else None,
        commit.summary if commit else None,
        str(status) if status is not None else None,
    )


def entry_between(
    history: History, old: State | None, new: State, commits: list[Commit], work: bool = False
) -> tuple[Entry, tuple[Provenance, ...]]:
    """The entry from ``old`` to ``new`` and each change's provenance in ``commits``."""
    from policy_rulebook.changelog.model import Entry, decide, with_provenance
    from policy_rulebook.changelog.provenance import (
        provenance,
        uncommitted_test,
        with_last_touch,
    )

    if old is None:
        return Entry(None, endpoint(new), (), new.data), ()
    changes = diff_sections(old.data, new.data)
    found = provenance(changes, commits, lambda sha: data_at(history, sha))
    attributed = with_last_touch(changes, found)
    if work:  # a change whose last form is not committed yet names no commit
        head = history.try_state(history.resolve("HEAD"))
        uncommitted = uncommitted_test(head.data if head else None, new.data)
        attributed = tuple(
            c.but(commit=None, author=None, date=None) if uncommitted(c) else c for c in attributed
        )
    attributed = decide(with_provenance(attributed, found))
    return Entry(endpoint(old), endpoint(new), attributed, new.data), found


def diff_sections(old: dict[str, Any], new: dict[str, Any]) -> Any:
    """The changelog's diff, given only the sections that differ (each kind of item lives in
    one section, so the result is the same; unchanged files are the same cached objects)."""
    from policy_rulebook.changelog.diff import diff_data

    differ = [
        s for s in {**old, **new} if old.get(s) is not new.get(s) and old.get(s) != new.get(s)
    ]
    return diff_data(
        {s: old[s] for s in differ if s in old}, {s: new[s] for s in differ if s in new}
    )


def data_at(history: History, sha: str) -> dict[str, Any] | None:
    """The policy's data at a commit; None where the policy cannot be read there."""
    state = history.try_state(sha)
    return state.data if state is not None else None


def commits_between(history: History, since: str, tip: str) -> list[Commit]:
    """The commits that lead from ``since`` to ``tip`` (merged branches included), oldest
    first; none when ``tip`` is older."""
    graph = history.graph(tip)
    inside = history.reachable(tip, history.ancestors(since))
    return [graph[sha] for sha in reversed(graph) if sha in inside]
