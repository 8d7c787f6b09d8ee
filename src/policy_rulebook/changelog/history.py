"""The rulebook's git history: one ``git log`` for the commit graph of the policy's path (the
folder's earlier names included, when it was renamed), the policy's trees and files at many
commits in a few batched reads (``changelog.blobs``), never a checkout. Every git call goes
through ``changelog.gitrun``. What a revision names is ``changelog.revisions``; why a state
cannot be compared (a file that does not parse) is ``changelog.unreadable``.

Loaded states are cached by tree id, so a folder that did not change between commits is merged
once. How commits become versions is ``changelog.releases`` (the release model).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from policy_rulebook.changelog import revisions
from policy_rulebook.changelog.blobs import Blobs, entries, yaml_entries
from policy_rulebook.changelog.gitrun import Repository
from policy_rulebook.changelog.records import LOG_FORMAT, Commit, State, parse_log
from policy_rulebook.changelog.unreadable import refuse_broken, refuse_shapeless
from policy_rulebook.core import files, loader
from policy_rulebook.core.changes import plain
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import _

_ID_LINE = re.compile(r"""^\s*(?:-\s+)?id:\s*['"]?([^'"\s#]+)""")
#: How many renames of the policy's folder are followed back.
MAX_RENAMES = 8


class History:
    """The git history of the rulebook at ``path`` (a directory or one YAML file)."""

    def __init__(self, path: Path, max_bytes: int | None = None) -> None:
        self.path = path
        self.max_bytes = max_bytes or files.DEFAULT_MAX_BYTES
        self.repo = Repository(path)
        root = self.repo.root
        try:
            self.relpath = PurePosixPath(path.resolve().relative_to(root).as_posix())
        except ValueError:
            raise InputError(
                _("{path}: not inside the git repository at {root}").format(path=path, root=root)
            ) from None
        self.edges = self.repo.shallow_edges()
        self.shallow = bool(self.edges)
        self.blobs = Blobs(self.repo, self.max_bytes)
        self._paths: tuple[str, ...] | None = None
        self._graphs: dict[str, dict[str, Commit]] = {}
        self._trees: dict[str, tuple[str, str] | None] = {}
        self._data: dict[str, dict[str, Any]] = {}
        self._ancestors: dict[str, frozenset[str]] = {}
        self._entries_of: dict[str, list[tuple[str, str, str]]] = {}

    # -- revisions (``changelog.revisions``) -------------------------------------------------

    def resolve(self, rev: str) -> str:
        """The full id of the commit a revision names; one clear error when it cannot."""
        return revisions.resolve(self.repo, rev, self.shallow)

    def lookup(self, rev: str) -> str | None:
        """The full id of the commit a revision names, None when it names none; an error for
        what can never be a revision."""
        return revisions.lookup(self.repo, rev)

    # -- the commit graph of the policy's path -----------------------------------------------

    def paths(self) -> tuple[str, ...]:
        """The policy's path and, newest first, the names it had before its folder (or file)
        was renamed, followed back from HEAD as ``git log --follow`` does for one file."""
        if self._paths is None:
            self._paths = (str(self.relpath),)
            head = self.lookup("HEAD") if str(self.relpath) != "." else None
            if head is not None:
                found = [str(self.relpath)]
                graph = self._log(head, found)
                for _step in range(MAX_RENAMES):
                    old = self._renamed_before(graph, found[-1])
                    if old is None or old in found:
                        break
                    found.append(old)
                    graph = self._log(head, found)
                self._paths = tuple(found)
                self._graphs[head] = graph
        return self._paths

    def _renamed_before(self, graph: dict[str, Commit], path: str) -> str | None:
        """The earlier name of ``path`` where the oldest commits of the graph renamed it."""
        for root in [c for c in graph.values() if not c.parents]:
            found = self.repo.earlier_name(path, "diff-tree", "-r", "--no-commit-id", root.sha)
            if found is not None:
                return found
        return None

    def _log(self, tip: str, paths: Iterable[str]) -> dict[str, Commit]:
        raw = self.repo.run(
            "log",
            "--full-history",
            "--parents",
            "--topo-order",
            "-z",
            "--date=short",
            "--no-show-signature",
            f"--format={LOG_FORMAT}",
            "--end-of-options",
            tip,
            "--",
            *paths,
        )
        return parse_log(raw)

    def graph(self, tip: str) -> dict[str, Commit]:
        """Every commit up to ``tip`` that touched the policy (and the merges between them), by
        id, with its parents rewritten to the nearest such commit: one ``git log``."""
        paths = self.paths()
        if tip not in self._graphs:
            self._graphs[tip] = self._log(tip, paths)
        return self._graphs[tip]

    def commit(self, sha: str, tip: str | None = None) -> Commit:
        """The facts of one commit (from the graph when it is in it)."""
        found = self.graph(tip).get(sha) if tip is not None else None
        for graph in self._graphs.values():
            found = found or graph.get(sha)
        if found is not None:
            return found
        raw = self.repo.run(
            "log",
            "-1",
            "-z",
            "--date=short",
            "--no-show-signature",
            f"--format={LOG_FORMAT}",
            "--end-of-options",
            sha,
        )
        read = list(parse_log(raw).values())
        if not read:
            raise InputError(
                _("unknown revision {rev!r} in {where}").format(rev=sha, where=self.repo.root)
            )
        return read[0]

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
        out = self.repo.text(
            "log",
            "--first-parent",
            "-1",
            "--format=%H",
            "--end-of-options",
            tip,
            "--",
            *self.paths(),
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
            out = self.repo.text(
                "rev-list", "--full-history", "--end-of-options", rev, "--", *self.paths()
            )
            self._ancestors[rev] = frozenset(out.split())
        return self._ancestors[rev]

    def removed_ids(self, rev: str) -> list[tuple[str, str]]:
        """(id, commit) of every ``id:`` line that a first-parent commit up to ``rev`` removed,
        newest first: one ``git log -p``, no YAML read (the candidates for retired ids). The
        patch is git's own, as stored: ``.gitattributes`` (``-diff``, ``binary``, a textconv
        driver) cannot hide a line from it."""
        out = self.repo.run(
            "log",
            "--first-parent",
            "-p",
            "-U0",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "--text",
            "--no-renames",
            "--format=%x00%H",
            "--end-of-options",
            rev,
            "--",
            *self.paths(),
        )
        found: list[tuple[str, str]] = []
        commit = ""
        for line in out.decode("utf-8", errors="replace").splitlines():
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

    def prefetch(self, shas: Iterable[str], content: bool = True) -> None:
        """Read the policy's trees (and with ``content`` its YAML files) at many commits in a
        few batched git calls; what is cached already is not read again."""
        shas = list(shas)
        todo = [sha for sha in dict.fromkeys(shas) if sha not in self._trees]
        if todo:
            paths = self.paths()
            names = [
                f"{sha}:{here}" if here != "." else f"{sha}^{{tree}}"
                for sha in todo
                for here in paths
            ]
            headers = self.blobs.headers(names)
            for number, sha in enumerate(todo):
                found = None
                for header in headers[number * len(paths) : (number + 1) * len(paths)]:
                    if header is not None and header[1] in ("tree", "blob"):
                        found = (header[1], header[0])
                        break  # the newest name that exists at the commit
                self._trees[sha] = found
        if not content:
            return
        wanted = {found for sha in shas if (found := self._trees.get(sha)) is not None}
        trees = [
            tree
            for kind, tree in wanted
            if kind == "tree" and tree not in self._data and tree not in self._entries_of
        ]
        for tree, raw in self.blobs.contents(trees):
            self._entries_of[tree] = list(entries(raw, len(tree) // 2))
        blobs = [
            blob
            for kind, tree in wanted
            for blob in (
                [tree]
                if kind == "blob"
                else [b for _n, _m, b in yaml_entries(self._entries_of.get(tree, []))]
            )
        ]
        self.blobs.read(list(dict.fromkeys(blobs)))
        self.blobs.save()

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
        if document.broken_files:
            name = document.broken_files[0]
            first = next((p for p in document.problems if p.file == name), None)
            refuse_broken(name, first, _("the working tree"))
        for section in document.sections.values():
            refuse_shapeless(section.name, section.node, section.file, _("the working tree"))
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
            blobs = [
                (name, blob) for name, _mode, blob in yaml_entries(self._entries_of[object_id])
            ]
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
        store = self.blobs
        if blob not in store.parsed and blob not in store.broken:
            store.read([blob])
        if store.sizes.get(blob, 0) > self.max_bytes:  # refused by its size, never read
            raise InputError(
                _(
                    "{path} at revision {rev} is {size} bytes, more than the "
                    "limit of {limit} (--max-file-size)"
                ).format(path=path, rev=rev, size=store.sizes[blob], limit=self.max_bytes)
            )
        where = _("revision {rev}").format(rev=rev)
        if blob not in store.parsed:
            refuse_broken(path, store.broken.get(blob), where)
        sections: dict[str, Any] = store.parsed[blob]
        for section, content in sections.items():
            refuse_shapeless(section, content, path, where)
        return sections
