"""A history where the policy's path was once a submodule: no exit 3."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.gitrepo import AUTHORS, commit, copy_bundled, git, init, set_version
from tests.helpers import run_process


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, str]:
    repo = init(tmp_path / "repo")
    (repo / "README.md").write_text("x\n", encoding="utf-8")
    first = commit(repo, "start", AUTHORS["ann"], "2027-01-01")
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{first},rulebook")
    who = {
        "GIT_AUTHOR_NAME": "Ann",
        "GIT_AUTHOR_EMAIL": "ann@example.org",
        "GIT_COMMITTER_NAME": "Ann",
        "GIT_COMMITTER_EMAIL": "ann@example.org",
    }
    git(repo, "commit", "-q", "-m", "policy as a submodule", env=who)
    submodule = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "rm", "-q", "--cached", "rulebook")
    shutil.rmtree(repo / "rulebook", ignore_errors=True)
    policy = copy_bundled(repo)
    set_version(policy, "2.0.0", "2027-01-15")
    commit(repo, "Policy 2.0.0", AUTHORS["ann"], "2027-01-10")
    return repo, submodule


@pytest.mark.parametrize(
    "args", [["history"], ["changelog"], ["lint", "--base", "HEAD~1", "rulebook"]]
)
def test_history_with_a_submodule(args: list[str], repo: tuple[Path, str]) -> None:
    result = run_process(*args, cwd=repo[0])
    assert result.code in (0, 1), result.err


def test_diff_from_the_submodule_commit(repo: tuple[Path, str]) -> None:
    result = run_process("diff", "--from", repo[1], cwd=repo[0])
    assert result.code == 2 and "does not exist at revision" in result.err, result.err
