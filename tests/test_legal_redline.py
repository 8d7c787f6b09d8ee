"""The legal redline read as a lawyer reads it, on a history built here from test data (the
municipality of the corpus, not the bundled policy): a DPO rewrites a clause in both
languages, a colleague later turns one "." into "!", a lawyer replaces a legal basis and the
college adopts the version; a later draft, and a change no version carries yet.

The Word file is read back with python-docx and its tracked-change XML (``w:ins``/``w:del``,
their ``w:author`` and ``w:date``); Markdown and HTML are compared with golden files whose
commit ids are redacted.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from policy_rulebook.documents.docx_revisions import accepted, rejected, revisions
from tests.gitrepo import commit, git, init, replace, set_status, set_version
from tests.helpers import REPO, Golden, run

docx = pytest.importorskip("docx")

CORPUS = REPO / "tests" / "corpus" / "municipality" / "rulebook" / "policy.yaml"
DPO = "Dina Pauwels <dpo@schelderode.be>"
COLLEAGUE = "Tom Claes <tom.claes@schelderode.be>"
LAWYER = "Lea Jurist <lea.jurist@schelderode.be>"
ADMIN = "Ann Admin <ann.admin@schelderode.be>"

DISCRETION_V1 = """      text:
        nl: Wat je via je werk te weten komt en vertrouwelijk is, blijft binnen.
        en: What you learn through your work and is confidential stays inside.
"""
DISCRETION_DPO = (
    "      text:\n"
    "        nl: Wat je via je werk over inwoners of collega's te weten komt, deel je nooit "
    "online, ook niet in een besloten groep.\n"
    "        en: What you learn through your work about residents or colleagues you never "
    "share online, not even in a closed group.\n"
)
OLD_BASIS = (
    "        - title: Wet van 30 juni 1994 betreffende het auteursrecht en de naburige "
    "rechten\n"
    "          reference: art. 10\n"
    "          proper_name: true\n"
)
NEW_BASIS = """        - title: Wetboek van economisch recht
          reference: art. XI.174
          proper_name: true
"""
APPROVAL = """  approval:
    body: College van burgemeester en schepenen
    decision: Collegebesluit, punt 7
    reference: CBS_{number}
    date: {date}
"""


def _set_meta(policy: Path, key: str, value: str) -> None:
    text = policy.read_text(encoding="utf-8")
    assert re.search(rf"(?m)^  {key}: .*$", text), key
    policy.write_text(re.sub(rf"(?m)^  {key}: .*$", f"  {key}: {value}", text), encoding="utf-8")


def build(repo: Path) -> dict[str, str]:
    """The history; the commits by name."""
    init(repo)
    folder = repo / "rulebook"
    folder.mkdir()
    policy = folder / "meta.yaml"  # set_version and set_status read meta.yaml
    shutil.copy(CORPUS, policy)
    replace(policy, "  languages: [nl]", "  languages: [nl, en]")
    replace(
        policy,
        "      text: Wat je via je werk te weten komt en vertrouwelijk is, blijft binnen.\n",
        DISCRETION_V1,
    )
    replace(
        policy,
        "        - title: Wetboek van economisch recht\n          reference: art. XI.174\n",
        OLD_BASIS,
    )
    replace(
        policy,
        "  adopted_on: 2026-03-26\n",
        "  adopted_on: 2026-03-26\n" + APPROVAL.format(date="2026-03-24", number="00100"),
    )
    shas = {"v1": commit(repo, "Policy 1.0.0", ADMIN, "2027-01-10")}
    set_version(folder, "1.1.0", "2027-04-01")
    set_status(folder, "draft")
    replace(policy, DISCRETION_V1, DISCRETION_DPO)
    shas["dpo"] = commit(repo, "Discretion: what you may never share", DPO, "2027-02-01")
    replace(policy, "ook niet in een besloten groep.", "ook niet in een besloten groep!")
    shas["bang"] = commit(repo, "Stronger ending", COLLEAGUE, "2027-02-05")
    replace(policy, OLD_BASIS, NEW_BASIS)
    set_status(folder, "adopted")
    _set_meta(policy, "adopted_on", "2027-02-20")
    replace(
        policy,
        APPROVAL.format(date="2026-03-24", number="00100"),
        APPROVAL.format(date="2027-02-19", number="00412"),
    )
    shas["law"] = commit(
        repo, "Image rights: the copyright act is now in the WER", LAWYER, "2027-02-20"
    )
    set_version(folder, "1.2.0", "2027-09-01")
    replace(policy, "Hou berichten kort.", "Hou berichten kort en duidelijk.")
    shas["v3"] = commit(repo, "Policy 1.2.0", ADMIN, "2027-05-03")
    replace(policy, "phone: 09 380 12 34", "phone: 09 380 12 99")
    shas["later"] = commit(repo, "New phone number", COLLEAGUE, "2027-06-01")
    return shas


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    repo = tmp_path_factory.mktemp("legal") / "repo"
    return repo, build(repo)


@pytest.fixture
def in_repo(
    history: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    monkeypatch.chdir(history[0])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01
    return history[1]


def _redact(text: str, shas: dict[str, str]) -> str:
    """Goldens hold no commit ids: each becomes its name in the fixture."""
    for name, sha in shas.items():
        text = text.replace(sha, f"#{name}").replace(sha[:7], f"#{name}")
    return text


def _word(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str
) -> tuple[object, list[tuple[str, str, str | None, str]]]:
    target = tmp_path / "redline.docx"
    result = run(capsys, *args, "--format", "docx", "-o", str(target))
    assert (result.code, result.err) == (0, "")
    document = docx.Document(str(target))
    tracked = [r for p in document.paragraphs for r in revisions(p)]
    return document, tracked


def test_each_tracked_change_is_by_the_commit_that_wrote_those_words(
    in_repo: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, tracked = _word(
        capsys, tmp_path, "diff", "--from", in_repo["v1"], "--to", in_repo["law"]
    )
    by = {(kind, text.strip()): (author, date) for kind, author, date, text in tracked}
    dpo = ("Dina Pauwels", "2027-02-01T00:00:00Z")
    # the DPO's rewrite stays the DPO's, in Dutch and in English (which Tom never touched)
    dutch = [t for t in tracked if t[0] == "ins" and "besloten groep" in t[3]]
    assert [(a, d) for _, a, d, _ in dutch] == [dpo]
    assert dutch[0][3].endswith("ook niet in een besloten groep")
    english = [t for t in tracked if t[0] == "ins" and "closed group" in t[3]]
    assert english and all((a, d) == dpo for _, a, d, _ in english)
    # only the "." -> "!" is the colleague's (the old full stop outlived the DPO's rewrite)
    toms = [(t[0], t[3]) for t in tracked if t[1] == "Tom Claes"]
    assert toms == [("del", "."), ("ins", "!")]
    assert {t[2] for t in tracked if t[1] == "Tom Claes"} == {"2027-02-05T00:00:00Z"}
    # the replaced law is one citation, struck and inserted whole, by the lawyer
    lawyer = ("Lea Jurist", "2027-02-20T00:00:00Z")
    assert (
        by[
            (
                "del",
                "Wet van 30 juni 1994 betreffende het auteursrecht en de naburige rechten, art. 10",
            )
        ]
        == lawyer
    )
    assert by[("ins", "Wetboek van economisch recht, art. XI.174")] == lawyer
    paragraphs = document.paragraphs  # type: ignore[attr-defined]
    text = "\n".join(p.text for p in paragraphs)
    assert "Dina Pauwels" in text and "proper" not in text and "ja" not in re.findall(r"\w+", text)
    # accepting every change gives the new words, rejecting them the old ones
    rule = next(p for p in paragraphs if "closed group" in accepted(p))
    assert accepted(rule).endswith(
        "What you learn through your work about residents or colleagues you never share "
        "online, not even in a closed group."
    )
    assert rejected(rule).endswith(
        "What you learn through your work and is confidential stays inside."
    )


def test_the_word_file_is_a4_names_the_policy_and_dates_versions_by_their_own_commit(
    in_repo: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, _ = _word(capsys, tmp_path, "changelog", "--audience", "legal")
    section = document.sections[0]  # type: ignore[attr-defined]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    props = document.core_properties  # type: ignore[attr-defined]
    assert props.author == "Gemeente Schelderode" and "python-docx" not in props.last_modified_by
    assert props.title.startswith("Richtlijnen sociale media")
    rows = {
        r.cells[0].text: r.cells[1].text
        for t in document.tables  # type: ignore[attr-defined]
        for r in t.rows
    }
    # the newest end is the unreleased change, named as such; no version takes its date
    assert rows["Nog niet vrijgegeven wijzigingen"].startswith("Vastgelegd op 1 juni 2027")
    assert rows["Versie 1.2.0"] == f"Vastgelegd op 3 mei 2027 ({in_repo['v3'][:7]})"
    assert not any("1 juni 2027" in v for k, v in rows.items() if k.startswith("Versie"))
    assert rows["Status"] == "nog niet vrijgegeven"
    assert rows["Goedkeuring"] == "nog niet goedgekeurd"
    headings = [
        p.text
        for p in document.paragraphs  # type: ignore[attr-defined]
        if p.style.name.startswith("Heading")
    ]
    assert any("1.1.0 → 1.2.0" in h and "vastgelegd op 3 mei 2027" in h for h in headings)


def test_a_drafts_title_page_shows_no_approval_of_the_version_before(
    in_repo: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, _ = _word(
        capsys, tmp_path, "changelog", "--audience", "legal", "--to", in_repo["bang"]
    )
    rows = {
        r.cells[0].text: r.cells[1].text
        for t in document.tables  # type: ignore[attr-defined]
        for r in t.rows
    }
    assert rows["Status"] == "ontwerp"
    assert rows["Goedkeuring"] == "nog niet goedgekeurd"
    assert "Goedgekeurd op" not in rows and "Van kracht vanaf" not in rows
    body = "\n".join(c for c in rows.values())
    assert "2026" not in body and "CBS" not in body  # nothing of 1.0.0's decision


def test_an_adopted_title_page_names_the_body_that_decided(
    in_repo: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, _ = _word(
        capsys, tmp_path, "changelog", "--audience", "legal", "--to", in_repo["law"]
    )
    rows = {
        r.cells[0].text: r.cells[1].text
        for t in document.tables  # type: ignore[attr-defined]
        for r in t.rows
    }
    assert rows["Goedkeuring"] == (
        "Collegebesluit, punt 7 (referentie CBS_00412) door College van "
        "burgemeester en schepenen op 19 februari 2027"
    )
    assert rows["Status"] == "goedgekeurd"


def test_a_clean_working_tree_is_heads_commit(
    in_repo: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, _ = _word(capsys, tmp_path, "diff", "--from", in_repo["v3"])
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]  # type: ignore[attr-defined]
    assert any(in_repo["later"][:7] in c for c in cells)
    assert not any("niet gecommit" in c for c in cells)


def test_golden_legal_redline_of_the_fixture(
    in_repo: dict[str, str], capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    shas = {name: git(Path("."), "rev-parse", sha).strip() for name, sha in in_repo.items()}
    markdown = run(capsys, "changelog", "--audience", "legal", "--format", "markdown")
    assert markdown.code == 0, markdown.err
    golden("legal-redline-fixture-nl.md", _redact(markdown.out, shas))
    html = run(capsys, "changelog", "--audience", "legal", "--format", "html", "--lang", "en")
    assert html.code == 0, html.err
    golden("legal-redline-fixture-en.html", _redact(html.out, shas))
    for text in (markdown.out, html.out):
        assert "proper_name" not in text and "Title is a proper name" not in text
        assert "discretion" not in text and "<del>10</del>" not in text
        assert "3.4 Discretieplicht" in text or "3.4 Discretieplicht" in html.out
    # meta last: after the rules of the version
    version = markdown.out.split("## Beleid 1.0.0 → 1.1.0")[1]
    assert version.index("### Juridische do's en don'ts") < version.index("### Over dit beleid")


def test_json_names_each_change_as_the_redline_does(
    in_repo: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    result = run(capsys, "changelog", "--audience", "legal", "--format", "json")
    assert result.code == 0, result.err
    titles = {c["id"]: c["title"] for e in json.loads(result.out) for c in e["changes"]}
    assert titles["discretion"] == "3.4 Discretieplicht"
    assert titles["image"] == "3.2 Portretrecht"
    assert titles[None] in ("Aanspreekpunt", "Versie", "Van kracht vanaf", "Goedkeuring")


def test_an_adopted_policy_without_a_decision_is_not_called_unapproved() -> None:
    """The Word title page gives the adoption date: its approval row must not contradict it."""
    from policy_rulebook.changelog.legal_fields import approval_line

    data = {"meta": {"status": "adopted", "adopted_on": "2026-04-23"}}
    assert approval_line(None, "nl", data, adopted=True) == "geen besluit vermeld"
    assert approval_line(None, "en", data, adopted=True) == "no decision on record"
    assert approval_line(None, "nl", data) == "nog niet goedgekeurd"  # a draft, unreleased
