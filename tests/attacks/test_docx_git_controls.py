"""Attack (issue 24, 12): a control character in a git author name or commit subject made the
Word redline exit 3 (XML 1.0 cannot hold most C0 characters, and git data went in raw).

Why it holds now: every text of the Word redline, and the author of each tracked change, goes
through ``escape.xml``: such a character is shown as its code (``\\x1b``), never dropped.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests import gitrepo
from tests.helpers import run


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = gitrepo.init(tmp_path / "repo")
    policy = gitrepo.copy_bundled(repo)
    gitrepo.commit(repo, "Policy 2.1.0", "Hanne Wuyts <hanne@example.org>", "2026-11-02")
    gitrepo.replace(policy / "meta.yaml", "version: 2.1.0", "version: 2.2.0")
    gitrepo.replace(policy / "conduct.yaml", "binnen één werkdag", "binnen twee werkdagen")
    gitrepo.commit(
        repo, "Beleid\x01 2.2.0 \x1b[31m", "Eve\x1b]0;x\x07 Evil <eve@example.org>", "2026-11-03"
    )
    return repo


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "rulebook", "--from", "HEAD~1", "--to", "HEAD"),
        ("changelog", "rulebook", "--audience", "legal"),
    ],
)
def test_control_characters_of_git_are_shown_in_the_word_redline(
    repo: Path,
    args: tuple[str, ...],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(repo)
    result = run(capsys, *args, "--format", "docx", "-o", "r.docx")
    assert result.code == 0, result.err
    with zipfile.ZipFile(io.BytesIO((repo / "r.docx").read_bytes())) as docx:
        body = docx.read("word/document.xml").decode()
    assert "\x1b" not in body and "\x07" not in body
    assert "Eve\\x1b]0;x\\x07 Evil" in body
