"""The runs, paragraphs and table rows ``documents.docx_runs`` writes straight into the XML:
python-docx reads them back as it wrote them (text, style, bold, italic, underline, colour),
the XML is the same as python-docx's own, and a control character is shown as its code."""

from __future__ import annotations

import io

import docx
from docx.text.paragraph import Paragraph
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from policy_rulebook.documents.docx_revisions import Revisions, accepted, rejected, revisions
from policy_rulebook.documents.docx_runs import (
    BOLD,
    BOLD_UNDERLINED,
    ITALIC,
    Body,
    Rows,
    cell_paragraph,
    run,
)


def _reread(document: docx.document.Document) -> docx.document.Document:
    out = io.BytesIO()
    document.save(out)
    return docx.Document(io.BytesIO(out.getvalue()))


def test_paragraphs_and_runs_read_back_with_python_docx() -> None:
    document = docx.Document()
    document.add_heading("Title", level=1)
    body = Body(document)
    first = body.paragraph("List Bullet")
    run(first, "Lead ", BOLD)
    run(first, "in italics", ITALIC)
    run(first, " new words", BOLD_UNDERLINED)
    run(first, " grey", color="555555")
    body.paragraph("List Continue", "  spaced\tand\nbroken ")
    body.paragraph()
    body.document.add_paragraph("after, by python-docx")
    found = _reread(document)
    paragraphs = found.paragraphs
    assert [p.text for p in paragraphs] == [
        "Title",
        "Lead in italics new words grey",
        "  spaced\tand\nbroken ",
        "",
        "after, by python-docx",
    ]
    assert [p.style and p.style.name for p in paragraphs[1:3]] == ["List Bullet", "List Continue"]
    lead, italic, new, grey = paragraphs[1].runs
    assert (lead.bold, lead.italic, lead.underline) == (True, None, None)
    assert (italic.bold, italic.italic) == (None, True)
    assert (new.bold, new.underline) == (True, True)
    assert str(grey.font.color.rgb) == "555555" and grey.bold is None
    # the body's section properties stay last, after every paragraph
    assert found.element.body[-1].tag.endswith("}sectPr")


def test_control_characters_are_shown_as_their_code() -> None:
    document = docx.Document()
    body = Body(document)
    paragraph = body.paragraph(text="Eve\x1b]0;x\x07 \ufffe")
    run(paragraph, "\x00", BOLD)
    body.flush()
    text = _reread(document).paragraphs[0].text
    assert text == "Eve\\x1b]0;x\\x07 \\ufffe\\x00"


def _same_as_python_docx(text: str, bold: bool | None) -> tuple[bytes, bytes]:
    theirs = docx.Document().add_paragraph()
    added = theirs.add_run(text)
    if bold is not None:
        added.bold = bold or None
    ours = docx.Document().add_paragraph()
    run(ours, text, (BOLD if bold else ()) if bold is not None else None)
    return etree.tostring(ours._p), etree.tostring(theirs._p)


@settings(max_examples=200)
@given(
    st.text(st.sampled_from(list("ab \t\n\r<&>\u00a0é")), max_size=20),
    st.sampled_from([None, True, False]),
)
def test_a_run_is_the_xml_python_docx_writes(text: str, bold: bool | None) -> None:
    ours, theirs = _same_as_python_docx(text, bold)
    assert ours == theirs


def test_rows_are_the_rows_python_docx_adds() -> None:
    def table(ours: bool) -> bytes:
        document = docx.Document()
        grid = document.add_table(rows=0, cols=3)
        grid.style = "Table Grid"
        if ours:
            rows = Rows(grid)
            rows.texts("a", " b ", "")
            cells = rows.add()
            run(cells[0][-1], "1  ", BOLD)
            run(cell_paragraph(cells[0]), "detail")
        else:
            row = grid.add_row().cells
            row[0].text, row[1].text, row[2].text = "a", " b ", ""
            row = grid.add_row().cells
            row[0].paragraphs[0].add_run("1  ").bold = True
            row[0].add_paragraph().add_run("detail")
        return bytes(etree.tostring(grid._tbl))

    assert table(True) == table(False)
    document = docx.Document()
    grid = document.add_table(rows=0, cols=2)
    Rows(grid).texts("Versie", "2.1.0")
    found = _reread(document).tables[0]
    assert [c.text for c in found.rows[0].cells] == ["Versie", "2.1.0"]


def test_tracked_changes_go_into_a_paragraph_element_or_one_being_written() -> None:
    document = docx.Document()
    body = Body(document)
    written = body.paragraph("List Continue")
    element = document.add_paragraph(style="List Continue")._p
    for paragraph in (written, element):
        run(paragraph, "Vraag ")
        writer = Revisions()
        writer.delete(paragraph, "mondeling\r", 'Lea "L" <l@x>\t', "2027-02-10")
        writer.insert(paragraph, "schriftelijk\x01 & <b>", "Lea", "2027-02-10", bold=True)
    body.flush()  # ours after python-docx's, before the section properties
    ours, theirs = document.element.body[-2], element
    assert etree.tostring(ours) == etree.tostring(theirs)
    read = Paragraph(ours, document.part)
    assert accepted(read) == "Vraag schriftelijk\ufffd & <b>"
    assert rejected(read) == "Vraag mondeling\r"
    assert revisions(read)[0][1] == 'Lea "L" <l@x>\t'


@settings(max_examples=300)
@given(
    st.text(st.sampled_from(list("ab \t\n\r<&>\"'\x01\x1b\u00a0\u2028\ufffeé")), max_size=20),
    st.sampled_from([None, (), BOLD, ITALIC, BOLD_UNDERLINED]),
    st.sampled_from([None, "555555"]),
)
def test_a_run_written_as_text_is_the_run_built_as_elements(
    text: str, marks: tuple[str, ...] | None, color: str | None
) -> None:
    document = docx.Document()
    body = Body(document)
    run(body.paragraph("List Bullet"), text, marks, color)
    built = document.add_paragraph(style="List Bullet")
    run(built, text, marks, color)
    body.flush()  # after python-docx's paragraph, which did not go through body.document
    written = document.element.body[-2]
    assert etree.tostring(written) == etree.tostring(built._p)
    reread = _reread(document).paragraphs
    assert reread[-1].text == reread[-2].text


def test_the_document_is_reached_with_every_paragraph_in_place() -> None:
    document = docx.Document()
    body = Body(document)
    run(body.paragraph(), "first", BOLD)
    body.document.add_heading("second", level=1)
    body.paragraph(text="third")
    live = body.document.paragraphs  # python-docx's own classes on the parsed elements
    assert [p.text for p in live] == ["first", "second", "third"]
    assert live[0].runs[0].bold is True
