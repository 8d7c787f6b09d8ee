"""The release model: which commits make which version, as the organisation adopts them.

- The history is the **first-parent** line of the branch: a merged pull request is one step
  there (its merge or squash commit), so every version appears once, in the order of the branch.
- A version starts at the step where ``meta.version`` takes a new value (the *bump*). If its
  ``meta.status`` is ``draft``, it collects the later steps with the same number until one of them
  sets another status (``adopted``): its content is the state at adoption. An adopted version is
  closed at once.
- Steps after a version was closed that change its content without a new number are
  **unreleased**: they belong to the next version, never to the one before. Steps that only
  change a version's record (``core.baseline.LIFECYCLE_KEYS``: status, dates, approval) amend it.
- With a base revision (``--from``), the steps after it are a pull request that is not merged
  yet: a version bumped there collects every later step of the range (as the merge will), and the
  first of them is compared with the base, so the range shows exactly the pull request's changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from policy_rulebook.changelog.gitrun import SHALLOW_HINT
from policy_rulebook.changelog.history import History
from policy_rulebook.changelog.records import Commit, State, Version
from policy_rulebook.core.baseline import ADOPTED, DRAFT, LIFECYCLE_KEYS
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import _

UNRELEASED = "unreleased"
#: What a policy version number looks like where a revision is expected (``1.2.0``, ``v1.2``).
_NUMBER = re.compile(r"^v?\d+\.\d+(?:\.\d+)?(?:[-+][0-9A-Za-z.+-]+)?$")


@dataclass(frozen=True)
class Walk:
    """The versions up to a tip, oldest first, and the changes no version carries yet."""

    versions: list[Version]
    unreleased: Version | None = None


@dataclass
class _Open:
    version: str
    bumped: Commit
    state: State
    states: list[State]
    status: str
    adopted: Commit | None
    since: State | None
    commits: list[Commit]
    collecting: bool
    proposed: bool = False

    def freeze(self) -> Version:
        return Version(
            self.version,
            self.bumped,
            self.state,
            tuple(self.states),
            self.status,
            self.adopted,
            self.since,
            tuple(self.commits),
        )


@dataclass
class _Pending:
    states: list[State] = field(default_factory=list)
    commits: list[Commit] = field(default_factory=list)
    first: Commit | None = None


def walk(history: History, tip: str, since: str | None = None, allow_shallow: bool = False) -> Walk:
    """Versions from the first-parent history up to ``tip``; ``since`` the base revision of a
    pull request (its later steps are not merged yet)."""
    line = history.mainline(tip)
    before = history.ancestors(since) if since is not None else frozenset()
    if (
        history.shallow
        and not allow_shallow
        and since is None
        and line
        and history.at_shallow_edge(line[0].sha)
    ):
        raise InputError(
            _(
                "{path}: this is a shallow clone and the history of the policy "
                "before {commit} is missing; {hint}"
            ).format(path=history.path, commit=line[0].short, hint=_(SHALLOW_HINT))
        )
    base_state = _base_state(history, since) if since is not None else None
    graph = history.graph(tip)
    history.prefetch(graph)
    order = {key: index for index, key in enumerate(graph)}  # topological, newest first
    assigned: set[str] = set(before)
    versions: list[_Open] = []
    pending = _Pending()
    for step in line:
        commits = _contributions(graph, order, step.sha, assigned)
        state = history.try_state(step.sha, tip)
        if state is None and versions and versions[-1].collecting:
            versions[-1].commits += commits  # a broken step: the draft's repair follows it
            continue
        if state is None or state.version is None:
            pending.commits += commits
            pending.first = pending.first or step
            continue
        proposed = since is not None and step.sha not in before
        last = versions[-1] if versions else None
        if last is None or state.version != last.version:
            previous = last.state if last else None
            if proposed and not (last and last.proposed):
                previous = base_state
                pending = _Pending(commits=[c for c in pending.commits if c.sha not in before])
            status = state.status or ADOPTED
            versions.append(
                _Open(
                    state.version,
                    step,
                    state,
                    [*pending.states, state],
                    status,
                    step if status != DRAFT else None,
                    previous,
                    [*pending.commits, *commits],
                    collecting=status == DRAFT or proposed,
                    proposed=proposed,
                )
            )
            pending = _Pending()
            continue
        if last.collecting:
            last.state = state
            last.states.append(state)
            last.commits += commits
            if last.status == DRAFT and (state.status or ADOPTED) != DRAFT:
                last.adopted = step
            last.status = state.status or ADOPTED
            last.collecting = last.status == DRAFT or proposed
        elif not pending.states and _content(state.data) == _content(last.state.data):
            # only the version's record changed (status, dates, approval): it amends it
            last.state = state
            last.status = state.status or ADOPTED
            last.commits += commits
        else:
            pending.states.append(state)
            pending.commits += commits
            pending.first = pending.first or step
    unreleased = None
    if pending.states:
        last = versions[-1] if versions else None
        previous = last.state if last else None
        if since is not None and not (last and last.proposed):
            previous = base_state
            pending.commits = [c for c in pending.commits if c.sha not in before]
        if not (since is not None and not pending.commits):
            first = pending.first or pending.states[0].commit
            assert first is not None
            unreleased = Version(
                pending.states[-1].version or "",
                first,
                pending.states[-1],
                tuple(pending.states),
                UNRELEASED,
                None,
                previous,
                tuple(pending.commits),
            )
    return Walk([v.freeze() for v in versions], unreleased)


def _base_state(history: History, since: str) -> State | None:
    """The rulebook at the base revision; None when the base has no policy yet."""
    if not history.exists_at(since):
        return None
    return history.state(since)


def _contributions(
    graph: dict[str, Commit], order: dict[str, int], sha: str, assigned: set[str]
) -> list[Commit]:
    """The commits that a first-parent step brings (itself and what it merges), oldest first;
    each commit is brought by one step only."""
    found: list[Commit] = []
    todo = [sha]
    while todo:
        current = todo.pop()
        if current in assigned or current not in graph:
            continue
        assigned.add(current)
        found.append(graph[current])
        todo.extend(graph[current].parents)
    found.sort(key=lambda commit: -order[commit.sha])
    return found


def _content(data: dict[str, Any]) -> dict[str, Any]:
    meta = data.get("meta")
    if not isinstance(meta, dict):
        return data
    return {**data, "meta": {k: v for k, v in meta.items() if k not in LIFECYCLE_KEYS}}


def resolve(history: History, rev: str) -> str:
    """The commit a revision names, or else the commit that adopted the policy version of
    that number (``--from 1.1.0``; a draft: its latest state). A revision wins: a tag or branch
    named ``1.1.0`` is what git says it is. One clear error naming the known versions when
    neither exists."""
    sha = history.lookup(rev)
    if sha is not None or not _NUMBER.match(rev):
        return sha if sha is not None else history.resolve(rev)
    head = history.lookup("HEAD")
    versions = walk(history, head, allow_shallow=True).versions if head is not None else []
    number = rev.removeprefix("v")
    for version in reversed(versions):
        if version.version in (rev, number):
            found = version.adopted or version.state.commit or version.bumped
            return found.sha
    known = ", ".join(dict.fromkeys(v.version for v in versions))
    raise InputError(
        _("unknown revision or policy version {rev!r}; the policy's versions are: {known}").format(
            rev=rev, known=known
        )
        if known
        else _("unknown revision or policy version {rev!r}; the policy has no version yet").format(
            rev=rev
        )
    )
