"""The one way rulebook calls git: every git process goes through ``Git.run``.

Git runs with a fixed, minimal configuration for what rulebook parses, so no user, system or
repository setting can shift a field: no signatures in ``git log`` (``log.showSignature``), UTF-8
log output, no colour, no pager, no textconv or external diff drivers, no replace objects, no
optional locks. Nothing is ever fetched: a partial clone (a promisor remote) is refused before
git could fetch a missing blob from the network, and ``GIT_NO_LAZY_FETCH`` says the same to a
git that knows it (2.44 and later). Git's own errors are read in English (``LC_ALL=C``) so that
dubious ownership (``safe.directory``) is recognised and explained.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Sequence
from pathlib import Path

from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import N_, _

#: ``-c`` settings on every call: each one is a user setting that would change what we parse.
CONFIG = (
    "log.showSignature=false",
    "i18n.logOutputEncoding=UTF-8",
    "core.quotePath=false",
    "color.ui=false",
    "diff.noprefix=false",
    "diff.mnemonicPrefix=false",
    "diff.external=",
    "core.pager=cat",
    "core.fsmonitor=false",
)
ENV = {
    "LC_ALL": "C",
    "LANGUAGE": "",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_NO_LAZY_FETCH": "1",
    "GIT_NO_REPLACE_OBJECTS": "1",
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_PAGER": "cat",
}
#: What to do about a clone without the whole history (in two places' words).
SHALLOW_HINT = N_(
    "fetch the full history (git fetch --unshallow; in GitHub Actions "
    "`fetch-depth: 0` on actions/checkout)"
)


class GitError(InputError):
    """Git refused a command; ``stderr`` is what it said."""

    def __init__(self, message: str, stderr: str = "") -> None:
        super().__init__(message)
        self.stderr = stderr


def run(cwd: Path, args: Sequence[str], stdin: bytes | None = None) -> bytes:
    """Git's standard output for ``args`` in ``cwd``; ``GitError`` with its words on failure."""
    try:
        done = subprocess.run(
            ["git", *(part for item in CONFIG for part in ("-c", item)), *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            env={**os.environ, **ENV},
        )
    except OSError as error:  # no git at all, or cwd vanished
        raise InputError(_("cannot run git: {error}").format(error=error.strerror)) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip()
        lines = said.splitlines() or [str(done.returncode)]
        first = next((line for line in lines if line.startswith(("fatal:", "error:"))), lines[-1])
        message = _dubious(said) or _("git {command} failed: {error}").format(
            command=args[0] if args else "", error=first[:300]
        )
        raise GitError(message, said)
    return done.stdout


def _dubious(said: str) -> str | None:
    """Git's refusal of a repository someone else owns, in git's words, with the fix."""
    if "dubious ownership" not in said:
        return None
    line = next(line for line in said.splitlines() if "dubious ownership" in line)
    where = line.split(" at ", 1)[1].strip().strip("'") if " at " in line else "."
    return _(
        "git says: {said}; if you trust this repository, run: "
        "git config --global --add safe.directory {where}"
    ).format(said=line.removeprefix("fatal: ").strip(), where=shlex.quote(where))


class Repository:
    """Where the repository is, found from a path inside it, and whether git can read it
    without the network."""

    def __init__(self, path: Path) -> None:
        start = path if path.is_dir() else path.parent
        try:
            out = (
                run(
                    start,
                    [
                        "rev-parse",
                        "--is-bare-repository",
                        "--absolute-git-dir",
                        "--git-common-dir",
                        "--show-toplevel",
                    ],
                )
                if start.is_dir()
                else b""
            )
        except GitError as error:
            if "dubious ownership" in error.stderr:
                raise
            out = b"true\n" if "work tree" in error.stderr else b""  # a bare repository
        if not out:
            raise InputError(
                _(
                    "{path}: not in a git repository (the changelog reads the "
                    "policy's versions from git history)"
                ).format(path=path)
            ) from None
        lines = out.decode("utf-8", "surrogateescape").splitlines()
        if lines[:1] == ["true"] or len(lines) < 4:
            raise InputError(
                _("{path}: a bare repository has no working tree to read").format(path=path)
            )
        self.git_dir = Path(lines[1])
        self.common_dir = (start / lines[2]).resolve()  # shared by worktrees: the shallow list
        self.root = Path(lines[3]).resolve()
        self._refuse_partial(path)

    def run(self, *args: str, stdin: bytes | None = None) -> bytes:
        return run(self.root, args, stdin)

    def text(self, *args: str) -> str:
        return self.run(*args).decode("utf-8", "replace")

    def earlier_name(self, path: str, *diff: str) -> str | None:
        """The name that ``path`` (a folder or file) had before a rename that ``git diff`` with
        the arguments ``diff`` shows (a folder: every file moved, some changed on the way)."""
        out = self.run(*diff, "-M", "--name-status", "-z", "--")
        fields = out.decode("utf-8", "surrogateescape").split("\0")
        index = 0
        while index < len(fields):
            status = fields[index]
            if status.startswith(("R", "C")) and index + 2 < len(fields):
                old, new = fields[index + 1], fields[index + 2]
                index += 3
                if new == path:
                    return old
                if new.startswith(path + "/") and old.endswith(new[len(path) :]):
                    return old[: len(old) - len(new) + len(path)]
            else:
                index += 2
        return None

    def _refuse_partial(self, path: Path) -> None:
        """A partial clone fetches missing blobs on demand: refuse it rather than go online."""
        try:
            out = self.text(
                "config", "--get-regexp", r"^(extensions\.partialclone|remote\..*\.promisor)$"
            )
        except GitError:
            return  # no such setting: a complete clone
        promisor = any(
            line.split(" ", 1)[-1].strip().lower() not in ("false", "0", "no", "off", "")
            for line in out.splitlines()
        )
        if promisor:
            raise InputError(
                _(
                    "{path}: this is a partial clone (git clone --filter), which would fetch "
                    "the policy's old files from the network; make a full clone (in GitHub "
                    "Actions `filter: ''` on actions/checkout, or leave `filter` out)"
                ).format(path=path)
            )

    def shallow_edges(self) -> frozenset[str]:
        """The commits where this clone's history is cut: the shallow boundary, less the
        commits that have no parents anyway (a ``--depth 2`` clone of two commits is whole)."""
        listed = self.common_dir / "shallow"
        try:
            edges = listed.read_text(encoding="ascii").split()
        except (OSError, ValueError):
            return frozenset()
        if not edges:
            return frozenset()
        out = self.run("cat-file", "--batch", stdin=("\n".join(edges) + "\n").encode())
        cut = set()
        position = 0
        for sha in edges:
            end = out.index(b"\n", position)
            header = out[position:end].split()
            position = end + 1
            if len(header) != 3 or not header[2].isdigit():
                cut.add(sha)  # missing: be careful, call it cut
                continue
            size = int(header[2])
            body = out[position : position + size]
            position += size + 1
            head = body.split(b"\n\n", 1)[0]
            # the object as written keeps its parents even where the clone grafted them away
            if any(line.startswith(b"parent ") for line in head.split(b"\n")):
                cut.add(sha)
        return frozenset(cut)
