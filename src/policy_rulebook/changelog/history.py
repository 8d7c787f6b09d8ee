"""The rulebook's git history, read with git's own plumbing through GitPython: one ``git log``
for the commit graph of the policy's path and one persistent ``git cat-file`` for trees and
blobs (sizes first: a blob over the file limit is refused before it is read). Never a checkout.

Loaded states are cached by tree and blob id, so a file that did not change between commits is
parsed once. How commits become versions is ``changelog.releases`` (the release model).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from policy_rulebook.core import loader
from policy_rulebook.core.changes import plain
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import _

SHALLOW_HINT = ("fetch the full history (git fetch --unshallow; in GitHub Actions "
                "`fetch-depth: 0` on actions/checkout)")
#: The commit trailer that marks a change: ``Policy-Change: editorial`` (or ``material``).
TRAILER = "policy-change"
MARKINGS = ("editorial", "material")
_FIELDS = ("%H", "%P", "%an", "%ae", "%ad", "%s", "%(trailers:only,unfold)")
_FORMAT = "%x00".join(_FIELDS)
_REFLOG = re.compile(r"@\{(?!u\}|upstream\}|push\})")


class Touch(NamedTuple):
    """One commit that touched a change: who, when, and why (its subject)."""

    sha: str
    author: str
    email: str
    date: str  # YYYY-MM-DD, in the author's time zone, as git prints it
    subject: str
    marking: str | None = None  # "editorial" or "material" from a ``Policy-Change:`` trailer


@dataclass(frozen=True)
class Commit:
    """The facts of a commit that people read; ``parents`` in the policy's own commit graph."""

    sha: str
    author: str
    email: str
    date: str  # YYYY-MM-DD, in the author's time zone
    summary: str
    trailers: tuple[tuple[str, str], ...] = ()
    parents: tuple[str, ...] = ()

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
        return Touch(self.sha, self.author, self.email, self.date, self.summary, self.marking)


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


class History:
    """The git history of the rulebook at ``path`` (a directory or one YAML file)."""

    def __init__(self, path: Path, max_bytes: int | None = None) -> None:
        import git

        self.path = path
        self.max_bytes = max_bytes or loader.DEFAULT_MAX_BYTES
        try:
            self.repo = git.Repo(path if path.is_dir() else path.parent,
                                 search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise InputError(_("{path}: not in a git repository (the changelog reads the "
                               "policy's versions from git history)").format(path=path)) from None
        if self.repo.working_tree_dir is None:
            raise InputError(_("{path}: a bare repository has no working tree to read").format(
                path=path))
        root = Path(self.repo.working_tree_dir).resolve()
        try:
            self.relpath = PurePosixPath(path.resolve().relative_to(root).as_posix())
        except ValueError:
            raise InputError(_("{path}: not inside the git repository at {root}").format(
                path=path, root=root)) from None
        shallow = Path(self.repo.git_dir) / "shallow"
        self.edges = frozenset(shallow.read_text(encoding="ascii").split()) if (
            shallow.is_file()) else frozenset()
        self.shallow = bool(self.edges)
        self._graphs: dict[str, dict[str, Commit]] = {}
        self._trees: dict[str, tuple[str, str] | None] = {}
        self._data: dict[str, dict[str, Any]] = {}
        self._files: dict[str, dict[str, Any]] = {}
        self._ancestors: dict[str, frozenset[str]] = {}

    # -- revisions ---------------------------------------------------------------------------

    def resolve(self, rev: str) -> str:
        """The full id of the commit a revision names; one clear error when it cannot."""
        import git

        if rev.startswith("-"):
            raise InputError(_("{rev!r} is not a revision: a revision cannot start with "
                               "'-'").format(rev=rev))
        if not rev.strip() or any(c in rev for c in "\0\n\r"):
            raise InputError(_("{rev!r} is not a revision").format(rev=rev))
        if _REFLOG.search(rev):
            raise InputError(_("{rev!r} reads this clone's reflog, which differs from machine "
                               "to machine: name a commit, branch or tag").format(rev=rev))
        try:
            sha = self.repo.git.rev_parse("--verify", "--quiet", "--end-of-options",
                                          f"{rev}^{{commit}}")
        except git.GitCommandError:
            sha = ""
        if not sha:
            kind = self._kind_of(rev)
            if kind is not None and kind != "commit":
                raise InputError(_("{rev!r} names a {kind}, not a commit").format(
                    rev=rev, kind=kind))
            if self.shallow:
                raise InputError(_("unknown revision {rev!r}: this is a shallow clone that may "
                                   "lack it; {hint}").format(rev=rev, hint=SHALLOW_HINT))
            raise InputError(_("unknown revision {rev!r} in {where}").format(
                rev=rev, where=self.repo.working_tree_dir))
        return str(sha).strip()

    def _kind_of(self, rev: str) -> str | None:
        """What a revision names when it is not a commit (a tree, a blob), if anything."""
        import git

        try:
            return str(self.repo.git.cat_file("-t", "--end-of-options", rev)).strip() or None
        except git.GitCommandError:
            return None

    # -- the commit graph of the policy's path -----------------------------------------------

    def graph(self, tip: str) -> dict[str, Commit]:
        """Every commit up to ``tip`` that touched the policy (and the merges between them), by
        id, with its parents rewritten to the nearest such commit: one ``git log``."""
        if tip not in self._graphs:
            raw = self.repo.git.log("--full-history", "--parents", "--topo-order", "-z",
                                    "--date=short",
                                    f"--format={_FORMAT}", tip, "--", str(self.relpath),
                                    stdout_as_string=False)
            text = bytes(raw).decode("utf-8", errors="replace")
            fields = text.split("\0")
            graph: dict[str, Commit] = {}
            size = len(_FIELDS)
            for start in range(0, len(fields) - size + 1, size):
                sha, parents, author, email, date, subject, trailers = fields[start:start + size]
                sha = sha.strip()
                if not sha:
                    continue
                graph[sha] = Commit(sha, author, email, date, subject, _trailers(trailers),
                                    tuple(parents.split()))
            self._graphs[tip] = graph
        return self._graphs[tip]

    def commit(self, sha: str, tip: str | None = None) -> Commit:
        """The facts of one commit (from the graph when it is in it)."""
        found = self.graph(tip).get(sha) if tip is not None else None
        if found is not None:
            return found
        raw = self.repo.git.log("-1", "-z", "--date=short", f"--format={_FORMAT}", sha,
                                stdout_as_string=False)
        parts = bytes(raw).decode("utf-8", errors="replace").split("\0")
        parts += [""] * (len(_FIELDS) - len(parts))
        return Commit(parts[0].strip(), parts[2], parts[3], parts[4], parts[5],
                      _trailers(parts[6]), tuple(parts[1].split()))

    def mainline(self, tip: str) -> list[Commit]:
        """The first-parent line from ``tip`` back, oldest first: the commits on it where the
        policy changed (a merged pull request is one commit here)."""
        graph = self.graph(tip)
        line: list[Commit] = []
        sha: str | None = tip if tip in graph else self._first_in_graph(tip)
        while sha is not None and sha in graph:
            commit = graph[sha]
            parent = commit.parents[0] if commit.parents else None
            if self.tree_of(sha) != (self.tree_of(parent) if parent else None):
                line.append(commit)
            sha = parent
        line.reverse()
        return line

    def _first_in_graph(self, tip: str) -> str | None:
        """The newest commit of the graph on the first-parent line of ``tip``."""
        out = self.repo.git.log("--first-parent", "-1", "--format=%H", tip, "--",
                                str(self.relpath)).strip()
        return out or None

    def reachable(self, tip: str, stop: frozenset[str] = frozenset()) -> set[str]:
        """The graph's commits reachable from ``tip`` without passing through ``stop``."""
        graph = self.graph(tip)
        seen: set[str] = set()
        todo = [tip if tip in graph else self._first_in_graph(tip)]
        while todo:
            sha = todo.pop()
            if sha is None or sha in seen or sha in stop or sha not in graph:
                continue
            seen.add(sha)
            todo.extend(graph[sha].parents)
        return seen

    def ancestors(self, rev: str) -> frozenset[str]:
        """The commits up to ``rev`` that touched the policy (``git rev-list``)."""
        if rev not in self._ancestors:
            out = self.repo.git.rev_list("--full-history", rev, "--", str(self.relpath))
            self._ancestors[rev] = frozenset(out.split())
        return self._ancestors[rev]

    def at_shallow_edge(self, sha: str) -> bool:
        return sha in self.edges

    # -- states ------------------------------------------------------------------------------

    def tree_of(self, sha: str) -> tuple[str, str] | None:
        """(type, id) of the policy's path at a commit; None where it is absent (or a
        submodule, whose content is not in this repository)."""
        if sha not in self._trees:
            ref = f"{sha}:{self.relpath}" if str(self.relpath) != "." else f"{sha}^{{tree}}"
            try:
                hexsha, kind, _size = self.repo.git.get_object_header(ref)
            except ValueError:
                self._trees[sha] = None
            else:
                kind, hexsha = _text(kind), _text(hexsha)
                self._trees[sha] = (kind, hexsha) if kind in ("tree", "blob") else None
        return self._trees[sha]

    def exists_at(self, sha: str) -> bool:
        """Whether the rulebook's path exists at a commit (a pull request may add it)."""
        return str(self.relpath) == "." or self.tree_of(sha) is not None

    def state(self, sha: str, rev: str | None = None, tip: str | None = None) -> State:
        """The rulebook at a commit; an error naming the revision and the file if it is broken
        or missing."""
        return State(self.commit(sha, tip), self._data_at(sha, rev or sha[:7]))

    def try_state(self, sha: str, tip: str | None = None) -> State | None:
        """The rulebook at a commit, or None where it is missing, too large or does not parse."""
        try:
            return self.state(sha, tip=tip)
        except InputError:
            return None

    def working_tree(self) -> State:
        document = loader.load(self.path, max_bytes=self.max_bytes)
        _refuse_broken(document.broken_files, _("the working tree"))
        return State(None, plain(document.data))

    def _data_at(self, sha: str, rev: str) -> dict[str, Any]:
        found = self.tree_of(sha)
        if found is None:
            raise InputError(_("{path}: does not exist at revision {rev}").format(
                path=self.relpath, rev=rev))
        kind, object_id = found
        if object_id in self._data:
            return self._data[object_id]
        if kind == "tree":
            blobs = [(name, blob) for name, mode, blob in self._entries(object_id)
                     if mode in ("100644", "100755") and name.endswith(loader.YAML_SUFFIXES)]
            if not blobs:
                raise InputError(_("{path}: no .yaml or .yml files at revision {rev}").format(
                    path=self.relpath, rev=rev))
            blobs.sort()
        else:
            blobs = [(self.relpath.name, object_id)]
        data: dict[str, Any] = {}
        for name, blob in blobs:
            for section, content in self._file_data(name, blob, rev).items():
                data.setdefault(section, content)  # the first definition counts, as in lint
        self._data[object_id] = data
        return data

    def _entries(self, tree: str) -> Iterator[tuple[str, str, str]]:
        """(name, mode, id) of a tree's entries, from its raw object."""
        _sha, _kind, size, stream = self.repo.git.stream_object_data(tree)
        raw = stream.read(size)
        stream.read()  # the newline after the object
        width = len(tree) // 2
        position = 0
        while position < len(raw):
            space = raw.index(b" ", position)
            nul = raw.index(b"\0", space)
            mode = raw[position:space].decode("ascii").rjust(6, "0")
            name = raw[space + 1:nul].decode("utf-8", errors="replace")
            object_id = raw[nul + 1:nul + 1 + width].hex()
            position = nul + 1 + width
            yield name, mode, object_id

    def _file_data(self, name: str, blob: str, rev: str) -> dict[str, Any]:
        if blob not in self._files:
            path = str(self.relpath / name) if str(self.relpath) != name else name
            _sha, _kind, size = self.repo.git.get_object_header(blob)
            if size > self.max_bytes:  # refused by its size, before a byte is read
                raise InputError(_("{path} at revision {rev} is {size} bytes, more than the "
                                   "limit of {limit} (--max-file-size)").format(
                    path=path, rev=rev, size=size, limit=self.max_bytes))
            _sha, _kind, size, stream = self.repo.git.stream_object_data(blob)
            raw = stream.read(size)
            stream.read()
            document = loader.load_files(path, [(path, raw)], positions=False,
                                         max_bytes=self.max_bytes)
            _refuse_broken(document.broken_files, _("revision {rev}").format(rev=rev))
            self._files[blob] = plain(document.data)
        return self._files[blob]

    # -- compatibility: the first-parent walk as versions ------------------------------------

    def versions(self, tip: str) -> list[Version]:
        """Every version up to ``tip``, oldest first (see ``changelog.releases``)."""
        from policy_rulebook.changelog.releases import walk

        return walk(self, tip).versions

    def states_between(self, since: str | None, tip: str) -> Iterator[State]:
        """The parseable states of the commits after ``since`` up to ``tip``, oldest first
        (the first-parent line)."""
        stop = self.ancestors(since) if since is not None else frozenset()
        for commit in self.mainline(tip):
            if commit.sha in stop:
                continue
            state = self.try_state(commit.sha, tip)
            if state is not None:
                yield state


def _text(value: str | bytes) -> str:
    return value.decode("ascii") if isinstance(value, bytes) else str(value)


def _trailers(text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            pairs.append((key.strip(), value.strip()))
    return tuple(pairs)


def _refuse_broken(broken: list[str], where: str) -> None:
    if broken:
        raise InputError(_("the rulebook does not parse at {where}: {file} is not valid YAML "
                           "(run `rulebook lint` on it for the line)").format(
            where=where, file=broken[0]))
