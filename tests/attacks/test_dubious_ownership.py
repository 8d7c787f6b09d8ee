"""A repository git refuses for dubious ownership (``safe.directory``; a container over a
mounted workspace) is reported in git's words with the fix, not as an unknown revision
(issue 24, item 16)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.gitrepo import AUTHORS, commit, copy_bundled, init
from tests.helpers import run_process


@pytest.mark.skipif(os.geteuid() != 0, reason="giving the repository away needs root")
def test_someone_elses_repository_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)  # no safe.directory of this machine
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("SUDO_UID", raising=False)
    repo = init(tmp_path / "repo")
    copy_bundled(repo)
    commit(repo, "Policy", AUTHORS["ann"], "2027-01-10")
    for folder, _dirs, names in os.walk(repo):
        for name in [folder, *(os.path.join(folder, n) for n in names)]:
            os.lchown(name, 12345, 12345)
    for args in (
        ("history", "rulebook"),
        ("changelog", "rulebook"),
        ("diff", "--from", "HEAD", "rulebook"),
        ("lint", "--base", "HEAD", "rulebook"),
    ):
        result = run_process(*args, cwd=repo)
        assert result.code == 2, (args, result.err)
        [line] = result.err.splitlines()
        assert "detected dubious ownership in repository at" in line, args
        assert f"git config --global --add safe.directory {repo}" in line
        assert "unknown revision" not in line
