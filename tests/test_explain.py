"""``rulebook rules`` and ``rulebook explain CODE``: from each check's own docs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policy_rulebook.linter.checks import CHECKS, Check
from policy_rulebook.linter.explain import doc_sections
from tests.helpers import BUNDLED, run, run_process

#: The checks' docs in English; the repository's own policy (Dutch) would speak Dutch.
pytestmark = pytest.mark.usefixtures("english")


def test_rules_lists_every_check(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == len(CHECKS) + 1
    for check in CHECKS:
        [line] = [line for line in lines if line.startswith(check.code + " ")]
        assert line.split()[1:3] == [check.name, check.severity.value]
        assert line.endswith(check.summary)
    assert [line.split()[0] for line in lines[:-1]] == sorted(c.code for c in CHECKS)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_explain_shows_the_docs_and_both_examples(
    check: Check, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "explain", check.code.lower())
    assert result.code == 0
    assert result.out.startswith(check.doc.splitlines()[0] + "\n")
    sections = doc_sections(check)
    assert list(sections) == ["What it checks", "Why", "How to fix"]
    for heading, text in sections.items():
        assert f"\n{heading}\n" in result.out
        assert text.splitlines()[0] in result.out
    fails = result.out.index("Fails (this gives the finding):")
    passes = result.out.index("Passes:")
    assert check.bad.splitlines()[0] in result.out[fails:passes]
    assert check.good.splitlines()[0] in result.out[passes:]


def test_explain_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "explain", "legal-basis")
    assert result.code == 0 and result.out.startswith("RB601 legal-basis:")
    assert "Antiracismewet" in result.out  # the law that is the reason


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        ("RB510", "RB501"),
        ("review-overdu", "did you mean review-overdue"),
        ("rb6O1", "did you mean RB601"),
    ],
)
def test_unknown_code_is_exit_2_with_a_suggestion(query: str, hint: str) -> None:
    result = run_process("explain", query)
    assert result.code == 2 and result.out == ""
    assert result.err.startswith(f"rulebook: error: no check with the code or name {query!r}")
    assert hint in result.err and "Traceback" not in result.err


def test_unknown_code_without_anything_close(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "explain", "banana")
    assert result.code == 2 and "did you mean" not in result.err
    assert "`rulebook rules` lists them all" in result.err


@pytest.mark.parametrize(
    ("languages", "expected"),
    [("[nl, en]", "een bestand is geen geldige YAML"), ("[fr, en]", "n’est pas du YAML valable")],
)
def test_explain_speaks_the_policys_language_like_lint(
    languages: str,
    expected: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("RULEBOOK_LANG")
    shutil.copytree(BUNDLED, tmp_path / "rulebook")
    meta = tmp_path / "rulebook" / "meta.yaml"
    meta.write_text(
        meta.read_text("utf-8").replace("languages: [nl, en]", f"languages: {languages}"), "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert expected in run(capsys, "explain", "RB001").out
    assert "every file is valid YAML" in run(capsys, "explain", "--lang", "en", "RB001").out
    monkeypatch.chdir(tmp_path / "rulebook")  # no policy here: the environment's language
    assert "every file is valid YAML" in run(capsys, "explain", "RB001").out
