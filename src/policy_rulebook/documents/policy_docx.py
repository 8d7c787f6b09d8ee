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
from policy_rulebook.documents.docx_runs import BOLD, ITALIC, Body, Rows, cell_paragraph, run
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
    # from here on python-docx is reached through body.document (docx_runs.Body)
    body = Body(word)
    del word
    facts = body.document.add_table(rows=0, cols=2)
    facts.style = "Table Grid"
    rows = Rows(facts)
    for fact in policy.facts:
        rows.texts(fact.label, plain(fact.value))
    if policy.summary:
        body.paragraph(text=plain(policy.summary))
    # The contents, as on the page: a printed annex has no links, so the numbers lead.
    body.document.add_heading(policy.words["contents"], level=1)
    for part in policy.parts:
        body.paragraph(text=f"{part.number}. {part.title}")
    for part in policy.parts:
        body.document.add_heading(f"{part.number}. {part.title}", level=1)
        for block in part.blocks:
            _block(body, block)
    out = io.BytesIO()
    body.document.save(out)
    return out.getvalue()


def _block(body: Body, block: Block) -> None:
    if isinstance(block, Heading):
        number = f"{block.number} " if block.number else ""
        body.document.add_heading(number + block.title, level=2)
    elif isinstance(block, Text):
        paragraph = body.paragraph()
        if block.label:
            run(paragraph, f"{block.label}: ", ITALIC)
        _runs(paragraph, block.value, quote=block.quote)
    elif isinstance(block, Group):
        for item in block.items:
            _item(body, item)
    elif isinstance(block, Table):
        _table(body, block)
    elif isinstance(block, Figure):
        _figure(body, block)


def _runs(paragraph: Any, runs: Inline, quote: bool = False, bold: bool = False) -> None:
    """The words; a web address after its text, as the printed page has no links."""
    text = "".join(
        run.text + (f" ({run.href})" if run.href and run.href.startswith("http") else "")
        for run in runs
    )
    # an empty w:rPr when not bold, as python-docx's `run.bold = None` wrote it
    run(paragraph, f"“{text}”" if quote else text, BOLD if bold else ())


def _item(body: Body, item: Item) -> None:
    paragraph = body.paragraph()
    if item.number:
        run(paragraph, f"{item.number}  ", BOLD)
    if item.tag:
        run(paragraph, f"{item.tag}: ", BOLD)
    _runs(paragraph, item.lead, bold=True)
    for field in item.fields:
        extra = body.paragraph("List Continue")
        if field.label:
            run(extra, f"{field.label}: ", ITALIC)
        _runs(extra, field.value, quote=field.key == "question")


def _table(body: Body, block: Table) -> None:
    table = body.document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, block.columns, strict=True):
        cell.text = ""
        run(cell.paragraphs[0], column, BOLD)
    rows = Rows(table)
    for row in block.rows:
        cells = rows.add()
        head = cells[0][-1]  # the cell's empty paragraph
        if row.number:
            run(head, f"{row.number}  ", BOLD)
        _runs(head, row.head, bold=True)
        if row.detail:
            _runs(cell_paragraph(cells[0]), row.detail)
        for cell, value in zip(cells[1:], row.cells, strict=True):
            run(cell[-1], plain(value))


def _figure(body: Body, figure: Figure) -> None:
    from docx.shared import Cm

    from policy_rulebook.documents.scheme_picture import scheme_png

    if figure.layout is None:  # too large to draw: the steps follow in words
        run(body.paragraph(), figure.caption, ITALIC)
        return
    picture = scheme_png(figure.layout)
    if picture is not None:
        body.document.add_picture(io.BytesIO(picture), width=Cm(16))
        run(body.paragraph(), figure.caption, ITALIC)
