"""``--from``/``--to``/``--base`` accept a policy version number where a revision is expected,
resolved through the history to the commit that adopted it (issue 23, item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.gitrepo import git, three_versions
from tests.helpers import run_process


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    repo = tmp_path_factory.mktemp("numbers") / "repo"
    return repo, three_versions(repo)


def test_diff_between_two_version_numbers(repo: tuple[Path, dict[str, str]]) -> None:
    path, shas = repo
    by_number = run_process(
        "diff", "--from", "1.1.0", "--to", "1.2.0", "--format", "json", cwd=path
    )
    by_commit = run_process(
        "diff", "--from", shas["v2-lea"], "--to", shas["v3"], "--format", "json", cwd=path
    )
    assert by_number.code == 0, by_number.err
    assert by_number.out == by_commit.out
    data = json.loads(by_number.out)
    assert (data["from"]["version"], data["to"]["version"]) == ("1.1.0", "1.2.0")
    # 1.1.0 is the state that adopted the draft, not its first bump
    assert data["from"]["commit"] == shas["v2-lea"]


def test_changelog_from_a_version_number(repo: tuple[Path, dict[str, str]]) -> None:
    path, _shas = repo
    result = run_process("changelog", "--from", "v1.1.0", "--format", "json", cwd=path)
    assert result.code == 0, result.err
    assert [e["to"]["version"] for e in json.loads(result.out)] == ["1.2.0"]
    result = run_process("changelog", "--to", "1.1.0", "--format", "json", cwd=path)
    assert [e["to"]["version"] for e in json.loads(result.out)] == ["1.1.0", "1.0.0"]


def test_lint_base_takes_a_version_number(repo: tuple[Path, dict[str, str]]) -> None:
    path, _shas = repo
    result = run_process(
        "lint", "--format", "json", "--today", "2027-06-01", "--base", "1.2.0", "rulebook", cwd=path
    )
    assert result.code in (0, 1), result.err


def test_an_unknown_version_names_the_known_ones(repo: tuple[Path, dict[str, str]]) -> None:
    path, _shas = repo
    result = run_process("diff", "--from", "1.3.0", cwd=path)
    assert result.code == 2
    assert result.err.strip().endswith("versions are: 1.0.0, 1.1.0, 1.2.0"), result.err
    assert len(result.err.splitlines()) == 1


def test_a_revision_name_wins_over_a_version_number(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    path, shas = repo
    git(path, "tag", "1.0.0", shas["v3"])  # a tag that happens to look like a version
    try:
        result = run_process("diff", "--from", "1.0.0", "--format", "json", cwd=path)
        assert json.loads(result.out)["from"]["commit"] == shas["v3"]
    finally:
        git(path, "tag", "-d", "1.0.0")
