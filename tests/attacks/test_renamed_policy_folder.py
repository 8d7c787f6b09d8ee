"""Renaming the policy folder must not cut history and silently skip RB901-RB903."""

from __future__ import annotations

import json
from pathlib import Path

from tests.gitrepo import AUTHORS, commit, copy_bundled, git, init, replace, set_version
from tests.helpers import run_process


def test_lint_base_follows_a_renamed_policy_folder(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo, "policy")
    set_version(policy, "2.0.0", "2027-01-15")
    base = commit(repo, "Policy 2.0.0", AUTHORS["ann"], "2027-01-10")
    git(repo, "mv", "policy", "rulebook")
    commit(repo, "Rename the policy folder", AUTHORS["ann"], "2027-01-11")
    replace(repo / "rulebook" / "conduct.yaml", "Geef fouten toe", "Geef je fouten toe")
    result = run_process(
        "lint", "--format", "json", "--today", "2027-06-01", "--base", base, "rulebook", cwd=repo
    )
    codes = [f["code"] for f in json.loads(result.out)["findings"]]
    assert codes == ["RB901"], result.err


def _renamed(tmp_path: Path) -> tuple[Path, str]:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo, "rulebook")
    set_version(policy, "1.0.0", "2027-01-15")
    before = commit(repo, "Policy 1.0.0", AUTHORS["ann"], "2027-01-10")
    set_version(policy, "1.1.0", "2027-02-15")
    replace(policy / "conduct.yaml", "Geef fouten toe", "Geef je fouten toe")
    commit(repo, "Policy 1.1.0", AUTHORS["lea"], "2027-02-10")
    git(repo, "mv", "rulebook", "policy")
    commit(repo, "Rename the policy folder", AUTHORS["ann"], "2027-03-01")
    set_version(repo / "policy", "1.2.0", "2027-04-15")
    commit(repo, "Policy 1.2.0", AUTHORS["tom"], "2027-04-10")
    return repo, before


def test_history_follows_a_renamed_policy_folder(tmp_path: Path) -> None:
    repo, _before = _renamed(tmp_path)
    result = run_process("history", "policy", "--format", "json", cwd=repo)
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert [r["version"] for r in rows] == ["1.2.0", "1.1.0", "1.0.0"]
    assert rows[0]["changes"] == 2  # version and date: the rename itself changes nothing


def test_diff_follows_a_renamed_policy_folder(tmp_path: Path) -> None:
    repo, before = _renamed(tmp_path)
    result = run_process("diff", "policy", "--from", before, "--format", "json", cwd=repo)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["from"]["version"] == "1.0.0"
    assert [c["path"] for c in data["changes"]] == [
        "/meta/version",
        "/meta/effective_from",
        "/conduct/dos/6",
    ]
