"""``changelog --from HEAD --to HEAD`` says there is no version in the range, in every format,
with exit 0, instead of printing nothing (issue 24, item 20)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from tests.gitrepo import AUTHORS, commit, copy_bundled, init, set_version
from tests.helpers import run_process

MESSAGE = "no version in this range"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = init(tmp_path_factory.mktemp("empty") / "repo")
    set_version(copy_bundled(repo), "1.0.0", "2027-01-15")
    commit(repo, "Policy 1.0.0", AUTHORS["ann"], "2027-01-10")
    return repo


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
@pytest.mark.parametrize("audience", ["staff", "legal"])
def test_the_text_says_so(repo: Path, fmt: str, audience: str) -> None:
    result = run_process(
        "changelog",
        "--from",
        "HEAD",
        "--to",
        "HEAD",
        "--format",
        fmt,
        "--audience",
        audience,
        "--lang",
        "en",
        cwd=repo,
    )
    assert result.code == 0, result.err
    assert MESSAGE in result.out


def test_json_is_an_empty_list_and_says_so(repo: Path) -> None:
    result = run_process(
        "changelog", "--from", "HEAD", "--to", "HEAD", "--format", "json", "--lang", "en", cwd=repo
    )
    assert (result.code, json.loads(result.out)) == (0, [])
    assert MESSAGE in result.err


def test_word_is_an_empty_redline_and_says_so(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    result = run_process(
        "changelog",
        "--from",
        "HEAD",
        "--to",
        "HEAD",
        "--format",
        "docx",
        "--audience",
        "legal",
        "-o",
        str(out),
        "--lang",
        "en",
        cwd=repo,
    )
    assert result.code == 0 and MESSAGE in result.err
    Document(str(out))  # a Word file all the same


@pytest.mark.parametrize("fmt", ["text", "html", "json"])
def test_said_in_the_policys_language(repo: Path, fmt: str) -> None:
    # the bundled policy is Dutch: so is the sentence that stands in for its changelog
    result = run_process("changelog", "--from", "HEAD", "--to", "HEAD", "--format", fmt, cwd=repo)
    assert result.code == 0, result.err
    assert "geen versie in dit bereik" in result.out + result.err
    assert MESSAGE not in result.out + result.err
