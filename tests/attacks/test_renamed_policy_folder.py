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
