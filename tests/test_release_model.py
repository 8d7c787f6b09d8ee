"""The release model on real git repositories: each version once, each change in the version
that adopted it, unreleased changes in none (docs/release-model.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.gitrepo import (
    AUTHORS,
    commit,
    copy_bundled,
    git,
    init,
    replace,
    set_status,
    set_version,
)
from tests.helpers import run


def _env(author: str, date: str) -> dict[str, str]:
    name, email = author[:-1].split(" <")
    stamp = f"{date}T10:00:00+01:00"
    return {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_COMMITTER_DATE": stamp,
    }


def merge(repo: Path, branch: str, author: str, date: str, squash: bool = False) -> str:
    if squash:
        git(repo, "merge", "-q", "--squash", branch, env=_env(author, date))
        return commit(repo, f"Pull request {branch} (squashed)", author, date)
    git(
        repo,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        f"Merge pull request {branch}",
        branch,
        env=_env(author, date),
    )
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    set_version(policy, "2.0.0", "2027-01-15")
    commit(repo, "Policy 2.0.0", AUTHORS["ann"], "2027-01-10")
    monkeypatch.chdir(repo)
    return repo


def history(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    result = run(capsys, "history", "--format", "json", *args)
    assert result.code == 0, result.err
    rows: list[dict[str, Any]] = json.loads(result.out)
    return rows


def changelog(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    result = run(capsys, "changelog", "--format", "json", *args)
    assert result.code == 0, result.err
    entries: list[dict[str, Any]] = json.loads(result.out)
    return entries


def ids(entry: dict[str, Any]) -> set[str]:
    return {c["id"] for c in entry["changes"] if c["id"]}


def edit_conduct(repo: Path) -> None:
    replace(
        repo / "rulebook" / "conduct.yaml",
        "Geef fouten toe en verbeter ze zichtbaar.",
        "Geef fouten meteen toe en verbeter ze zichtbaar.",
    )


def edit_legal(repo: Path) -> None:
    replace(
        repo / "rulebook" / "legal.yaml",
        "heb je schriftelijke toestemming nodig",
        "heb je uitdrukkelijke, schriftelijke toestemming nodig",
    )


def test_a_edit_then_bump_in_a_second_commit(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_conduct(repo)
    edit = commit(repo, "Admit mistakes at once", AUTHORS["tom"], "2027-02-01")
    set_version(repo / "rulebook", "2.0.1", "2027-03-01")
    commit(repo, "Policy 2.0.1", AUTHORS["ann"], "2027-02-02")
    assert [(r["version"], r["status"]) for r in history(capsys)] == [
        ("2.0.1", "adopted"),
        ("2.0.0", "adopted"),
    ]
    newest, first = changelog(capsys)
    assert newest["to"]["version"] == "2.0.1" and "admit-and-correct-mistakes" in ids(newest)
    [change] = [c for c in newest["changes"] if c["id"] == "admit-and-correct-mistakes"]
    assert [t["commit"] for t in change["touches"]] == [edit]
    assert change["touches"][0]["subject"] == "Admit mistakes at once"
    assert first["from"] is None and first["changes"] == []
    staff = run(capsys, "changelog", "--lang", "nl").out  # only the Dutch text changed
    # the new words are marked (bold): read the words without the marks
    assert "Geef fouten meteen toe" in staff.split("versie 2.0.0")[0].replace("**", "")


def test_b_bump_then_more_edits_in_the_same_pull_request(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repo, "checkout", "-q", "-b", "pr")
    set_version(repo / "rulebook", "2.1.0", "2027-03-01")
    commit(repo, "Policy 2.1.0", AUTHORS["lea"], "2027-02-01")
    edit_legal(repo)
    commit(repo, "Explicit consent", AUTHORS["lea"], "2027-02-02")
    edit_conduct(repo)
    commit(repo, "Admit mistakes at once", AUTHORS["tom"], "2027-02-03")
    [entry] = changelog(capsys, "--from", "main")
    assert entry["to"]["version"] == "2.1.0" and entry["from"]["version"] == "2.0.0"
    assert ids(entry) == {"portrait-rights", "admit-and-correct-mistakes"}
    git(repo, "checkout", "-q", "main")
    merge(repo, "pr", AUTHORS["ann"], "2027-02-04")
    assert [r["version"] for r in history(capsys)] == ["2.1.0", "2.0.0"]
    newest = changelog(capsys)[0]
    assert ids(newest) == {"portrait-rights", "admit-and-correct-mistakes"}
    authors = {t["author"] for c in newest["changes"] for t in c["touches"]}
    assert authors == {"Lea Jurist", "Tom Claes"}  # the merge commit made no change itself


def test_c_an_unbumped_edit_after_adoption_is_unreleased(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_conduct(repo)
    commit(repo, "Admit mistakes at once", AUTHORS["tom"], "2027-02-01")
    rows = history(capsys)
    assert [(r["version"], r["status"]) for r in rows] == [
        (None, "unreleased"),
        ("2.0.0", "adopted"),
    ]
    unreleased, first = changelog(capsys)
    assert unreleased["to"]["status"] == "unreleased"
    assert ids(unreleased) == {"admit-and-correct-mistakes"}
    assert first["to"]["version"] == "2.0.0" and first["changes"] == []
    staff = run(capsys, "changelog", "--lang", "en").out
    assert "unreleased" in staff.splitlines()[0]
    text = run(capsys, "history").out.splitlines()
    assert text[1].split()[0] == "-" and "unreleased" in text[1]


def test_d_a_draft_collects_three_edits_and_is_adopted(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = repo / "rulebook"
    set_version(policy, "2.1.0", "2027-06-01")
    set_status(policy, "draft")
    commit(repo, "Draft 2.1.0", AUTHORS["ann"], "2027-03-01")
    edit_conduct(repo)
    commit(repo, "Admit mistakes at once", AUTHORS["tom"], "2027-03-02")
    edit_legal(repo)
    commit(repo, "Explicit consent, on advice of the DPO", AUTHORS["lea"], "2027-03-03")
    replace(policy / "contact.yaml", "phone: +32 3 123 45 67", "phone: +32 3 123 45 77")
    last_edit = commit(repo, "New phone number", AUTHORS["sara"], "2027-03-04")
    draft = changelog(capsys)
    assert draft[0]["to"]["status"] == "draft"
    assert "ONTWERP" in run(capsys, "changelog").out.splitlines()[0]
    set_status(policy, "adopted")
    adopted = commit(repo, "Adopted by the college", AUTHORS["ann"], "2027-03-10")
    rows = history(capsys)
    assert [(r["version"], r["status"]) for r in rows] == [
        ("2.1.0", "adopted"),
        ("2.0.0", "adopted"),
    ]
    assert rows[0]["adopted_commit"] == adopted
    entry = changelog(capsys)[0]
    authors = {t["author"] for c in entry["changes"] for t in c["touches"]}
    assert {"Tom Claes", "Lea Jurist", "Sara Peeters"} <= authors
    assert "ONTWERP" not in run(capsys, "changelog").out
    subjects = {t["subject"] for t in entry["touches"]}
    assert "Explicit consent, on advice of the DPO" in subjects
    assert changelog(capsys, "--to", last_edit)[0]["to"]["status"] == "draft"


def test_e_two_branches_that_both_bump_merged_one_after_the_other(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = repo / "rulebook"
    git(repo, "checkout", "-q", "-b", "a")
    set_version(policy, "2.1.0", "2027-03-01")
    edit_conduct(repo)
    commit(repo, "A: admit mistakes", AUTHORS["tom"], "2027-02-01")
    git(repo, "checkout", "-q", "-b", "b", "main")
    set_version(policy, "2.1.0", "2027-03-01")
    edit_legal(repo)
    commit(repo, "B: explicit consent", AUTHORS["lea"], "2027-02-02")
    git(repo, "checkout", "-q", "main")
    merge(repo, "a", AUTHORS["ann"], "2027-02-03")
    git(repo, "checkout", "-q", "b")
    merge(repo, "main", AUTHORS["lea"], "2027-02-04")  # B catches up ...
    set_version(policy, "2.2.0", "2027-04-01")  # ... and takes the next number
    commit(repo, "B: Policy 2.2.0", AUTHORS["lea"], "2027-02-05")
    git(repo, "checkout", "-q", "main")
    merge(repo, "b", AUTHORS["ann"], "2027-02-06")
    assert [r["version"] for r in history(capsys)] == ["2.2.0", "2.1.0", "2.0.0"]
    entries = changelog(capsys)
    assert [(e["from"] or {}).get("version") for e in entries] == ["2.1.0", "2.0.0", None]
    assert ids(entries[0]) == {"portrait-rights"} and ids(entries[1]) == {
        "admit-and-correct-mistakes"
    }
    legal = run(capsys, "changelog", "--audience", "legal", "--lang", "en").out
    assert "2.2.0 → 2.1.0" not in legal and "3.0.0" not in legal


@pytest.mark.parametrize("squash", [True, False])
def test_f_squash_merged_and_merge_committed_pull_requests(
    squash: bool, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repo, "checkout", "-q", "-b", "pr")
    edit_conduct(repo)
    commit(repo, "Admit mistakes at once", AUTHORS["tom"], "2027-02-01")
    set_version(repo / "rulebook", "2.0.1", "2027-03-01")
    commit(repo, "Policy 2.0.1", AUTHORS["lea"], "2027-02-02")
    git(repo, "checkout", "-q", "main")
    merged = merge(repo, "pr", AUTHORS["ann"], "2027-02-03", squash=squash)
    rows = history(capsys)
    assert [r["version"] for r in rows] == ["2.0.1", "2.0.0"]
    assert rows[0]["commit"] == merged
    [change] = [
        c for c in changelog(capsys)[0]["changes"] if c["id"] == "admit-and-correct-mistakes"
    ]
    touched_by = [t["author"] for t in change["touches"]]
    assert touched_by == (["Ann Admin"] if squash else ["Tom Claes"])


def test_trailer_and_guess_mark_changes_editorial(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(
        repo / "rulebook" / "conduct.yaml",
        "Geef fouten toe en verbeter ze zichtbaar.",
        "Geef fouten toe, en verbeter ze zichtbaar.",
    )  # punctuation only: guessed
    commit(repo, "Comma", AUTHORS["tom"], "2027-01-31")
    edit_legal(repo)
    commit(repo, "Consent wording\n\nPolicy-Change: editorial", AUTHORS["lea"], "2027-02-01")
    set_version(repo / "rulebook", "2.0.1", "2027-03-01")
    commit(repo, "Policy 2.0.1", AUTHORS["ann"], "2027-02-02")
    by_id = {c["id"]: c for c in changelog(capsys)[0]["changes"] if c["id"]}
    conduct, legal = by_id["admit-and-correct-mistakes"], by_id["portrait-rights"]
    assert conduct["editorial"] is True and conduct["marking"] is None
    assert legal["editorial"] is True
    assert legal["marking"] == "editorial" and legal["touches"][0]["marking"] == "editorial"
