"""A ``Policy-Change: editorial`` trailer may confirm or reject the guess for a wording change
only: it never turns a removed legal item into an editorial change (issue 24, item 6)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.gitrepo import AUTHORS, commit, copy_bundled, init, remove_item, set_version
from tests.helpers import run_process


def _removed_legal_item(tmp_path: Path) -> tuple[Path, str]:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    set_version(policy, "3.0.0", "2027-01-15")
    base = commit(repo, "Policy 3.0.0", AUTHORS["ann"], "2027-01-10")
    remove_item(policy / "legal.yaml", "defamation-and-insult")
    set_version(policy, "3.0.1", "2027-02-01")
    commit(
        repo,
        "Tidy up legal\n\nPolicy-Change: editorial",
        AUTHORS["tom"],
        "2027-01-20",
    )
    return repo, base


def test_a_trailer_does_not_make_a_removal_a_patch(tmp_path: Path) -> None:
    repo, base = _removed_legal_item(tmp_path)
    result = run_process(
        "lint", "--format", "json", "--today", "2027-06-01", "--base", base, "rulebook", cwd=repo
    )
    codes = [f["code"] for f in json.loads(result.out)["findings"]]
    assert "RB902" in codes, result.out  # a removal needs a minor release, whatever the trailer


def test_staff_and_legal_are_not_told_editorial(tmp_path: Path) -> None:
    repo, base = _removed_legal_item(tmp_path)
    staff = run_process("changelog", "--from", base, "--lang", "en", cwd=repo)
    assert staff.code == 0, staff.err
    assert "nothing changes for you" not in staff.out
    legal = run_process(
        "changelog", "--from", base, "--audience", "legal", "--lang", "en", cwd=repo
    )
    assert "Tom Claes marked this editorial (Policy-Change: editorial)" in legal.out
    data = json.loads(
        run_process(
            "changelog", "--from", base, "--audience", "legal", "--format", "json", cwd=repo
        ).out
    )
    [change] = [c for c in data[0]["changes"] if c["id"] == "defamation-and-insult"]
    assert change["kind"] == "removed" and change["editorial"] is False
    assert change["marking_ignored"] == "editorial" and change["marked_by"] == ["Tom Claes"]


def test_the_word_redline_says_who_marked_it_too(tmp_path: Path) -> None:
    # the lawyer's document: Markdown, text and HTML said it, the Word redline did not
    from docx import Document

    repo, base = _removed_legal_item(tmp_path)
    out = tmp_path / "redline.docx"
    done = run_process(
        "changelog",
        "--from",
        base,
        "--audience",
        "legal",
        "--format",
        "docx",
        "-o",
        str(out),
        "--lang",
        "en",
        cwd=repo,
    )
    assert done.code == 0, done.err
    leads = [
        p.text
        for p in Document(str(out)).paragraphs
        if p.style is not None and p.style.name == "List Bullet"
    ]
    [removed] = [lead for lead in leads if "removed" in lead]
    assert "Tom Claes marked this editorial (Policy-Change: editorial), but an addition" in removed
