"""Attack (issue 24, 5): 130,000 keys added to `meta` between two commits (the most the value
cap lets through) made ``diff`` take 8 s, its JSON 18 s and the Word redline 52 s: each change
was judged, attributed through the commits, labelled and worded in the legal text; 87,000 do's
added took minutes (every item title numbered every item again).

Why it holds now: a mapping or list with more than ``grouping.SHOWN`` changes shows that many
and ONE grouped change for the rest, which counts them and names the first and the last, in
every format (``changelog.grouping``); the items are numbered once per rulebook.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from policy_rulebook.changelog import render
from policy_rulebook.changelog.diff import counted, diff_data
from policy_rulebook.changelog.grouping import SHOWN
from policy_rulebook.changelog.model import Endpoint, Entry
from tests import gitrepo
from tests.attacks.growth import LINEAR, growth
from tests.helpers import run

KEYS = 3_000


def _keys(count: int, offset: int = 0) -> str:
    return "".join(f"  key{n:07d}: {n + offset}\n" for n in range(count))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The bundled policy, then the same with 3,000 keys added to `meta` and version 2.2.0."""
    repo = gitrepo.init(tmp_path / "repo")
    policy = gitrepo.copy_bundled(repo)
    gitrepo.commit(repo, "Policy 2.1.0", "Hanne Wuyts <hanne@example.org>", "2026-11-02")
    meta = policy / "meta.yaml"
    text = meta.read_text(encoding="utf-8").replace("version: 2.1.0", "version: 2.2.0")
    meta.write_text(text + _keys(KEYS), encoding="utf-8")
    gitrepo.commit(repo, "Many keys", "Hanne Wuyts <hanne@example.org>", "2026-11-03")
    return repo


# The version's change comes first in reading order, then key0000000...: 999 keys are shown.
REST = KEYS + 1 - SHOWN
FIRST, LAST = f"key{SHOWN - 1:07d}", f"key{KEYS - 1:07d}"
NOTE = f"{REST:,} more changes, from {FIRST} to {LAST}: too many to show one by one"
# counted as the reader counts: 2,001 in English, 2.001 in Dutch
NOTE_NL = (
    f"nog {REST:,} wijzigingen, van {FIRST} tot {LAST}: te veel om één voor één te tonen".replace(
        ",", ".", 1
    )
)


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "rulebook", "--from", "HEAD~1", "--to", "HEAD"),
        ("changelog", "rulebook", "--audience", "legal", "--from", "HEAD~1"),
    ],
)
def test_the_rest_is_one_change_with_a_note_in_text_and_json(
    repo: Path,
    args: tuple[str, ...],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(repo)
    text = run(capsys, *args, "--format", "text")
    assert text.code == 0, text.err
    assert text.out.count(NOTE_NL) == 1, text.out[-2000:]
    assert f"({KEYS + 1} wijzigingen, 0 juridisch)" in text.out  # the title counts them all
    assert f"key{SHOWN - 2:07d}" in text.out and f"key{SHOWN:07d}" not in text.out
    english = run(capsys, *args, "--format", "markdown", "--lang", "en")
    assert english.out.count(NOTE) == 1
    result = run(capsys, *args, "--format", "json")
    assert result.code == 0, result.err
    found = json.loads(result.out)
    changes = found["changes"] if isinstance(found, dict) else found[0]["changes"]
    assert len(changes) == SHOWN + 1
    assert sum(c.get("grouped") or 1 for c in changes) == KEYS + 1
    grouped = [c for c in changes if c["kind"] == "grouped"]
    assert [(c["grouped"], c["first"], c["last"], c["path"]) for c in grouped] == [
        (REST, FIRST, LAST, "/meta")
    ]
    assert grouped[0]["note"] == NOTE_NL
    assert [t["subject"] for t in grouped[0]["touches"]] == ["Many keys"]


def test_the_word_redline_has_the_note(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import zipfile

    monkeypatch.chdir(repo)
    result = run(capsys, "diff", "rulebook", "--from", "HEAD~1", "--format", "docx", "-o", "r.docx")
    assert result.code == 0, result.err
    with zipfile.ZipFile(io.BytesIO((repo / "r.docx").read_bytes())) as docx:
        assert NOTE_NL in docx.read("word/document.xml").decode()


def _meta(keys: int, offset: int = 0) -> dict[str, Any]:
    return {"meta": {f"key{n:07d}": n + offset for n in range(keys)}}


def test_exactly_shown_changes_are_not_grouped() -> None:
    changes = diff_data({"meta": {}}, _meta(SHOWN))
    assert len(changes) == SHOWN
    assert not any(c.grouped for c in changes)


def test_one_more_is_grouped_after_the_shown_ones() -> None:
    changes = diff_data(_meta(SHOWN + 1), _meta(SHOWN + 1, 1))
    assert len(changes) == SHOWN + 1 and counted(changes) == SHOWN + 1
    assert [c.kind for c in changes[:SHOWN]] == ["changed"] * SHOWN
    last = changes[-1]
    assert (last.kind, last.grouped, last.first, last.last) == (
        "grouped",
        1,
        f"key{SHOWN:07d}",
        f"key{SHOWN:07d}",
    )
    assert not last.editorial and last.to_dict()["grouped"] == 1


def test_each_list_is_grouped_on_its_own() -> None:
    old: dict[str, Any] = {"conduct": {"dos": [], "donts": []}}
    new = {
        "conduct": {
            "dos": [{"id": f"do-{n}"} for n in range(SHOWN + 5)],
            "donts": [{"id": f"dont-{n}"} for n in range(SHOWN + 2)],
        }
    }
    grouped = [(c.path, c.grouped, c.first, c.last) for c in diff_data(old, new) if c.grouped]
    assert grouped == [
        ("/conduct/dos", 5, f"do-{SHOWN}", f"do-{SHOWN + 4}"),
        ("/conduct/donts", 2, f"dont-{SHOWN}", f"dont-{SHOWN + 1}"),
    ]


def _legal_text(old: dict[str, Any], new: dict[str, Any]) -> str:
    entry = Entry(Endpoint("1.0.0", None), Endpoint("1.1.0", None), diff_data(old, new), new)
    return render.output([entry], "text", "legal", "en", single=True)


def test_the_legal_text_of_many_keys_grows_linearly() -> None:
    ratio = growth(lambda n: _legal_text({"meta": {}}, _meta(n)), 2_000, runs=1)
    assert ratio < LINEAR, ratio


def test_the_legal_text_of_many_items_grows_linearly() -> None:
    def items(count: int) -> str:
        new = {"conduct": {"dos": [{"id": f"do-{n}", "text": "x"} for n in range(count)]}}
        return _legal_text({"conduct": {"dos": []}}, new)

    ratio = growth(items, 120, runs=1)  # all shown: each titled
    assert ratio < LINEAR, ratio
