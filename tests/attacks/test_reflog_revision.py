"""``--from 'HEAD@{yesterday}'``: a revision that depends on this clone's reflog: exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gitrepo import AUTHORS, commit, copy_bundled, init
from tests.helpers import run_process


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "--from", "HEAD@{yesterday}"],
        ["changelog", "--from", "HEAD@{1}"],
        ["lint", "--base", "main@{2027-01-01}", "rulebook"],
    ],
)
def test_reflog_revisions_give_one_line_and_exit_2(args: list[str], tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    copy_bundled(repo)
    commit(repo, "Policy", AUTHORS["ann"], "2027-01-10")
    result = run_process(*args, cwd=repo)
    assert result.code == 2 and result.err.count("\n") == 1, result.err
    assert "reflog" in result.err and "Traceback" not in result.err
