"""``changelog --audience legal --format docx`` and ``diff --format docx``: a Word file whose
changes are real tracked changes, read back with python-docx on a real temporary git repo."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_rulebook.changelog.announce import deep_leaves
from policy_rulebook.changelog.diff import diff_data
from policy_rulebook.changelog.history import History
from policy_rulebook.documents.docx_revisions import (
    Revisions,
    accepted,
    rejected,
    revisions,
    word_date,
)
from tests.gitrepo import three_versions
from tests.helpers import run

docx = pytest.importorskip("docx")


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


def _open(path: Path) -> object:
    return docx.Document(str(path))


def _tracked(document: object) -> list[object]:
    return [p for p in document.paragraphs if revisions(p)]  # type: ignore[attr-defined]


def _texts(old: object, new: object) -> tuple[set[str], set[str]]:
    """Every changed leaf text, old and new, as the redline labels them (``label: text``)."""
    olds, news = set(), set()
    for change in diff_data(old, new):  # type: ignore[arg-type]
        a = dict(
            deep_leaves(
                {k: v for k, v in change.old.items() if k != "id"}
                if isinstance(change.old, dict) and change.item_kind
                else change.old,
                ""
                if isinstance(change.old, dict) or isinstance(change.new, dict)
                else change.path.split("/")[-1],
            )
        )
        b = dict(
            deep_leaves(
                {k: v for k, v in change.new.items() if k != "id"}
                if isinstance(change.new, dict) and change.item_kind
                else change.new,
                ""
                if isinstance(change.old, dict) or isinstance(change.new, dict)
                else change.path.split("/")[-1],
            )
        )
        for key in set(a) | set(b):
            if a.get(key) != b.get(key):
                olds.add(f"{key}: {a[key]}" if key in a else f"{key}: ")
                news.add(f"{key}: {b[key]}" if key in b else f"{key}: ")
    return olds, news


def _value(labelled: str) -> str:
    """The text of a ``label: text`` paragraph; a date as legal read it ("1 maart 2027")."""
    from policy_rulebook.core.dates import long_date

    text = labelled.split(": ", 1)[1] if ": " in labelled else labelled
    return long_date("nl", text)


def test_diff_docx_has_tracked_changes_that_accept_to_the_new_text(
    in_repo: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "redline.docx"
    result = run(
        capsys,
        "diff",
        "--from",
        in_repo["v1"],
        "--to",
        in_repo["v2-lea"],
        "--format",
        "docx",
        "-o",
        str(target),
    )
    assert (result.code, result.out, result.err) == (0, "", "")
    document = _open(target)
    tracked = _tracked(document)
    assert tracked
    found = {(kind, author, date) for p in tracked for kind, author, date, _ in revisions(p)}
    # Lea's reworded legal item (v2 and v2-lea), Tom's new don't and removed do (v2-tom)
    assert ("ins", "Lea Jurist", "2027-02-09T00:00:00Z") in found
    assert ("ins", "Tom Claes", "2027-02-08T00:00:00Z") in found
    assert ("del", "Tom Claes", "2027-02-08T00:00:00Z") in found
    hist = History(Path("rulebook"))
    old = hist.state(hist.resolve(in_repo["v1"]), "v1").data
    new = hist.state(hist.resolve(in_repo["v2-lea"]), "v2-lea").data
    olds, news = _texts(old, new)
    # the redline labels fields in plain words ("Regel (Nederlands): ..."): compare the texts
    assert {_value(accepted(p)) for p in tracked} == {_value(t) for t in news}
    assert {_value(rejected(p)) for p in tracked} == {_value(t) for t in olds}
    words = "uitdrukkelijke,"
    assert any(
        kind == "ins" and words in text for p in tracked for kind, _, _, text in revisions(p)
    )


def test_changelog_docx_for_legal_has_a_title_page_and_every_version(
    in_repo: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "changelog.docx"
    result = run(
        capsys,
        "changelog",
        "--audience",
        "legal",
        "--format",
        "docx",
        "--lang",
        "en",
        "-o",
        str(target),
    )
    assert (result.code, result.err) == (0, "")
    document = _open(target)
    body = "\n".join(p.text for p in document.paragraphs)  # type: ignore[attr-defined]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]  # type: ignore[attr-defined]
    assert "Stad Lindebeek" in cells and "from 1.0.0 to 1.2.0" in cells
    assert "Approval" in cells and "Status" in cells
    headings = [
        p.text
        for p in document.paragraphs  # type: ignore[attr-defined]
        if p.style.name.startswith("Heading")
    ]
    assert [h for h in headings if h.startswith("Policy")] == [
        h for h in headings if h.startswith("Policy")
    ]
    assert any("1.1.0 → 1.2.0" in h for h in headings)
    assert any("1.0.0 → 1.1.0" in h for h in headings)
    assert "Legal do's and don'ts" in headings
    authors = {a for p in _tracked(document) for _, a, _, _ in revisions(p)}
    assert {"Lea Jurist", "Tom Claes", "Sara Peeters"} <= authors
    assert "Track Changes" in body


def test_binary_format_is_not_written_to_a_terminal(in_repo: dict[str, str]) -> None:
    from policy_rulebook.app.output import deliver
    from policy_rulebook.core.findings import InputError

    class Terminal:
        def isatty(self) -> bool:
            return True

    with pytest.raises(InputError, match=r"binary.*-o FILE"):
        deliver(b"PK", None, Terminal())


def test_staff_audience_gets_the_announcement_as_docx(
    in_repo: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # issue 23: Word for staff too (tests/test_staff_announcement.py reads it back)
    result = run(capsys, "changelog", "--format", "docx", "-o", str(tmp_path / "x.docx"))
    assert result.code == 0, result.err
    texts = [p.text for p in docx.Document(str(tmp_path / "x.docx")).paragraphs]
    assert texts[0].startswith("Socialemediabeleid van Stad Lindebeek versie")


def test_revision_writer_round_trip() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Vraag ")
    writer = Revisions()
    writer.delete(paragraph, "mondeling", "Lea", "2027-02-10")
    paragraph.add_run(" ")
    writer.insert(paragraph, "schriftelijk", "Lea", "2027-02-10T14:03:00+01:00")
    paragraph.add_run(" toestemming")
    writer.insert(paragraph, "\x01.", "Lea", None)
    assert accepted(paragraph) == "Vraag  schriftelijk toestemming\ufffd."
    assert rejected(paragraph) == "Vraag mondeling  toestemming"
    assert revisions(paragraph) == [
        ("del", "Lea", "2027-02-10T00:00:00Z", "mondeling"),
        ("ins", "Lea", "2027-02-10T13:03:00Z", "schriftelijk"),
        ("ins", "Lea", None, "\ufffd."),
    ]
    ids = [
        e.get(f"{{{'http://schemas.openxmlformats.org/wordprocessingml/2006/main'}}}id")
        for e in paragraph._p
        if e.tag.endswith(("}ins", "}del"))
    ]
    assert len(set(ids)) == 3
    assert word_date("not a date") is None and word_date(None) is None


def test_title_page_approval_and_editorial_marks() -> None:
    import copy
    import io

    from policy_rulebook.changelog.legal import approval_line
    from policy_rulebook.changelog.model import Endpoint, Entry
    from policy_rulebook.core import loader
    from policy_rulebook.documents.redline_docx import redline_docx
    from tests.helpers import BUNDLED

    meta = {
        "approval": {
            "by": "College van burgemeester en schepenen",
            "decision": {"nl": "Goedgekeurd", "en": "Adopted"},
            "date": "2026-11-23",
        }
    }
    assert (
        approval_line(meta["approval"], "en")
        == "Adopted by College van burgemeester en schepenen on 23 November 2026"
    )
    assert approval_line({}, "nl") == "nog niet goedgekeurd"
    from policy_rulebook.core.changes import data_of

    old = data_of(loader.load(BUNDLED))
    new = copy.deepcopy(old)
    new["meta"].update(meta)
    new["conduct"]["dos"][0]["text"]["nl"] += " "  # an editorial change (white space)
    changes = diff_data(old, new)
    for change in changes:
        object.__setattr__(
            change, "marking", "editorial" if change.section == "conduct" else "material"
        )
    entry = Entry(
        Endpoint("2.1.0", "a" * 40, "2027-01-01"),
        Endpoint("2.1.1", "b" * 40, "2027-02-01"),
        tuple(changes),
        new,
    )
    document = docx.Document(io.BytesIO(redline_docx([entry], "nl")))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Goedgekeurd door College van burgemeester en schepenen op 23 november 2026" in cells
    assert (
        "— gewijzigd · redactioneel (zo aangeduid door de auteur); "
        "alleen de tekst in het Nederlands" in body
    )
    assert "van 2.1.0 naar 2.1.1" in cells
