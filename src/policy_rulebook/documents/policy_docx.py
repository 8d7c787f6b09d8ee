"""The whole policy as a Word file (``render --format docx``), as printed for the annex.

A walk over the same numbered blocks (``documents.model``) as the HTML page and the PDF: the
same content, order and article numbers; the reaction scheme as a picture
(``documents.scheme_picture``) followed by its steps in words; tables as Word tables; the
version, effective date and approval in the footer of every page; a draft says DRAFT / ONTWERP
in every page's header.
"""

from __future__ import annotations

import io
from typing import Any

from policy_rulebook.core.document import Document
from policy_rulebook.core.scheme import Scheme
from policy_rulebook.documents.blocks import (
    Block,
    Figure,
    Group,
    Heading,
    Inline,
    Item,
    Policy,
    Table,
    Text,
    plain,
)
from policy_rulebook.documents.docx_page import a4, properties
from policy_rulebook.documents.docx_revisions import styled_paragraph
from policy_rulebook.documents.model import build


def policy_docx(document: Document, scheme: Scheme | None, language: str | None) -> bytes:
    from policy_rulebook.documents.extras import require

    require("documents", "--format docx")  # a plain install has no python-docx
    return write(build(document, scheme, language))


def write(policy: Policy) -> bytes:
    from docx import Document as Word
    from docx.shared import Pt, RGBColor

    word = Word()
    a4(word)  # one page setup for every .docx we write (documents.docx_page)
    title = plain(policy.title) or policy.organisation
    version = next((plain(f.value) for f in policy.facts if f.key == "version"), "")
    properties(word, policy.organisation, title, title, policy.language, version)
    section = word.sections[0]
    footer = section.footer.paragraphs[0]
    footer.text = policy.footer
    footer.runs[0].font.size = Pt(8)
    if policy.draft:
        mark = section.header.paragraphs[0].add_run(policy.words["draft"].upper())
        mark.bold, mark.font.size = True, Pt(28)
        mark.font.color.rgb = RGBColor(0xA0, 0x00, 0x00)
    word.add_heading(plain(policy.title), level=0)
    word.add_paragraph(policy.organisation)
    table = word.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for fact in policy.facts:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = fact.label, plain(fact.value)
    if policy.summary:
        word.add_paragraph(plain(policy.summary))
    # The contents, as on the page: a printed annex has no links, so the numbers lead.
    word.add_heading(policy.words["contents"], level=1)
    for part in policy.parts:
        word.add_paragraph(f"{part.number}. {part.title}")
    for part in policy.parts:
        word.add_heading(f"{part.number}. {part.title}", level=1)
        for block in part.blocks:
            _block(word, block)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _block(word: Any, block: Block) -> None:
    if isinstance(block, Heading):
        number = f"{block.number} " if block.number else ""
        word.add_heading(number + block.title, level=2)
    elif isinstance(block, Text):
        paragraph = word.add_paragraph()
        if block.label:
            paragraph.add_run(f"{block.label}: ").italic = True
        _runs(paragraph, block.value, quote=block.quote)
    elif isinstance(block, Group):
        for item in block.items:
            _item(word, item)
    elif isinstance(block, Table):
        _table(word, block)
    elif isinstance(block, Figure):
        _figure(word, block)


def _runs(paragraph: Any, runs: Inline, quote: bool = False, bold: bool = False) -> None:
    """The words; a web address after its text, as the printed page has no links."""
    text = "".join(
        run.text + (f" ({run.href})" if run.href and run.href.startswith("http") else "")
        for run in runs
    )
    run = paragraph.add_run(f"“{text}”" if quote else text)
    run.bold = bold or None


def _item(word: Any, item: Item) -> None:
    paragraph = styled_paragraph(word)  # constant cost a paragraph (a 20,000-step scheme)
    if item.number:
        paragraph.add_run(f"{item.number}  ").bold = True
    if item.tag:
        paragraph.add_run(f"{item.tag}: ").bold = True
    _runs(paragraph, item.lead, bold=True)
    for field in item.fields:
        extra = styled_paragraph(word, "List Continue")
        if field.label:
            extra.add_run(f"{field.label}: ").italic = True
        _runs(extra, field.value, quote=field.key == "question")


def _table(word: Any, block: Table) -> None:
    table = word.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, block.columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(column).bold = True
    for row in block.rows:
        cells = table.add_row().cells
        head = cells[0].paragraphs[0]
        if row.number:
            head.add_run(f"{row.number}  ").bold = True
        _runs(head, row.head, bold=True)
        if row.detail:
            _runs(cells[0].add_paragraph(), row.detail)
        for cell, value in zip(cells[1:], row.cells, strict=True):
            cell.text = plain(value)


def _figure(word: Any, figure: Figure) -> None:
    from docx.shared import Cm

    from policy_rulebook.documents.scheme_picture import scheme_png

    if figure.layout is None:  # too large to draw: the steps follow in words
        word.add_paragraph(figure.caption).runs[0].italic = True
        return
    picture = scheme_png(figure.layout)
    if picture is not None:
        word.add_picture(io.BytesIO(picture), width=Cm(16))
        word.add_paragraph(figure.caption).runs[0].italic = True
