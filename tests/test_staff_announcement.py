"""The staff announcement read as a comms officer reads it (issues 21 and 23), on the welfare
centre's history (``tests/welfare.py``): Markdown in nl/en/fr as golden files, the e-mail parsed
back with the ``email`` package, the Word file read back with python-docx."""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_rulebook.core import spelling
from policy_rulebook.core.editorial import is_editorial_text_change
from tests.helpers import Golden, run
from tests.welfare import welfare_history


@pytest.fixture(scope="module")
def welfare(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    repo = tmp_path_factory.mktemp("welfare") / "repo"
    return repo, welfare_history(repo)


@pytest.fixture
def shas(welfare: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(welfare[0])
    return welfare[1]


def _version(text: str, heading: str) -> str:
    """The part of an announcement under the heading that contains ``heading``."""
    parts = re.split(r"(?m)^# ", text)
    [part] = [p for p in parts if heading in p.split("\n", 1)[0]]
    return part


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_golden_staff_announcement_of_every_version(
    lang: str, shas: dict[str, str], capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    result = run(capsys, "changelog", "beleid", "--lang", lang)
    assert result.code == 0, result.err
    golden(f"changelog-welfare-staff-{lang}.md", result.out)
    for sha in shas.values():  # goldens hold no commit ids
        assert sha[:7] not in result.out


def test_what_a_comms_officer_reads_in_dutch(
    shas: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(capsys, "changelog", "beleid", "--lang", "nl").out
    typo = _version(out, "versie 1.0.1 —")
    assert "alleen taal en spelling verbeterd" in typo and "bronen" not in typo
    moved = _version(out, "versie 1.1.0 —")
    assert "Gevolg geschrapt" not in moved  # it never had one
    assert "Het beleid geldt vanaf nu ook voor vrijwilligers." in moved  # Policy-Note trailer
    assert "medewerkers **en vrijwilligers** van het welzijnshuis" in moved  # x-announce meta
    sanction = _version(out, "versie 1.2.0 —")
    assert "- **Nieuw gevolg bij Portretrecht:** Een tuchtprocedure, tot en met ontslag" in sanction
    assert "Zo ja: **Neem een screenshot" in sanction and "bij ja nu" not in sanction
    assert "Geschrapt" not in sanction  # the old step is the branch's "was", not a removal
    rewrite = _version(out, "versie 2.0.0 —")
    assert "online, **ook niet in besloten groepen" in rewrite
    assert "(was: Bespreek geen dossiers van cliënten online.)" in rewrite
    laws = _version(out, "versie 2.0.1 —")
    assert "alleen de rechtsgronden bijgewerkt" in laws and "voor jou verandert er niets" in laws
    assert "Aangepast" not in laws
    hours = _version(out, "nog niet vrijgegeven wijzigingen")
    assert "NOG NIET VRIJGEGEVEN" in hours
    assert "Bereikbaarheid: Maandag tot vrijdag van 8 tot 12 uur" in hours
    assert "pieter.maes@beekdal.example" not in hours  # unchanged details are not news
    assert out.count("Lees het volledige beleid: https://intranet.beekdal.example/") == 7


def test_a_dutch_change_is_never_only_the_translation(
    shas: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    for lang, said in (
        ("en", "the Dutch text changed; the English translation follows"),
        ("fr", "le texte en néerlandais a changé ; la traduction en français suivra"),
    ):
        out = _version(run(capsys, "changelog", "beleid", "--lang", lang).out, "2.0.0 —")
        assert "Antwoord binnen **twee werkdagen**, vriendelijk." in out
        assert said in out
        assert "only changes the translation" not in out


def test_policy_url_from_the_configuration(
    shas: dict[str, str], capsys: pytest.CaptureFixture[str], welfare: tuple[Path, dict[str, str]]
) -> None:
    config = welfare[0] / ".rulebook.yaml"
    config.write_text("policy-url: https://beekdal.example/beleid\n", encoding="utf-8")
    try:
        out = run(capsys, "changelog", "beleid", "--lang", "en").out
    finally:
        config.unlink()
    assert "Read the whole policy: https://beekdal.example/beleid" in out


def test_eml_is_a_mail_ready_to_send(
    shas: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "aankondiging.eml"
    result = run(
        capsys, "changelog", "beleid", "--to", shas["2.0.0"], "--format", "eml", "-o", str(target)
    )
    assert result.code == 0, result.err
    raw = target.read_bytes()
    assert raw.isascii() and b"\r\n" in raw  # encoded headers and parts; CRLF as in a .eml
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message.get_content_type() == "multipart/alternative"
    assert message["Subject"] == "Socialemediabeleid van Welzijnshuis Beekdal, versie 2.0.0"
    assert message["X-Unsent"] == "1" and message["From"] is None and message["To"] is None
    plain = message.get_body(("plain",))
    page = message.get_body(("html",))
    assert plain is not None and page is not None
    assert plain.get_content_charset() == page.get_content_charset() == "utf-8"
    text, markup = plain.get_content(), page.get_content()
    assert "Antwoord binnen *twee werkdagen*, vriendelijk." in text
    assert "Antwoord binnen <span style=" in markup and ">twee werkdagen</span>" in markup
    assert "<style" not in markup and "<link" not in markup and "src=" not in markup
    assert "url(" not in markup and markup.count("http") == 2  # only the policy's address
    assert '<a href="https://intranet.beekdal.example/socialemedia"' in markup
    assert "cliënten" in markup  # UTF-8 words as they are
    assert "versie 1.2.0" not in text and "nog niet vrijgegeven" not in text  # one version


def test_eml_leaves_unreleased_changes_out_and_names_sender(
    shas: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    welfare: tuple[Path, dict[str, str]],
) -> None:
    config = welfare[0] / ".rulebook.yaml"
    config.write_text(
        "mail-from: Communicatie <communicatie@beekdal.example>\n"
        "mail-to: personeel@beekdal.example\n",
        encoding="utf-8",
    )
    target = tmp_path / "a.eml"
    try:
        result = run(
            capsys, "changelog", "beleid", "--format", "eml", "--lang", "fr", "-o", str(target)
        )
    finally:
        config.unlink()
    assert result.code == 0, result.err
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert message["From"] == "Communicatie <communicatie@beekdal.example>"
    assert message["To"] == "personeel@beekdal.example"
    assert message["Subject"].endswith("version 2.0.1")  # the newest released version
    body = message.get_body(("plain",))
    assert body is not None and "Disponibilité" not in body.get_content()


def test_eml_is_for_staff(shas: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "changelog", "beleid", "--audience", "legal", "--format", "eml")
    assert result.code == 2 and "--audience staff" in result.err and "Traceback" not in result.err


def test_docx_for_staff_marks_the_new_words(
    shas: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import docx
    from docx.shared import Mm

    target = tmp_path / "a.docx"
    args = ["--to", shas["2.0.0"], "--lang", "en", "--format", "docx", "-o", str(target)]
    result = run(capsys, "changelog", "beleid", *args)
    assert result.code == 0, result.err
    document = docx.Document(str(target))
    section = document.sections[0]
    width, height = section.page_width, section.page_height
    assert width is not None and height is not None
    assert abs(width - Mm(210)) < Mm(1) and abs(height - Mm(297)) < Mm(1)
    assert document.core_properties.author == "Welzijnshuis Beekdal"
    assert (
        document.core_properties.title
        == "Social media policy of Welzijnshuis Beekdal, version 2.0.0"
    )
    texts = [p.text for p in document.paragraphs]
    assert texts[0].startswith("Social media policy of Welzijnshuis Beekdal version 2.0.0")
    marked = [r.text for p in document.paragraphs for r in p.runs if r.bold and r.underline]
    assert "twee werkdagen" in marked  # the Dutch source text, its new words marked
    assert any("the Dutch text changed; the English translation follows" in t for t in texts)


def test_spelling_fixes_by_the_dictionary() -> None:
    assert spelling.available("nl") and spelling.available("fr")
    assert is_editorial_text_change("Vermeld je bronen.", "Vermeld je bronnen.", "nl")
    assert is_editorial_text_change("Cite you sources.", "Cite your sources.", "en")
    assert not is_editorial_text_change("Be kind.", "Be king.", "en")  # two real words
    assert not is_editorial_text_change("Reageer binnen 2 dagen.", "Reageer binnen 3 dagen.")
    assert not is_editorial_text_change("Je mag dat.", "Je moet dat.", "nl")  # rule words


def test_spelling_without_a_dictionary_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    spelling._dictionary.cache_clear()
    monkeypatch.setitem(__import__("sys").modules, "spellchecker", None)  # not installed
    try:
        assert not spelling.available("nl")
        assert is_editorial_text_change("Vermeld je bronen.", "Vermeld je bronnen.", "nl")
        assert is_editorial_text_change("Cite you sources.", "Cite your sources.", "en")
        assert not is_editorial_text_change("Je mag dat.", "Je moet dat.", "nl")
    finally:
        monkeypatch.undo()
        spelling._dictionary.cache_clear()


def test_stale_translation_check(
    shas: dict[str, str], capsys: pytest.CaptureFixture[str], english: None
) -> None:
    result = run(capsys, "lint", "beleid", "--base", shas["1.2.0"], "--select", "RB303")
    assert result.code == 0, result.err  # a warning
    lines = [line for line in result.out.splitlines() if line.startswith("beleid/")]
    assert len(lines) == 2
    assert (
        "reactions.yaml" in lines[1] and "`respond`" in lines[1] and "English, French" in lines[1]
    )
    for lang, said in (("nl", "maar de vertaling in het"), ("fr", "mais pas sa traduction")):
        out = run(capsys, "lint", "beleid", "--lang", lang, "--base", shas["1.2.0"]).out
        assert said in out, lang


_words = st.text(alphabet="abcdeé ,.", max_size=240)


@given(_words, _words)
def test_what_changed_is_always_shown(old: str, new: str) -> None:
    """At any length, the new text reads whole from its marked segments, and a change shows
    either new words marked or the old words as "was: ..." (never nothing; a change of spacing
    only is editorial and never reaches staff)."""
    from policy_rulebook.changelog.staff_items import marked, was

    segments = marked(old, new)
    assert "".join(s.text for s in segments) == new
    if old.split() != new.split() and old.strip() and new.strip():  # not spacing only
        assert was("en", old, new) or any(s.op == "+" and s.text.strip() for s in segments)
