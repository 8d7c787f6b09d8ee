"""A commit dated after the year 9999 gives no exit 3 (Python's dates end there)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.gitrepo import AUTHORS, commit, copy_bundled, git, init, set_version
from tests.helpers import run_process


@pytest.mark.parametrize(
    "args", [["history"], ["changelog", "--audience", "legal"], ["diff", "--from", "HEAD~1"]]
)
def test_far_future_commit(args: list[str], tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    commit(repo, "Policy", AUTHORS["ann"], "2027-01-10")
    set_version(policy, "9.0.0", "2027-02-01")
    stamp = "@253402300800 +0000"  # 10000-01-01
    env = {
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_AUTHOR_NAME": "Future",
        "GIT_AUTHOR_EMAIL": "f@example.org",
        "GIT_COMMITTER_NAME": "Future",
        "GIT_COMMITTER_EMAIL": "f@example.org",
    }
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "from the future", env={**os.environ, **env})
    result = run_process(*args, cwd=repo)
    assert result.code in (0, 2), result.err
    assert "Traceback" not in result.err and "internal error" not in result.err
