"""What the history hands on, as plain records: commits, the policy's state at a commit, and the
versions the release model (``changelog.releases``) makes of them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

#: The commit trailer that marks a change: ``Policy-Change: editorial`` (or ``material``).
TRAILER = "policy-change"
MARKINGS = ("editorial", "material")
#: What ``git log --format`` prints per commit: NUL between fields (``-z``: and between
#: commits), so no subject, body or name can shift a field.
LOG_FIELDS = ("%H", "%P", "%an", "%ae", "%ad", "%s", "%(trailers:only,unfold)", "%b")
LOG_FORMAT = "%x00".join(LOG_FIELDS)
_SHA = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")


class Touch(NamedTuple):
    """One commit that touched a change: who, when, and why (its subject, and the body under
    it: the pull request's text for a squash or merge commit)."""

    sha: str
    author: str
    email: str
    date: str  # YYYY-MM-DD, in the author's time zone, as git prints it
    subject: str
    marking: str | None = None  # "editorial" or "material" from a ``Policy-Change:`` trailer
    body: str = ""


@dataclass(frozen=True)
class Commit:
    """The facts of a commit that people read; ``parents`` in the policy's own commit graph;
    ``body`` the message under the subject, without its trailers."""

    sha: str
    author: str
    email: str
    date: str  # YYYY-MM-DD, in the author's time zone
    summary: str
    trailers: tuple[tuple[str, str], ...] = ()
    parents: tuple[str, ...] = ()
    body: str = ""

    @property
    def short(self) -> str:
        return self.sha[:7]

    @property
    def marking(self) -> str | None:
        """``editorial`` or ``material`` when a ``Policy-Change:`` trailer says so (the last
        one counts)."""
        found = [v.strip().lower() for k, v in self.trailers if k.strip().lower() == TRAILER]
        found = [v for v in found if v in MARKINGS]
        return found[-1] if found else None

    @property
    def touch(self) -> Touch:
        return Touch(
            self.sha, self.author, self.email, self.date, self.summary, self.marking, self.body
        )


@dataclass(frozen=True)
class State:
    """The rulebook as plain data at a commit (``commit`` is None for the working tree)."""

    commit: Commit | None
    data: dict[str, Any]

    @property
    def version(self) -> str | None:
        value = self.meta("version")
        return str(value) if value is not None else None

    @property
    def status(self) -> str | None:
        value = self.meta("status")
        return str(value) if value is not None else None

    def meta(self, key: str) -> Any:
        meta = self.data.get("meta")
        return meta.get(key) if isinstance(meta, dict) else None


@dataclass(frozen=True)
class Version:
    """A version as the organisation adopted it (see ``changelog.releases``).

    ``bumped`` is the first-parent commit that gave it its number; ``state`` its content (when
    it was adopted, or the latest state of a draft); ``states`` the first-parent states it
    carries, oldest first (unreleased edits before the bump included); ``since`` the state it is
    compared with; ``status`` ``adopted``, ``draft``, ``repealed`` (or another ``meta.status``),
    or ``unreleased`` for changes that no version carries yet; ``adopted`` the commit that
    adopted it; ``commits`` every commit it carries, merged branches included, oldest first.
    """

    version: str
    bumped: Commit
    state: State
    states: tuple[State, ...] = field(default=(), repr=False)
    status: str = "adopted"
    adopted: Commit | None = None
    since: State | None = field(default=None, repr=False)
    commits: tuple[Commit, ...] = field(default=(), repr=False)

    @property
    def touches(self) -> tuple[Touch, ...]:
        return tuple(commit.touch for commit in self.commits)


def parse_trailers(text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            pairs.append((key.strip(), value.strip()))
    return tuple(pairs)


def body_without_trailers(body: str, trailers: str) -> str:
    """The body as people wrote it: the trailer block at its end taken off."""
    lines = body.rstrip().splitlines()
    wanted = {line.strip() for line in trailers.splitlines() if line.strip()}
    while lines and (lines[-1].strip() in wanted or not lines[-1].strip()):
        lines.pop()
    return "\n".join(lines).strip()


def parse_log(raw: bytes) -> dict[str, Commit]:
    """The commits of ``git log -z --format=LOG_FORMAT``, by id, in git's order."""
    fields = raw.decode("utf-8", errors="replace").split("\0")
    graph: dict[str, Commit] = {}
    size = len(LOG_FIELDS)
    start = 0
    while start + size <= len(fields):
        sha = fields[start].strip()
        if not _SHA.match(sha):
            start += 1  # not where a record starts: step on until one does
            continue
        _sha, parents, author, email, date, subject, trailers, body = fields[start : start + size]
        graph[sha] = Commit(
            sha,
            author,
            email,
            date,
            subject,
            parse_trailers(trailers),
            tuple(parents.split()),
            body_without_trailers(body, trailers),
        )
        start += size
    return graph
