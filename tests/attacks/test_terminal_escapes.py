"""Attack: terminal escape codes in git data reached the terminal raw: an author named
``Evil\\e]0;PWNED\\a\\e[31m`` was printed as is by ``history``, ``diff`` and
``changelog --format text`` (it could retitle the window or hide text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gitrepo import commit, copy_bundled, init, replace, set_version
from tests.helpers import run

EVIL = "Evil\x1b]0;PWNED\x07\x1b[31m\u202e"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    set_version(policy, "1.0.0", "2027-01-15")
    commit(repo, "Policy 1.0.0", f"{EVIL} <evil@example.org>", "2027-01-10")
    set_version(policy, "1.1.0", "2027-03-01")
    replace(policy / "contact.yaml", "name: Lien Verhaegen", 'name: "Lien\\e[2J Verhaegen"')
    commit(repo, f"Policy 1.1.0 {EVIL}", f"{EVIL} <evil@example.org>", "2027-02-01")
    monkeypatch.chdir(repo)
    return repo


@pytest.mark.parametrize(
    "args",
    [
        ["history"],
        ["history", "--format", "json"],
        ["diff", "--from", "HEAD~1", "--to", "HEAD"],
        ["diff", "--from", "HEAD~1", "--to", "HEAD", "--format", "markdown"],
        ["changelog", "--format", "text", "--audience", "legal"],
        ["changelog", "--format", "markdown", "--audience", "legal"],
        ["changelog", "--format", "json", "--audience", "legal"],
    ],
)
def test_no_raw_control_characters(
    repo: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, *args)
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "\u202e" not in result.out
    assert "Evil" in result.out or args[0] == "diff"
