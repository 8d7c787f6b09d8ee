"""Versions of a rulebook from git history: blobs read with GitPython, never a checkout.

A *version* starts at a commit where ``meta.version`` changed and its content is the state at the
last commit that still carries that version (just before the next bump, or at the tip): edits made
after a bump without a new bump belong to that version. Loaded states are cached by blob id, so a
file that did not change between commits is parsed once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from policy_rulebook.changelog.diff import plain
from policy_rulebook.core import loader
from policy_rulebook.core.findings import InputError

SHALLOW_HINT = ("fetch the full history (git fetch --unshallow; in GitHub Actions "
                "`fetch-depth: 0` on actions/checkout)")


@dataclass(frozen=True)
class Commit:
    """The facts of a commit that people read."""

    sha: str
    author: str
    email: str
    date: str  # YYYY-MM-DD, in the author's time zone
    summary: str

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(frozen=True)
class State:
    """The rulebook as plain data at a commit (``commit`` is None for the working tree)."""

    commit: Commit | None
    data: dict[str, Any]

    @property
    def version(self) -> str | None:
        meta = self.data.get("meta")
        value = meta.get("version") if isinstance(meta, dict) else None
        return str(value) if value is not None else None

    def meta(self, key: str) -> Any:
        meta = self.data.get("meta")
        return meta.get(key) if isinstance(meta, dict) else None


@dataclass(frozen=True)
class Version:
    """A version: the commit that introduced it and its content at its last commit."""

    version: str
    bumped: Commit
    state: State
    states: tuple[State, ...] = field(default=(), repr=False)  # every commit of the version


class History:
    """The git history of the rulebook at ``path`` (a directory or one YAML file)."""

    def __init__(self, path: Path) -> None:
        import git

        self.path = path
        try:
            self.repo = git.Repo(path if path.is_dir() else path.parent,
                                 search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise InputError(f"{path}: not in a git repository (the changelog reads the "
                             "policy's versions from git history)") from None
        if self.repo.working_tree_dir is None:
            raise InputError(f"{path}: a bare repository has no working tree to read")
        root = Path(self.repo.working_tree_dir).resolve()
        try:
            self.relpath = PurePosixPath(path.resolve().relative_to(root).as_posix())
        except ValueError:
            raise InputError(f"{path}: not inside the git repository at {root}") from None
        self.shallow = (Path(self.repo.git_dir) / "shallow").is_file()
        self._files: dict[str, dict[str, Any]] = {}
        self._trees: dict[str, dict[str, Any]] = {}
        self._commits: dict[str, Commit] = {}

    # -- revisions ---------------------------------------------------------------------------

    def resolve(self, rev: str) -> Any:
        """The git commit object a revision names; one clear error when it cannot."""
        from git.exc import BadName, BadObject

        if rev.startswith("-"):
            raise InputError(f"{rev!r} is not a revision: a revision cannot start with '-'")
        if not rev.strip() or any(c in rev for c in "\0\n"):
            raise InputError(f"{rev!r} is not a revision")
        try:
            return self.repo.commit(rev)
        except (BadName, BadObject, ValueError, IndexError):
            kind = self._kind_of(rev)
            if kind is not None:
                raise InputError(f"{rev!r} names a {kind}, not a commit") from None
            if self.shallow:
                raise InputError(f"unknown revision {rev!r}: this is a shallow clone that may "
                                 f"lack it; {SHALLOW_HINT}") from None
            raise InputError(f"unknown revision {rev!r} in {self.repo.working_tree_dir}") from None

    def _kind_of(self, rev: str) -> str | None:
        """What a revision names when it is not a commit (a tree, a blob), if anything."""
        try:
            return str(self.repo.rev_parse(rev).type)
        except Exception:  # GitPython raises several kinds for a name it cannot resolve
            return None

    def commit_info(self, commit: Any) -> Commit:
        sha = str(commit.hexsha)
        if sha not in self._commits:
            self._commits[sha] = Commit(
                sha=sha, author=str(commit.author.name), email=str(commit.author.email),
                date=commit.authored_datetime.date().isoformat(),
                summary=str(commit.summary))
        return self._commits[sha]

    def commits(self, tip: Any, since: Any | None = None) -> list[Any]:
        """Commits that touched the rulebook, oldest first, up to ``tip`` and after ``since``."""
        rev = f"{since.hexsha}..{tip.hexsha}" if since is not None else tip.hexsha
        found = list(self.repo.iter_commits(rev, paths=str(self.relpath), topo_order=True))
        found.reverse()
        if self.shallow and found and self._at_shallow_edge(found[0]) and since is None:
            raise InputError(f"{self.path}: this is a shallow clone and the history of the "
                             f"policy before {found[0].hexsha[:7]} is missing; {SHALLOW_HINT}")
        return found

    def _at_shallow_edge(self, commit: Any) -> bool:
        edges = (Path(self.repo.git_dir) / "shallow").read_text(encoding="ascii").split()
        return str(commit.hexsha) in edges

    # -- states ------------------------------------------------------------------------------

    def state(self, commit: Any, rev: str | None = None) -> State:
        """The rulebook at a commit; an error naming the revision and the file if it is broken."""
        return State(self.commit_info(commit), self._data_at(commit, rev or commit.hexsha[:7]))

    def exists_at(self, commit: Any) -> bool:
        """Whether the rulebook's path exists at a commit (a pull request may add it)."""
        if str(self.relpath) == ".":
            return True
        try:
            commit.tree / str(self.relpath)
        except KeyError:
            return False
        return True

    def try_state(self, commit: Any) -> State | None:
        """The rulebook at a commit, or None where it is missing or does not parse."""
        try:
            return self.state(commit)
        except InputError:
            return None

    def working_tree(self) -> State:
        document = loader.load(self.path)
        _refuse_broken(document.broken_files, "the working tree")
        return State(None, plain(document.data))

    def _data_at(self, commit: Any, rev: str) -> dict[str, Any]:
        import git

        try:
            obj = commit.tree / str(self.relpath) if str(self.relpath) != "." else commit.tree
        except KeyError:
            raise InputError(f"{self.relpath}: does not exist at revision {rev}") from None
        if obj.hexsha in self._trees:
            return self._trees[obj.hexsha]
        if isinstance(obj, git.Tree):
            blobs = sorted((b for b in obj.blobs if b.name.endswith(loader.YAML_SUFFIXES)),
                           key=lambda b: b.name)
            if not blobs:
                raise InputError(f"{self.relpath}: no .yaml or .yml files at revision {rev}")
        else:
            blobs = [obj]
        data: dict[str, Any] = {}
        for blob in blobs:
            for section, content in self._file_data(blob, rev).items():
                data.setdefault(section, content)  # the first definition counts, as in lint
        self._trees[obj.hexsha] = data
        return data

    def _file_data(self, blob: Any, rev: str) -> dict[str, Any]:
        key = f"{blob.path}@{blob.hexsha}"
        if key not in self._files:
            raw = blob.data_stream.read()
            document = loader.load_files(str(blob.path), [(str(blob.path), raw)])
            _refuse_broken(document.broken_files, f"revision {rev}")
            self._files[key] = plain(document.data)
        return self._files[key]

    # -- versions ----------------------------------------------------------------------------

    def versions(self, tip: Any) -> list[Version]:
        """Every version up to ``tip``, oldest first (states that do not parse are skipped)."""
        result: list[Version] = []
        current: list[State] = []
        for commit in self.commits(tip):
            state = self.try_state(commit)
            if state is None or state.version is None:
                continue
            if current and current[-1].version != state.version:
                result.append(_version(current))
                current = []
            current.append(state)
        if current:
            result.append(_version(current))
        return result

    def states_between(self, since: Any | None, tip: Any) -> Iterator[State]:
        """The parseable states of the commits after ``since`` up to ``tip``, oldest first."""
        for commit in self.commits(tip, since):
            state = self.try_state(commit)
            if state is not None:
                yield state


def _version(states: list[State]) -> Version:
    first = states[0].commit
    assert first is not None and states[0].version is not None
    return Version(states[0].version, first, states[-1], tuple(states))


def _refuse_broken(broken: list[str], where: str) -> None:
    if broken:
        raise InputError(f"the rulebook does not parse at {where}: {broken[0]} is not valid "
                         "YAML (run `rulebook lint` on it for the line)")
