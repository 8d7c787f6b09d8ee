"""``rulebook history | diff | changelog`` end to end on real temporary git repositories."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.gitrepo import AUTHORS, commit, copy_bundled, git, init, replace, three_versions
from tests.helpers import Golden, run, run_process


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    repo = tmp_path_factory.mktemp("history") / "repo"
    return repo, three_versions(repo)


@pytest.fixture
def in_repo(
    history: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    monkeypatch.chdir(history[0])
    return history[1]


def test_history_lists_the_versions_newest_first(
    in_repo: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "history")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["VERSION", "DATE", "COMMIT", "AUTHOR", "STATUS", "CHANGES"]
    assert [line.split()[0] for line in lines[1:]] == ["1.2.0", "1.1.0", "1.0.0"]
    assert lines[2].split()[1:] == [
        "2027-02-01",
        in_repo["v2"][:7],
        "Lea",
        "Jurist",
        "adopted",
        "6",
    ]
    assert lines[3].endswith("first")
    rows = json.loads(run(capsys, "history", "--format", "json").out)
    assert [row["commit"] for row in rows] == [in_repo["v3"], in_repo["v2"], in_repo["v1"]]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_golden_staff_announcement(
    lang: str, in_repo: dict[str, str], capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    result = run(capsys, "changelog", "--lang", lang)
    assert result.code == 0, result.err
    golden(f"changelog-staff-{lang}.md", result.out, commits=in_repo)
    assert "share-live-location" not in result.out and "`" not in result.out  # no ids, no YAML
    assert (
        "Nieuw:** Deel niet live" if lang == "nl" else "New:** Do not share your live"
    ) in result.out


def test_staff_defaults_to_the_first_language(
    in_repo: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "changelog").out == run(capsys, "changelog", "--lang", "nl").out


def test_golden_legal_redline(
    in_repo: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    golden: Golden,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # the HTML's date: 2026-12-01
    result = run(capsys, "changelog", "--audience", "legal", "--lang", "en")
    assert result.code == 0, result.err
    golden("changelog-legal-en.md", result.out, commits=in_repo)
    first_block = result.out.split("## Policy 1.0.0 → 1.1.0")[1].split("###")[1]
    assert "Legal do's and don'ts" in first_block  # legal first
    html = run(capsys, "changelog", "--audience", "legal", "--format", "html").out
    golden("changelog-legal-nl.html", html, commits=in_repo)
    # a branch of the reaction scheme points to a step by its words, never by its node id
    assert "<ins>Laat het bericht staan, zonder reactie.</ins>" in html
    assert "let-stand" not in html and "monitor</del>" not in html


def test_provenance_of_a_change_in_the_middle_commit(
    in_repo: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(
        capsys, "changelog", "--format", "json", "--from", in_repo["v1"], "--to", in_repo["v2-lea"]
    )
    entries = json.loads(result.out)
    assert len(entries) == 1
    by_id = {change["id"]: change for change in entries[0]["changes"]}
    assert by_id["share-live-location"]["commit"] == in_repo["v2-tom"]
    assert by_id["share-live-location"]["author"] == "Tom Claes"
    assert by_id["credit-creators"]["kind"] == "removed"
    # edited in v2 and again in v2-lea: attributed where it took its final form
    assert by_id["portrait-rights"]["commit"] == in_repo["v2-lea"]
    assert by_id[None]["path"] in ("/meta/version", "/meta/effective_from", "/contact/primary")


def test_json_contract(in_repo: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    result = run(
        capsys, "diff", "--from", in_repo["v2-lea"], "--to", in_repo["v3"], "--format", "json"
    )
    payload = json.loads(result.out)
    assert (
        payload["from"].items()
        >= {"version": "1.1.0", "commit": in_repo["v2-lea"], "date": "2027-02-09"}.items()
    )
    assert (
        payload["to"].items()
        >= {"version": "1.2.0", "commit": in_repo["v3"], "subject": "Policy 1.2.0"}.items()
    )
    for change in payload["changes"]:
        assert set(change) >= {
            "kind",
            "section",
            "id",
            "path",
            "old",
            "new",
            "commit",
            "author",
            "date",
            "editorial",
            "touches",
            "label",
            "shown",
            "marking",
        }
    renamed = next(c for c in payload["changes"] if c["kind"] == "renamed")
    assert (renamed["id"], renamed["old"]["id"]) == ("no-replies-in-anger", "react-in-anger")
    assert renamed["path"].startswith("/conduct/donts/")
    kinds = {(c["section"], c["kind"], c["id"]) for c in payload["changes"]}
    assert ("reactions", "changed", "rager") in kinds
    changelog = json.loads(run(capsys, "changelog", "--format", "json").out)
    assert [e["to"]["version"] for e in changelog] == ["1.2.0", "1.1.0", "1.0.0"]
    assert changelog[-1]["from"] is None


def test_backwards_diff_names_nobody(
    in_repo: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "diff", "--from", in_repo["v3"], "--to", in_repo["v1"], "--format", "json")
    changes = json.loads(result.out)["changes"]
    assert changes and all(c["commit"] is None and c["author"] is None for c in changes)
    text = run(capsys, "diff", "--from", in_repo["v3"], "--to", in_repo["v1"]).out
    assert "— gewijzigd\n" in text and "gewijzigd door" not in text and "gecommit" not in text


def test_diff_defaults_to_the_working_tree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    first = commit(repo, "Policy", AUTHORS["ann"], "2027-01-10")
    replace(
        policy / "conduct.yaml",
        "Geef fouten toe en verbeter ze zichtbaar.",
        "Geef fouten meteen toe en verbeter ze zichtbaar.",
    )
    monkeypatch.chdir(repo)
    result = run(capsys, "diff", "--from", first[:10])
    assert result.code == 0, result.err
    assert "2.1.7 Geef fouten meteen toe" in result.out  # by article number and words, not by id
    assert "[-Geef fouten toe-]" not in result.out and "{+meteen+}" in result.out
    assert "not committed yet" in result.out or "nog niet gecommit" in result.out
    markdown = run(capsys, "diff", "--from", first, "--format", "markdown").out
    assert "Geef fouten <ins>meteen</ins> toe" in markdown


def test_single_file_policy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = init(tmp_path / "repo")
    source = Path(__file__).parent / "examples" / "valid" / "minimal.yaml"
    target = repo / "policy.yaml"
    shutil.copy(source, target)
    commit(repo, "1.0.0", AUTHORS["ann"], "2027-01-10")
    replace(target, "version: 1.0.0", "version: 1.1.0")
    replace(target, "Be kind, also when you disagree.", "Be kind, even when you disagree.")
    commit(repo, "1.1.0", AUTHORS["tom"], "2027-01-11")
    result = run(capsys, "changelog", str(target))
    assert result.code == 0, result.err
    assert (
        "**Changed:** Be kind, **even** when you disagree. (was: Be kind, also when you "
        "disagree.)" in result.out
    )


# -- errors: one line, exit 2, nothing on stdout ------------------------------------------------


def assert_error(result_code: int, out: str, err: str, *words: str) -> None:
    assert result_code == 2, (out, err)
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    for word in words:
        assert word in err, err


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_not_a_git_repository(tmp_path: Path) -> None:
    policy = copy_bundled(tmp_path)
    for args in (
        ["history", str(policy)],
        ["changelog", str(policy)],
        ["diff", "--from", "HEAD", str(policy)],
        ["lint", "--base", "HEAD", str(policy)],
    ):
        result = run_process(*args, cwd=tmp_path)
        assert_error(result.code, result.out, result.err, "not in a git repository")


@pytest.mark.usefixtures("english")  # asserts the English wording
@pytest.mark.parametrize(
    "args",
    [
        ["diff", "--from", "no-such-rev"],
        ["diff", "--from", "HEAD", "--to", "v9.9.9"],
        ["changelog", "--from", "deadbeef"],
        ["changelog", "--to", "HEAD~99"],
        ["lint", "--base", "nope", "rulebook"],
    ],
)
def test_unknown_revision(args: list[str], history: tuple[Path, dict[str, str]]) -> None:
    result = run_process(*args, cwd=history[0])
    assert_error(result.code, result.out, result.err, "unknown revision")


def test_revision_that_is_not_a_commit(history: tuple[Path, dict[str, str]]) -> None:
    result = run_process("diff", "--from", "HEAD:rulebook", cwd=history[0])
    assert_error(result.code, result.out, result.err, "names a tree, not a commit")


@pytest.mark.usefixtures("english")  # asserts the English wording
@pytest.mark.parametrize(
    "args",
    [
        ["diff", "--from=--output={out}"],
        ["changelog", "--from=-p"],
        ["lint", "--base=--all", "rulebook"],
    ],
)
def test_revision_starting_with_a_dash(
    args: list[str], history: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    out = tmp_path / "x"  # git must never take the revision as its --output option
    result = run_process(*(a.format(out=out) for a in args), cwd=history[0])
    assert_error(result.code, result.out, result.err, "cannot start with '-'")
    assert not out.exists()


def test_shallow_clone(history: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    source, shas = history
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", source.as_uri(), str(clone))
    for args in (
        ["changelog"],
        ["history"],
        ["diff", "--from", shas["v1"]],
        ["lint", "--base", shas["v2"], "rulebook"],
    ):
        result = run_process(*args, cwd=clone)
        assert_error(result.code, result.out, result.err, "shallow", "fetch-depth: 0")


def test_path_missing_at_a_revision(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    (repo / "README.md").write_text("policy follows\n", encoding="utf-8")
    first = commit(repo, "start", AUTHORS["ann"], "2027-01-01")
    copy_bundled(repo)
    commit(repo, "policy", AUTHORS["ann"], "2027-01-02")
    result = run_process("diff", "--from", first, cwd=repo)
    assert_error(
        result.code, result.out, result.err, "rulebook", "does not exist at revision", first
    )


def test_rulebook_does_not_parse_at_a_revision(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    replace(
        policy / "contact.yaml",
        "email: lien.verhaegen@lindebeek.be",
        "email: 'lien.verhaegen@lindebeek.be",
    )
    broken = commit(repo, "broken", AUTHORS["ann"], "2027-01-01")
    replace(
        policy / "contact.yaml",
        "email: 'lien.verhaegen@lindebeek.be",
        "email: lien.verhaegen@lindebeek.be",
    )
    commit(repo, "fixed", AUTHORS["ann"], "2027-01-02")
    result = run_process("diff", "--from", broken[:8], cwd=repo)
    assert_error(
        result.code,
        result.out,
        result.err,
        "cannot be read in revision",
        broken[:8],
        "rulebook/contact.yaml, line 21",  # the quote left open, not where the reader stopped
        "the quote ' that opens this text is never closed",
        "(RB001)",
    )
    # the history skips the broken state and still works
    assert run_process("history", cwd=repo).code == 0


def test_unknown_language(in_repo: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "changelog", "--lang", "fr")
    # --lang fr also asks for French messages: the error says so in French
    assert result.code == 2 and "n’a pas la langue 'fr'" in result.err


def test_no_versions_yet(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    (repo / "README.md").write_text("x\n", encoding="utf-8")
    commit(repo, "start", AUTHORS["ann"], "2027-01-01")
    copy_bundled(repo)
    result = run_process("changelog", cwd=repo)
    assert_error(result.code, result.out, result.err, "no committed version")


def test_diff_in_another_language(
    in_repo: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(
        capsys,
        "diff",
        "--from",
        in_repo["v2-lea"],
        "--to",
        in_repo["v3"],
        "--lang",
        "en",
        "--format",
        "markdown",
    )
    assert result.code == 0, result.err
    assert "### Contact point" in result.out
    assert "*Name*: <del>Lien Verhaegen</del> <ins>Sara Peeters</ins>" in result.out
    dutch = run(capsys, "diff", "--from", in_repo["v2-lea"], "--to", in_repo["v3"]).out
    assert "Naam: [-Lien Verhaegen-] {+Sara Peeters+}" in dutch
    wrong = run(capsys, "diff", "--from", in_repo["v1"], "--lang", "de")
    assert wrong.code == 2 and wrong.err.count("\n") == 1 and "'de'" in wrong.err


def test_json_carries_language_and_audience(
    in_repo: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    entries = json.loads(
        run(capsys, "changelog", "--format", "json", "--audience", "legal", "--lang", "en").out
    )
    assert {(e["lang"], e["audience"]) for e in entries} == {("en", "legal")}
    newest = entries[0]
    assert newest["to"]["subject"] == "Policy 1.2.0" and newest["to"]["date"] == "2027-05-03"
    contact = next(c for c in newest["changes"] if c["path"] == "/contact/primary")
    assert contact["label"] == "Contact point"
    assert contact["fields_in_words"] == ["Name", "E-mail address"]
    staff_view = json.loads(run(capsys, "changelog", "--format", "json").out)
    renamed = next(c for c in staff_view[0]["changes"] if c["kind"] == "renamed")
    assert staff_view[0]["audience"] == "staff" and renamed["shown"] is False  # only an id
