"""The rulebook's git history, read with git's own plumbing: one ``git log`` for the commit
graph of the policy's path, and ``git cat-file --batch-check``/``--batch`` for many trees and
blobs at once (sizes first: a blob over the file limit is refused before it is read). Never a
checkout.

Loaded states are cached by tree and blob id, so a file that did not change between commits is
parsed once; parsed blobs are also kept between runs in ``.git/rulebook/`` (plain JSON keyed by
blob id: a blob's content never changes), so a second run over a long history reads no YAML.
How commits become versions is ``changelog.releases`` (the release model).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from policy_rulebook.core import files, loader
from policy_rulebook.core.changes import plain
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import N_, _

SHALLOW_HINT = N_(
    "fetch the full history (git fetch --unshallow; in GitHub Actions "
    "`fetch-depth: 0` on actions/checkout)"
)
#: The commit trailer that marks a change: ``Policy-Change: editorial`` (or ``material``).
TRAILER = "policy-change"
MARKINGS = ("editorial", "material")
_FIELDS = ("%H", "%P", "%an", "%ae", "%ad", "%s", "%(trailers:only,unfold)")
_FORMAT = "%x00".join(_FIELDS)
_REFLOG = re.compile(r"@\{(?!u\}|upstream\}|push\})")
_ID_LINE = re.compile(r"""^\s*(?:-\s+)?id:\s*['"]?([^'"\s#]+)""")
#: The blob cache is read and written when a batch holds at least this many blobs.
CACHE_FROM = 64
#: The blob cache is not written beyond this size (bytes of JSON).
CACHE_LIMIT = 64 * 1024 * 1024


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
        self.max_bytes = max_bytes or files.DEFAULT_MAX_BYTES
        try:
            self.repo = git.Repo(
                path if path.is_dir() else path.parent, search_parent_directories=True
            )
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise InputError(
                _(
                    "{path}: not in a git repository (the changelog reads the "
                    "policy's versions from git history)"
                ).format(path=path)
            ) from None
        if self.repo.working_tree_dir is None:
            raise InputError(
                _("{path}: a bare repository has no working tree to read").format(path=path)
            )
        root = Path(self.repo.working_tree_dir).resolve()
        try:
            self.relpath = PurePosixPath(path.resolve().relative_to(root).as_posix())
        except ValueError:
            raise InputError(
                _("{path}: not inside the git repository at {root}").format(path=path, root=root)
            ) from None
        shallow = Path(self.repo.git_dir) / "shallow"
        self.edges = (
            frozenset(shallow.read_text(encoding="ascii").split())
            if (shallow.is_file())
            else frozenset()
        )
        self.shallow = bool(self.edges)
        self._graphs: dict[str, dict[str, Commit]] = {}
        self._trees: dict[str, tuple[str, str] | None] = {}
        self._data: dict[str, dict[str, Any]] = {}
        self._files: dict[str, dict[str, Any]] = {}
        self._ancestors: dict[str, frozenset[str]] = {}
        self._entries_of: dict[str, list[tuple[str, str, str]]] = {}
        self._sizes: dict[str, int] = {}
        self._broken: set[str] = set()
        self._disk: dict[str, Any] | None = None
        self._disk_dirty = False

    # -- revisions ---------------------------------------------------------------------------

    def resolve(self, rev: str) -> str:
        """The full id of the commit a revision names; one clear error when it cannot."""
        import git

        if rev.startswith("-"):
            raise InputError(
                _("{rev!r} is not a revision: a revision cannot start with '-'").format(rev=rev)
            )
        if not rev.strip() or any(c in rev for c in "\0\n\r"):
            raise InputError(_("{rev!r} is not a revision").format(rev=rev))
        if _REFLOG.search(rev):
            raise InputError(
                _(
                    "{rev!r} reads this clone's reflog, which differs from machine "
                    "to machine: name a commit, branch or tag"
                ).format(rev=rev)
            )
        try:
            sha = self.repo.git.rev_parse(
                "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"
            )
        except git.GitCommandError:
            sha = ""
        if not sha:
            kind = self._kind_of(rev)
            if kind is not None and kind != "commit":
                raise InputError(
                    _("{rev!r} names a {kind}, not a commit").format(rev=rev, kind=kind)
                )
            if self.shallow:
                raise InputError(
                    _(
                        "unknown revision {rev!r}: this is a shallow clone that may lack it; {hint}"
                    ).format(rev=rev, hint=_(SHALLOW_HINT))
                )
            raise InputError(
                _("unknown revision {rev!r} in {where}").format(
                    rev=rev, where=self.repo.working_tree_dir
                )
            )
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
            raw = self.repo.git.log(
                "--full-history",
                "--parents",
                "--topo-order",
                "-z",
                "--date=short",
                f"--format={_FORMAT}",
                tip,
                "--",
                str(self.relpath),
                stdout_as_string=False,
            )
            text = bytes(raw).decode("utf-8", errors="replace")
            fields = text.split("\0")
            graph: dict[str, Commit] = {}
            size = len(_FIELDS)
            for start in range(0, len(fields) - size + 1, size):
                sha, parents, author, email, date, subject, trailers = fields[start : start + size]
                sha = sha.strip()
                if not sha:
                    continue
                graph[sha] = Commit(
                    sha, author, email, date, subject, _trailers(trailers), tuple(parents.split())
                )
            self._graphs[tip] = graph
        return self._graphs[tip]

    def commit(self, sha: str, tip: str | None = None) -> Commit:
        """The facts of one commit (from the graph when it is in it)."""
        found = self.graph(tip).get(sha) if tip is not None else None
        for graph in self._graphs.values():
            found = found or graph.get(sha)
        if found is not None:
            return found
        raw = self.repo.git.log(
            "-1", "-z", "--date=short", f"--format={_FORMAT}", sha, stdout_as_string=False
        )
        parts = bytes(raw).decode("utf-8", errors="replace").split("\0")
        parts += [""] * (len(_FIELDS) - len(parts))
        return Commit(
            parts[0].strip(),
            parts[2],
            parts[3],
            parts[4],
            parts[5],
            _trailers(parts[6]),
            tuple(parts[1].split()),
        )

    def mainline(self, tip: str) -> list[Commit]:
        """The first-parent line from ``tip`` back, oldest first: the commits on it where the
        policy changed (a merged pull request is one commit here)."""
        graph = self.graph(tip)
        self.prefetch([*graph, *(p for c in graph.values() for p in c.parents)], content=False)
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
        out = self.repo.git.log(
            "--first-parent", "-1", "--format=%H", tip, "--", str(self.relpath)
        ).strip()
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

    def removed_ids(self, rev: str) -> list[tuple[str, str]]:
        """(id, commit) of every ``id:`` line that a first-parent commit up to ``rev`` removed,
        newest first: one ``git log -p``, no YAML read (the candidates for retired ids)."""
        out = self.repo.git.log(
            "--first-parent",
            "-p",
            "-U0",
            "--no-color",
            "--no-ext-diff",
            "--format=%x00%H",
            rev,
            "--",
            str(self.relpath),
            stdout_as_string=False,
        )
        found: list[tuple[str, str]] = []
        commit = ""
        for line in bytes(out).decode("utf-8", errors="replace").splitlines():
            if line.startswith("\0"):
                commit = line[1:].strip()
            elif line.startswith("-") and not line.startswith("---"):
                match = _ID_LINE.match(line[1:])
                if match:
                    found.append((match[1], commit))
        return found

    def at_shallow_edge(self, sha: str) -> bool:
        return sha in self.edges

    # -- states ------------------------------------------------------------------------------

    def tree_of(self, sha: str) -> tuple[str, str] | None:
        """(type, id) of the policy's path at a commit; None where it is absent (or a
        submodule, whose content is not in this repository)."""
        if sha not in self._trees:
            self.prefetch([sha], content=False)
        return self._trees[sha]

    # -- batched reads -----------------------------------------------------------------------

    def _cat_file(self, option: str, names: list[str]) -> bytes:
        """One ``git cat-file --batch[-check]`` for many objects."""
        done = subprocess.run(
            ["git", "cat-file", option],
            cwd=self.repo.working_tree_dir,
            input=("\n".join(names) + "\n").encode("utf-8"),
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise InputError(
                _("git cat-file failed in {where}: {error}").format(
                    where=self.repo.working_tree_dir,
                    error=done.stderr.decode("utf-8", "replace").strip()[:200],
                )
            )
        return done.stdout

    def _headers(self, names: list[str]) -> list[tuple[str, str, int] | None]:
        """(id, type, size) of each named object (None where it is missing)."""
        if not names:
            return []
        lines = self._cat_file("--batch-check", names).decode("utf-8", "replace").splitlines()
        result: list[tuple[str, str, int] | None] = []
        for line in lines[: len(names)]:
            parts = line.rsplit(" ", 2)
            ok = len(parts) == 3 and parts[2].isdigit() and parts[1] != "missing"
            result.append((parts[0], parts[1], int(parts[2])) if ok else None)
        result += [None] * (len(names) - len(result))
        return result

    def _contents(self, ids: list[str]) -> Iterator[tuple[str, bytes]]:
        """(id, raw content) of objects known to exist (sizes checked before)."""
        if not ids:
            return
        out = self._cat_file("--batch", ids)
        position = 0
        for object_id in ids:
            end = out.index(b"\n", position)
            header = out[position:end].decode("utf-8", "replace").split()
            position = end + 1
            if len(header) != 3 or not header[2].isdigit():
                continue
            size = int(header[2])
            yield object_id, out[position : position + size]
            position += size + 1

    def prefetch(self, shas: Iterable[str], content: bool = True) -> None:
        """Read the policy's trees (and with ``content`` its YAML files) at many commits in a
        few batched git calls; what is cached already is not read again."""
        todo = [sha for sha in dict.fromkeys(shas) if sha not in self._trees]
        if todo:
            here = str(self.relpath)
            names = [f"{sha}:{here}" if here != "." else f"{sha}^{{tree}}" for sha in todo]
            for sha, header in zip(todo, self._headers(names), strict=True):
                kind = header[1] if header else None
                self._trees[sha] = (
                    (kind, header[0]) if header and kind in ("tree", "blob") else None
                )
        if not content:
            return
        wanted = {found for sha in shas if (found := self._trees.get(sha)) is not None}
        trees = [
            tree
            for kind, tree in wanted
            if kind == "tree" and tree not in self._data and tree not in self._entries_of
        ]
        for tree, raw in self._contents(trees):
            self._entries_of[tree] = list(_entries(raw, len(tree) // 2))
        blobs = [
            blob
            for kind, tree in wanted
            for blob in (
                [tree] if kind == "blob" else [b for _n, _m, b in self._yaml_entries(tree)]
            )
        ]
        self._read_blobs(list(dict.fromkeys(blobs)))
        self.save_cache()

    def _yaml_entries(self, tree: str) -> list[tuple[str, str, str]]:
        return [
            (name, mode, blob)
            for name, mode, blob in self._entries_of.get(tree, [])
            if mode in ("100644", "100755") and name.endswith(files.YAML_SUFFIXES)
        ]

    def _read_blobs(self, blobs: list[str]) -> None:
        """Sizes of the blobs, then the content of those under the limit that no cache holds,
        parsed once."""
        unknown = [b for b in blobs if b not in self._sizes]
        for blob, header in zip(unknown, self._headers(unknown), strict=True):
            self._sizes[blob] = header[2] if header else -1
        # the cache pays off for a long history; a few blobs are parsed faster than it loads
        disk = self._cache() if len(blobs) >= CACHE_FROM else {}
        todo = []
        for blob in blobs:
            if blob in self._files or blob in self._broken:
                continue
            if blob in disk:
                self._files[blob] = disk[blob]
            elif 0 <= self._sizes[blob] <= self.max_bytes:
                todo.append(blob)
        for blob, raw in self._contents(todo):
            document = loader.load_files(blob, [(blob, raw)], max_bytes=self.max_bytes)
            if document.broken_files:
                self._broken.add(blob)
                continue
            self._files[blob] = plain(document.data)
            if len(blobs) >= CACHE_FROM:
                disk[blob] = self._files[blob]
                self._disk_dirty = True

    def _cache_path(self) -> Path:
        from policy_rulebook import __version__

        return Path(self.repo.git_dir) / "rulebook" / f"blobs-{__version__}.json"

    def _cache(self) -> dict[str, Any]:
        if self._disk is None:
            self._disk = {}
            try:
                loaded = json.loads(self._cache_path().read_text(encoding="utf-8"))
            except (OSError, ValueError):
                loaded = None
            if isinstance(loaded, dict):
                self._disk = {k: v for k, v in loaded.items() if isinstance(v, dict)}
        return self._disk

    def save_cache(self) -> None:
        """Keep the blobs parsed in this run for the next (written once per batch)."""
        if not self._disk_dirty or self._disk is None:
            return
        self._disk_dirty = False
        text = json.dumps(self._disk, ensure_ascii=False, separators=(",", ":"))
        if len(text) > CACHE_LIMIT:
            return
        from policy_rulebook.core import atomic

        try:
            self._cache_path().parent.mkdir(exist_ok=True)
            atomic.write_text(self._cache_path(), text)
        except OSError:
            pass  # a cache that cannot be written is only slower

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
            raise InputError(
                _("{path}: does not exist at revision {rev}").format(path=self.relpath, rev=rev)
            )
        kind, object_id = found
        if object_id in self._data:
            return self._data[object_id]
        if kind == "blob" or object_id not in self._entries_of:
            self.prefetch([sha])
        if kind == "tree":
            blobs = [(name, blob) for name, _mode, blob in self._yaml_entries(object_id)]
            if not blobs:
                raise InputError(
                    _("{path}: no .yaml or .yml files at revision {rev}").format(
                        path=self.relpath, rev=rev
                    )
                )
            blobs.sort()
        else:
            blobs = [(self.relpath.name, object_id)]
        data: dict[str, Any] = {}
        for name, blob in blobs:
            for section, content in self._file_data(name, blob, rev).items():
                data.setdefault(section, content)  # the first definition counts, as in lint
        self._data[object_id] = data
        return data

    def _file_data(self, name: str, blob: str, rev: str) -> dict[str, Any]:
        path = str(self.relpath / name) if str(self.relpath) != name else name
        if blob not in self._files and blob not in self._broken:
            self._read_blobs([blob])
        if self._sizes.get(blob, 0) > self.max_bytes:  # refused by its size, never read
            raise InputError(
                _(
                    "{path} at revision {rev} is {size} bytes, more than the "
                    "limit of {limit} (--max-file-size)"
                ).format(path=path, rev=rev, size=self._sizes[blob], limit=self.max_bytes)
            )
        if blob not in self._files:
            _refuse_broken([path], _("revision {rev}").format(rev=rev))
        return self._files[blob]


def _entries(raw: bytes, width: int) -> Iterator[tuple[str, str, str]]:
    """(name, mode, id) of a raw tree object's entries."""
    position = 0
    while position < len(raw):
        space = raw.index(b" ", position)
        nul = raw.index(b"\0", space)
        mode = raw[position:space].decode("ascii").rjust(6, "0")
        name = raw[space + 1 : nul].decode("utf-8", errors="replace")
        yield name, mode, raw[nul + 1 : nul + 1 + width].hex()
        position = nul + 1 + width


def _trailers(text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            pairs.append((key.strip(), value.strip()))
    return tuple(pairs)


def _refuse_broken(broken: list[str], where: str) -> None:
    if broken:
        raise InputError(
            _(
                "the rulebook does not parse at {where}: {file} is not valid YAML "
                "(run `rulebook lint` on it for the line)"
            ).format(where=where, file=broken[0])
        )
