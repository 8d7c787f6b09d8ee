"""Attack (issue 24, 3): the word-level redline had no bound: one 8,000-word text rewritten in
another order took 30 s, 20,000 words over two minutes, for ``diff``, ``changelog --audience
legal`` and the Word redline (difflib compares every token with every token).

Why it holds now: above ``redline.MAX_TOKEN_PAIRS`` for one text, or once one version's
``Budget`` is spent, a text is shown replaced as a whole, with a note in the reader's language
in every format (Markdown, text, HTML, JSON, Word).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from policy_rulebook.changelog import redline
from tests import gitrepo
from tests.helpers import run

NOTE = "text replaced as a whole: too long to compare word by word"
NOTE_NL = "tekst als geheel vervangen: te lang om woord voor woord te vergelijken"


def _speech(words: int, step: int) -> str:
    return " ".join(f"w{(n * step) % words}" for n in range(words))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Two commits whose `meta.summary` in Dutch is 3,000 words, the second reordered."""
    repo = gitrepo.init(tmp_path / "repo")
    policy = gitrepo.copy_bundled(repo)
    meta = policy / "meta.yaml"
    text = meta.read_text(encoding="utf-8")
    summary = re.compile(r"(?ms)^  summary:\n    nl: >-\n.*?(?=^    en:)")

    def write(words: str, version: str) -> None:
        out = summary.sub(f"  summary:\n    nl: {words}\n", text)
        meta.write_text(out.replace("version: 2.1.0", f"version: {version}"), encoding="utf-8")

    write(_speech(3_000, 1), "2.1.0")
    gitrepo.commit(repo, "Policy 2.1.0", "Hanne Wuyts <hanne@example.org>", "2026-11-02")
    write(_speech(3_000, 7), "2.2.0")
    gitrepo.commit(repo, "Policy 2.2.0", "Hanne Wuyts <hanne@example.org>", "2026-11-03")
    return repo


def test_a_short_text_is_still_compared_word_by_word() -> None:
    segments, whole = redline.bounded(
        "Wees altijd beleefd.", "Wees vaak beleefd.", redline.Budget()
    )
    assert not whole
    assert [s.op for s in segments] == ["=", "-", "+", "="]


def test_a_long_text_is_replaced_whole_at_a_bounded_cost() -> None:
    old, new = _speech(3_000, 1), _speech(3_000, 7)
    segments, whole = redline.bounded(old, new, redline.Budget())
    assert whole and segments == (redline.Segment("-", old), redline.Segment("+", new))


def test_the_budget_of_one_version_is_shared_by_its_texts() -> None:
    budget = redline.Budget()
    old, new = _speech(400, 1), _speech(400, 7)  # 799 tokens each: fits one text's bound
    results = [redline.bounded(old, new, budget)[1] for _ in range(20)]
    assert results[0] is False and results[-1] is True


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_the_note_is_in_every_format(
    repo: Path, fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    result = run(capsys, "diff", "rulebook", "--from", "HEAD~1", "--to", "HEAD", "--format", fmt)
    assert result.code == 0, result.err
    assert result.out.count(NOTE_NL) == 1, result.out[:2000]
    english = run(capsys, "diff", "rulebook", "--from", "HEAD~1", "--to", "HEAD", "--lang", "en")
    assert NOTE in english.out


def test_the_note_is_in_json_and_word(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    result = run(capsys, "changelog", "rulebook", "--audience", "legal", "--format", "json")
    assert result.code == 0, result.err
    changes = [c for entry in json.loads(result.out) for c in entry["changes"]]
    assert [c.get("replaced_whole") for c in changes if "replaced_whole" in c] == [
        ["Samenvatting (Nederlands)"]
    ]
    result = run(capsys, "diff", "rulebook", "--from", "HEAD~1", "--format", "docx", "-o", "r.docx")
    assert result.code == 0, result.err
    with zipfile.ZipFile(io.BytesIO((repo / "r.docx").read_bytes())) as docx:
        assert NOTE_NL in docx.read("word/document.xml").decode()


def _reworded(tmp_path: Path, rules: int) -> Path:
    """Two commits of a policy with ``rules`` more house rules, every one reworded."""
    repo = gitrepo.init(tmp_path / f"reworded-{rules}")
    policy = gitrepo.copy_bundled(repo)
    house_rules = policy / "house_rules.yaml"
    bundled = house_rules.read_text(encoding="utf-8")

    def write(word: str) -> None:
        more = "".join(
            f"    - id: r{n}\n      category:\n        nl: Regel {n}\n"
            f"      text:\n        nl: Berichten van soort {n} zijn {word}.\n"
            "      action: remove\n"
            for n in range(rules)
        )
        house_rules.write_text(bundled.replace("  rules:\n", "  rules:\n" + more, 1), "utf-8")

    write("verboden")
    gitrepo.commit(repo, "Policy 2.1.0", "Hanne Wuyts <hanne@example.org>", "2026-11-02")
    write("niet toegelaten")
    meta = policy / "meta.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("version: 2.1.0", "version: 3.0.0"), "utf-8"
    )
    gitrepo.commit(repo, "Policy 3.0.0", "Jan Peeters <jan@example.org>", "2026-11-03")
    return repo


def test_the_word_redline_grows_linearly_with_the_changed_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each change's article number and its words' commits were looked up by indexing the
    whole policy again (5,000 reworded house rules: 150 s); now once per version. Sizes under
    ``grouping.SHOWN``: beyond it the rest of the list is one grouped change."""
    from tests.attacks.growth import LINEAR, growth

    repos = {n: _reworded(tmp_path, n) for n in (120, 960)}

    def redline_docx(rules: int) -> None:
        monkeypatch.chdir(repos[rules])
        out = repos[rules] / "x.docx"
        args = ("diff", "rulebook", "--from", "HEAD~1", "--to", "HEAD", "--format", "docx")
        result = run(capsys, *args, "-o", str(out))
        assert result.code == 0, result.err
        with zipfile.ZipFile(out) as docx:
            assert docx.read("word/document.xml").count(b"<w:ins ") >= rules

    assert growth(redline_docx, 120, runs=1) < LINEAR
