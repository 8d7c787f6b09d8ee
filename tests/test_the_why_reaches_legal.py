"""The why reaches legal: the commit body (a squash merge's pull-request text) is shown with the
subject in the legal redline and carried in the JSON touches, without its trailers (issue 21)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.gitrepo import AUTHORS, commit, copy_bundled, git, init, replace, set_version
from tests.helpers import run_process

WHY = "The data protection officer asked for it: a photo is personal data."


def _squashed(tmp_path: Path) -> Path:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    set_version(policy, "1.0.0", "2027-01-15")
    commit(repo, "Policy 1.0.0", AUTHORS["ann"], "2027-01-10")
    git(repo, "checkout", "-q", "-b", "consent")
    replace(
        policy / "legal.yaml",
        "heb je schriftelijke toestemming nodig",
        "heb je uitdrukkelijke, schriftelijke toestemming nodig",
    )
    set_version(policy, "1.1.0", "2027-03-01")
    commit(repo, "wip", AUTHORS["lea"], "2027-02-01")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--squash", "consent")
    commit(
        repo,
        f"Explicit consent for images (#12)\n\n{WHY}\nReviewed in the board.\n\n"
        "Policy-Change: material",
        AUTHORS["lea"],
        "2027-02-02",
    )
    return repo


def test_the_body_is_in_the_redline_and_the_json(tmp_path: Path) -> None:
    repo = _squashed(tmp_path)
    for fmt in ("markdown", "html"):
        result = run_process(
            "changelog", "--audience", "legal", "--format", fmt, "--lang", "en", cwd=repo
        )
        assert result.code == 0, result.err
        assert "Explicit consent for images (" in result.out
        assert f"#12) — {WHY} Reviewed in the board." in result.out
        assert "Policy-Change: material" not in result.out
    data = json.loads(
        run_process("changelog", "--audience", "legal", "--format", "json", cwd=repo).out
    )
    [touch] = {t["commit"]: t for c in data[0]["changes"] for t in c["touches"]}.values()
    assert touch["body"] == f"{WHY}\nReviewed in the board."
    assert touch["marking"] == "material"
