"""The bundled policy's own history: `rulebook changelog` on this repository tells real news.

Versions are found by walking the history (no fixed hashes): the repository is merged, rebased
and cloned, and later versions of the policy will follow. The tests assert on what the policy's
versions say (versions, changes, their kinds and sections), never on who committed them or when:
provenance (authors, dates) is tested on temporary repositories with fixed authors and dates
(tests/gitrepo.py, test_changelog_cli.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import REPO, run_process


def _full_history() -> bool:
    git_dir = REPO / ".git"
    if git_dir.is_file():  # a worktree: .git names the real git directory
        text = git_dir.read_text(encoding="utf-8").strip()
        git_dir = Path(text.removeprefix("gitdir: ")).resolve().parent.parent
    return git_dir.is_dir() and not (git_dir / "shallow").exists()


pytestmark = pytest.mark.skipif(
    not _full_history(), reason="needs this repository's full git history"
)


def test_version_2_1_0_is_announced_with_its_changes() -> None:
    result = run_process("changelog", "--audience", "legal", "--format", "json", cwd=REPO)
    assert result.code == 0, result.err
    entries = {entry["to"]["version"]: entry for entry in json.loads(result.out)}
    entry = entries["2.1.0"]
    assert entry["from"]["version"] == "2.0.0"
    by_id = {change["id"]: change for change in entry["changes"] if change["id"]}
    assert by_id["portrait-rights"]["section"] == "legal"
    assert by_id["tag-colleagues-without-asking"]["kind"] == "added"
    assert by_id["use-disclaimer"]["kind"] == "removed"
    assert by_id["festival-storm-warning"]["section"] == "reactions"


def test_staff_announcement_in_dutch_and_english() -> None:
    dutch = run_process("changelog", cwd=REPO).out
    english = run_process("changelog", "--lang", "en", cwd=REPO).out
    assert "versie 2.1.0 — van kracht op 1 maart 2027" in dutch
    assert "**Nieuw:** Tag collega's niet in berichten" in dutch
    assert "version 2.1.0 — in effect from 1 March 2027" in english
    assert "**Removed:** Put the disclaimer in your profile" in english
