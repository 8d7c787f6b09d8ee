"""Drafts collect edits without a new number (docs/release-model.md): when the base already
carries the same draft version, RB901 asks for no further raise (issue 21)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.gitrepo import AUTHORS, commit, copy_bundled, init, replace, set_status, set_version
from tests.helpers import run_process


def _codes(repo: Path, base: str) -> list[str]:
    result = run_process(
        "lint", "--format", "json", "--today", "2027-06-01", "--base", base, "rulebook", cwd=repo
    )
    assert result.code in (0, 1), result.err
    return [f["code"] for f in json.loads(result.out)["findings"] if f["code"].startswith("RB9")]


def test_an_edit_to_a_merged_draft_needs_no_new_number(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    set_version(policy, "1.0.0", "2027-01-15")
    commit(repo, "Policy 1.0.0", AUTHORS["ann"], "2027-01-10")
    set_version(policy, "1.1.0", "2027-03-01")
    set_status(policy, "draft")
    replace(policy / "conduct.yaml", "Geef fouten toe", "Geef je fouten toe")
    draft = commit(repo, "Draft 1.1.0", AUTHORS["lea"], "2027-02-01")
    replace(
        policy / "legal.yaml",
        "heb je schriftelijke toestemming nodig",
        "heb je uitdrukkelijke, schriftelijke toestemming nodig",
    )
    assert _codes(repo, draft) == []  # the draft collects the edit
    set_status(policy, "adopted")
    assert _codes(repo, draft) == []  # and the step that adopts it


def test_an_edit_to_an_adopted_version_still_needs_a_raise(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    set_version(policy, "1.0.0", "2027-01-15")
    adopted = commit(repo, "Policy 1.0.0", AUTHORS["ann"], "2027-01-10")
    replace(policy / "conduct.yaml", "Geef fouten toe", "Geef je fouten toe")
    assert _codes(repo, adopted) == ["RB901"]
