"""``render --format pdf|docx``: the whole policy printed, numbered, with the scheme and a footer
on every page; read back with pypdf and python-docx."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from policy_rulebook.core import loader
from policy_rulebook.core.articles import numbers
from tests.helpers import BUNDLED, run

# The errors are read in English (the bundled policy is Dutch; see test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")


def _weasyprint_works() -> str | None:
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        return "WeasyPrint is not installed (pip install 'policy-rulebook[pdf]')"
    except OSError as error:
        return f"WeasyPrint's system libraries are missing: {error}"
    return None


needs_pdf = pytest.mark.skipif(_weasyprint_works() is not None, reason=str(_weasyprint_works()))


def _draft(tmp_path: Path) -> Path:
    target = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, target)
    meta = target / "meta.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("status: adopted", "status: draft"),
        encoding="utf-8",
    )
    return target


@pytest.fixture(scope="module")
def pdf_pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    if _weasyprint_works() is not None:
        pytest.skip(str(_weasyprint_works()))
    import pypdf

    from policy_rulebook.cli import main

    target = tmp_path_factory.mktemp("pdf") / "beleid.pdf"
    with pytest.raises(SystemExit) as done:
        main(["render", str(BUNDLED), "--format", "pdf", "-o", str(target)])
    assert done.value.code == 0
    assert target.read_bytes().startswith(b"%PDF-")
    return [page.extract_text() for page in pypdf.PdfReader(str(target)).pages]


@needs_pdf
def test_pdf_has_a_footer_with_version_date_and_approval_on_every_page(
    pdf_pages: list[str],
) -> None:
    assert len(pdf_pages) > 5
    footer = "Versie 2.1.0 · Van kracht vanaf 1 maart 2027 · Goedgekeurd op 23 november 2026"
    for index, text in enumerate(pdf_pages, start=1):
        assert footer in " ".join(text.split()), index
        assert f"{index} / {len(pdf_pages)}" in text


@needs_pdf
def test_pdf_has_the_numbered_articles_and_the_scheme(pdf_pages: list[str]) -> None:
    text = "\n".join(pdf_pages)
    document = loader.load(BUNDLED)
    for key, number in numbers(document.data).items():
        assert re.search(rf"(^|\s){re.escape(number)}\s", text), (key, number)
    assert "2.1 Do's" in text and "2.2 Don'ts" in text and "6. Hoe reageer je" in text
    scheme_page = next(p for p in pdf_pages if "Reactieschema" in p)
    # the drawing's own words (SVG text), with its answers
    assert "Heeft iemand iets gepost" in scheme_page and re.search(r"\bnee\b", scheme_page)


@needs_pdf
def test_a_draft_says_so_on_every_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import pypdf

    target = tmp_path / "ontwerp.pdf"
    result = run(capsys, "render", str(_draft(tmp_path)), "--format", "pdf", "-o", str(target))
    assert result.code == 0, result.err
    pages = pypdf.PdfReader(str(target)).pages
    assert all("ONTWERP" in page.extract_text() for page in pages)


def test_pdf_without_weasyprint_names_the_extra(tmp_path: Path) -> None:
    import subprocess
    import sys

    target = tmp_path / "beleid.pdf"
    code = (
        "import sys; sys.modules['weasyprint'] = None\n"
        "from policy_rulebook.cli import main\n"
        f"main(['render', {str(BUNDLED)!r}, '--format', 'pdf', '-o', {str(target)!r}])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "rulebook: error: --format pdf needs WeasyPrint: pip install 'policy-rulebook[pdf]'"
    ]
    assert not target.exists()


def test_docx_of_the_policy_has_numbers_the_scheme_picture_and_a_footer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    target = tmp_path / "beleid.docx"
    result = run(capsys, "render", str(BUNDLED), "--format", "docx", "-o", str(target))
    assert (result.code, result.err) == (0, "")
    word = docx.Document(str(target))
    text = _word_text(word)
    for number in numbers(loader.load(BUNDLED).data).values():
        assert re.search(rf"(^|\n){re.escape(number)}  ", text), number
    assert len(word.inline_shapes) == 1  # the scheme as a picture
    footer = word.sections[0].footer.paragraphs[0].text
    assert footer == (
        "Versie 2.1.0 · Van kracht vanaf 1 maart 2027 · Goedgekeurd op 23 november 2026"
    )
    draft = tmp_path / "ontwerp.docx"
    run(capsys, "render", str(_draft(tmp_path)), "--format", "docx", "-o", str(draft))
    assert docx.Document(str(draft)).sections[0].header.paragraphs[0].text == "ONTWERP"


def test_articles_keep_their_numbers_when_items_are_added_at_the_end() -> None:
    data = loader.load(BUNDLED).data
    before = numbers(data)
    data["conduct"]["dos"].append({"id": "new-rule", "text": {"nl": "x", "en": "x"}})
    after = numbers(data)
    assert {k: after[k] for k in before} == before
    assert after["conduct/dos/new-rule"] == f"2.1.{len(data['conduct']['dos'])}"


def test_binary_formats_refuse_a_terminal_and_go_to_a_pipe() -> None:
    from policy_rulebook.app.output import deliver

    class Pipe(io.BytesIO):
        def isatty(self) -> bool:
            return False

    pipe = Pipe()
    assert deliver(b"%PDF-1.7", None, pipe) == "" and pipe.getvalue() == b"%PDF-1.7"


def test_a_draft_shows_no_approval_or_dates_of_the_version_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The draft still carries 2.1.0's adoption, effective date and approval in meta: no
    document of the draft may show them (web page header, PDF footer, Word title page)."""
    import docx

    draft = _draft(tmp_path)
    html = run(capsys, "render", str(draft), "--format", "html")
    assert html.code == 0, html.err
    header = html.out.split('<header class="doc">')[1].split("</header>")[0]
    assert "23 november 2026" not in header and "1 maart 2027" not in header
    target = tmp_path / "ontwerp.docx"
    run(capsys, "render", str(draft), "--format", "docx", "-o", str(target))
    word = docx.Document(str(target))
    footer = word.sections[0].footer.paragraphs[0].text
    assert footer == "Versie 2.1.0 · ONTWERP"
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert not any("23 november 2026" in c or "1 maart 2027" in c for c in cells)


def test_every_docx_is_a4_and_names_the_organisation_and_the_policy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    target = tmp_path / "beleid.docx"
    run(capsys, "render", str(BUNDLED), "--format", "docx", "-o", str(target))
    word = docx.Document(str(target))
    section = word.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    props = word.core_properties
    assert props.author == "Stad Lindebeek" and props.last_modified_by == "Stad Lindebeek"
    assert "python-docx" not in f"{props.author} {props.comments} {props.last_modified_by}"
    assert props.title == "Socialemediabeleid van Stad Lindebeek" and props.keywords == "2.1.0"


def _word_text(word: Any) -> str:
    """The paragraphs and the table cells of a Word file, in order enough for a search."""
    cells = [
        p.text
        for table in word.tables
        for row in table.rows
        for c in row.cells
        for p in c.paragraphs
    ]
    return "\n".join([p.text for p in word.paragraphs] + cells)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_docx_of_the_policy_holds_every_text_the_page_holds(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Word policy leaves nothing out: every text of the policy in the language, the
    distribution section (numbered 9) and each scenario's step of the scheme."""
    import docx

    from policy_rulebook.core.texts import iter_texts

    target = tmp_path / "beleid.docx"
    result = run(
        capsys, "render", str(BUNDLED), "--format", "docx", "--lang", lang, "-o", str(target)
    )
    assert (result.code, result.err) == (0, "")
    text = " ".join(_word_text(docx.Document(str(target))).split())
    document = loader.load(BUNDLED)
    texts = [value[lang] for _, value in iter_texts(document) if isinstance(value, dict)]
    assert len(texts) > 250
    missing = [t for t in texts if " ".join(t.split()) not in text]
    assert missing == []
    assert re.search(r"(^| )9\. \S", text) and "9.1  " in _word_text(docx.Document(str(target)))
    contents = [p.text for p in docx.Document(str(target)).paragraphs]
    parts = contents[contents.index("Inhoud" if lang == "nl" else "Contents") + 1 :][:9]
    assert [p.split(".")[0] for p in parts] == [str(n) for n in range(1, 10)]
    step = "Stap in het schema" if lang == "nl" else "Step in the scheme"
    assert text.count(f"{step}: ") == len(document.get("reactions", "scenarios"))
