"""A ``--depth 2`` clone of a two-commit repository holds the whole history: it is not refused
as shallow (issue 24, item 19); a clone that does lack history still is."""

from __future__ import annotations

import json
from pathlib import Path

from tests.gitrepo import AUTHORS, commit, copy_bundled, git, init, set_version
from tests.helpers import run_process


def _two_commits(tmp_path: Path) -> Path:
    source = init(tmp_path / "source")
    policy = copy_bundled(source)
    set_version(policy, "1.0.0", "2027-01-15")
    commit(source, "Policy 1.0.0", AUTHORS["ann"], "2027-01-10")
    set_version(policy, "1.1.0", "2027-02-15")
    commit(source, "Policy 1.1.0", AUTHORS["lea"], "2027-02-10")
    return source


def test_a_deep_enough_shallow_clone_is_whole(tmp_path: Path) -> None:
    source = _two_commits(tmp_path)
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{source}", "clone")
    clone = tmp_path / "clone"
    assert (clone / ".git" / "shallow").is_file()  # git calls it shallow all the same
    result = run_process("history", "--format", "json", cwd=clone)
    assert result.code == 0, result.err
    assert [r["version"] for r in json.loads(result.out)] == ["1.1.0", "1.0.0"]
    legal = run_process("changelog", "--audience", "legal", "--lang", "en", cwd=clone)
    assert legal.code == 0, legal.err


def test_a_clone_that_lacks_history_is_still_refused(tmp_path: Path) -> None:
    source = _two_commits(tmp_path)
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{source}", "clone")
    result = run_process("history", cwd=tmp_path / "clone")
    assert result.code == 2 and "shallow clone" in result.err
