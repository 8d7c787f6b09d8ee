"""The staff announcement as a Word file (``changelog --format docx``, audience staff; issue 23).

The same texts as the Markdown and the e-mail (``changelog.staff``): a title, the banner of an
unreleased or draft version, the author's note, a heading per section and a bullet per change,
its lead in bold and its new words bold and underlined, then what they were. A4 paper; the file's
properties name the organisation and the policy.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from policy_rulebook.changelog.model import Item, Text
from policy_rulebook.documents.docx_runs import BOLD, BOLD_UNDERLINED, ITALIC, Body, run


def _paragraphs(text: str) -> list[str]:
    return [part for part in text.split("\n\n") if part]


def _item(body: Body, item: Item) -> None:
    paragraph = body.paragraph("List Bullet")
    run(paragraph, item.lead, BOLD)
    run(paragraph, " ")
    if item.marked:
        for segment in item.marked:
            run(paragraph, segment.text, BOLD_UNDERLINED if segment.op == "+" else None)
    else:
        run(paragraph, item.text)
    if item.after:
        run(paragraph, " " + item.after, color="555555")
    if item.note:
        run(paragraph, f" ({item.note})", ITALIC)


def staff_docx(texts: Sequence[Text], organisation: str, title: str) -> bytes:
    """The announcement of ``texts`` (one version each) as the bytes of a .docx file."""
    import docx
    from docx.shared import Mm, RGBColor

    document = docx.Document()
    for section in document.sections:  # A4, as offices in Europe print
        section.page_width, section.page_height = Mm(210), Mm(297)
    properties = document.core_properties
    properties.title = title
    properties.author = organisation
    properties.comments = ""
    body = Body(document)  # python-docx from here on through body.document
    for text in texts:
        body.document.add_heading(text.title, level=1)
        if text.banner:
            banner = body.document.add_paragraph().add_run(text.banner)
            banner.bold = True
            banner.font.color.rgb = RGBColor(0xA1, 0x26, 0x1B)
        for paragraph in _paragraphs(text.intro):
            body.document.add_paragraph(paragraph)
        for block in text.blocks:
            body.document.add_heading(block.heading, level=2)
            for item in block.items:
                _item(body, item)
        for paragraph in _paragraphs(text.closing):
            body.document.add_paragraph(paragraph)
    out = io.BytesIO()
    body.document.save(out)
    return out.getvalue()
