"""Paragraphs, runs and table rows of a Word file, written straight into its XML.

python-docx's ``add_run``, ``bold =``, ``style =`` and ``add_row().cells`` cost tens of
microseconds each (every child is placed by searching its siblings, every name is looked up
again): a scheme of 20,000 questions (140,000 runs) took 15 s to write. ``Body.paragraph``
writes a paragraph as XML text, and ``Body.flush`` parses every pending one in one go before
python-docx touches the document again (``Body.document``); ``run`` also appends to an element
(a table cell's paragraph, python-docx's own) as lxml ``SubElement``s. Either way the XML is the
one python-docx writes, byte for byte: a run's text in ``w:t`` (``xml:space="preserve"`` when it
starts or ends with white space), a tab as ``w:tab``, a line break as ``w:br``; bold, italic,
colour and underline in ``w:rPr`` in the schema's order; a paragraph's style by its id in
``w:pPr/w:pStyle``. Every text goes through ``escape.xml``: a control character (from git or a
policy) is shown as its code, as lxml refuses to write it.
"""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Iterable
from typing import Any, Final

from policy_rulebook.core.escape import xml

# A plain install has no lxml: extras.require names the extra before anything here is used.
with contextlib.suppress(ImportError):
    from lxml import etree
    from lxml.etree import SubElement as SubElement  # also for docx_revisions

W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"
VAL: Final = f"{{{W}}}val"
P, R, T, TAB, BR = (f"{{{W}}}{tag}" for tag in ("p", "r", "t", "tab", "br"))
PPR, PSTYLE, RPR = (f"{{{W}}}{tag}" for tag in ("pPr", "pStyle", "rPr"))
SECT_PR, TC, COLOR, U = (f"{{{W}}}{tag}" for tag in ("sectPr", "tc", "color", "u"))

#: A run's marks, the tags of ``w:rPr``'s children in the schema's order (``b`` before ``i``,
#: ``color`` and ``u``), as python-docx writes them.
BOLD: Final = ("b",)
ITALIC: Final = ("i",)
BOLD_UNDERLINED: Final = ("b", "u")
_BREAKS = re.compile(r"([\t\r\n])")


def run(
    paragraph: Any, text: str, marks: tuple[str, ...] | None = None, color: str | None = None
) -> Any:
    """Append a run of ``text`` to ``paragraph`` (a ``w:p`` element or a python-docx
    paragraph). ``marks`` (``BOLD``, ``ITALIC``, ``BOLD_UNDERLINED``): None writes no ``w:rPr``,
    ``()`` an empty one (as python-docx's ``run.bold = None`` does); ``color`` an RGB colour
    such as ``555555`` (after ``b`` and ``i``, before ``u``)."""
    if type(paragraph) is Paragraph:
        paragraph.parts.append(_run_xml(text, marks, color))
        return None
    r = SubElement(getattr(paragraph, "_p", paragraph), R)
    if marks is not None or color is not None:
        properties = SubElement(r, RPR)
        for tag, value in _properties(marks, color):
            element = SubElement(properties, f"{{{W}}}{tag}")
            if value is not None:
                element.set(VAL, value)
    if text:
        _text(r, xml(text))
    return r


def _text(r: Any, text: str) -> None:
    """``text`` as the content of run ``r``: its pieces in ``w:t``, each tab a ``w:tab``, each
    line break a ``w:br`` (python-docx's ``run.text =``)."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        pieces: Iterable[str] = (text,)
    else:
        pieces = (piece for piece in _BREAKS.split(text) if piece)
    for piece in pieces:
        if piece == "\t":
            SubElement(r, TAB)
        elif piece in ("\r", "\n"):
            SubElement(r, BR)
        else:
            element = SubElement(r, T)
            element.text = piece
            if len(piece.strip()) < len(piece):
                element.set(XML_SPACE, "preserve")


def _properties(marks: tuple[str, ...] | None, color: str | None) -> list[tuple[str, str | None]]:
    """The children of ``w:rPr`` (tag, ``w:val``): the marks, the colour before ``u``."""
    found: list[tuple[str, str | None]] = []
    for mark in marks or ():
        if mark == "u" and color is not None:
            found.append(("color", color))
            color = None
        found.append((mark, "single" if mark == "u" else None))
    if color is not None:
        found.append(("color", color))
    return found


def _run_xml(text: str, marks: tuple[str, ...] | None, color: str | None) -> str:
    """``run``'s element as XML text, for a ``Paragraph`` still being written."""
    key = (marks, color)
    start = _STARTS.get(key)
    if start is None:
        start = "<w:r>"
        if marks is not None or color is not None:
            start += "<w:rPr>"
            for tag, value in _properties(marks, color):
                val = "" if value is None else f' w:val="{escape_text(value)}"'
                start += f"<w:{tag}{val}/>"
            start += "</w:rPr>"
        _STARTS[key] = start
    if not text:
        return start + "</w:r>"
    text = xml(text)
    if "\t" not in text and "\n" not in text and "\r" not in text:
        pieces: Iterable[str] = (text,)
    else:
        pieces = (piece for piece in _BREAKS.split(text) if piece)
    out = [start]
    for piece in pieces:
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif len(piece.strip()) < len(piece):
            out.append(f'<w:t xml:space="preserve">{escape_text(piece)}</w:t>')
        else:
            out.append(f"<w:t>{escape_text(piece)}</w:t>")
    out.append("</w:r>")
    return "".join(out)


_STARTS: dict[tuple[tuple[str, ...] | None, str | None], str] = {}


def escape_text(text: str) -> str:
    """Text for XML content or a quoted attribute value that parses back to exactly ``text``
    (a carriage return or tab would otherwise be read as a line feed or space)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
        .replace("\n", "&#10;")
    )


class Paragraph:
    """A paragraph still being written, as XML text: ``Body.flush`` parses every pending one
    in one go (lxml builds elements from text at a fraction of ``SubElement``'s cost each)."""

    __slots__ = ("parts",)

    def __init__(self, style_id: str | None) -> None:
        self.parts = (
            [f'<w:p><w:pPr><w:pStyle w:val="{escape_text(style_id)}"/></w:pPr>']
            if style_id is not None
            else ["<w:p>"]
        )


def cell_paragraph(cell: Any) -> Any:
    """A new last paragraph in table cell ``cell`` (a ``w:tc``), as ``cell.add_paragraph()``."""
    return SubElement(cell, P)


class Body:
    """Appends paragraphs to a python-docx document's body, before its section properties,
    at a constant cost each (python-docx finds that place by scanning the whole body, and a
    style's id by scanning every style). The paragraphs are written as text and parsed when
    the document is next used through ``document`` (or at ``flush``): a writer reaches the
    python-docx document only through it, so the order of the body is kept."""

    def __init__(self, document: Any) -> None:
        self._document = document
        self._body = document.element.body
        self._style_ids: dict[str, str] = {}
        self._pending: list[Paragraph] = []

    @property
    def document(self) -> Any:
        """The python-docx document, with every paragraph written so far in its body."""
        self.flush()
        return self._document

    def paragraph(self, style: str | None = None, text: str = "") -> Paragraph:
        """A new paragraph at the end of the body, in ``style`` (a style's name, such as
        ``List Bullet``), holding ``text`` as one run if any."""
        style_id = None
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self._document.styles[style].style_id
            style_id = self._style_ids[style]
        paragraph = Paragraph(style_id)
        self._pending.append(paragraph)
        if text:
            run(paragraph, text)
        return paragraph

    def flush(self) -> None:
        """Parse the pending paragraphs into the body, before its section properties."""
        if not self._pending:
            return
        text = "".join("".join(p.parts) + "</w:p>" for p in self._pending)
        self._pending = []
        # no DTD, no entities: the text is ours; huge_tree for a text over 10 MB
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        parsed = etree.fromstring(f'<w:body xmlns:w="{W}">{text}</w:body>'.encode(), parser)
        try:
            last = self._body[-1]  # from the end: len(body) would count every paragraph
        except IndexError:
            last = None
        for element in list(parsed):
            if last is not None and last.tag == SECT_PR:
                last.addprevious(element)
            else:
                self._body.append(element)


class Rows:
    """Appends rows to a python-docx table, each a copy of the empty row python-docx's
    ``add_row`` makes (a ``w:tc`` per column with its width and one empty paragraph)."""

    def __init__(self, table: Any) -> None:
        self._tbl = table._tbl
        self._empty = table.add_row()._tr
        self._tbl.remove(self._empty)

    def add(self) -> list[Any]:
        """A new last row: the ``w:tc`` elements of its cells; ``cell[-1]`` is the empty
        paragraph each cell starts with."""
        tr = copy.deepcopy(self._empty)
        self._tbl.append(tr)
        return [cell for cell in tr if cell.tag == TC]

    def texts(self, *texts: str) -> list[Any]:
        """A new last row whose cells hold ``texts``, as ``cell.text = text`` writes them."""
        cells = self.add()
        for cell, text in zip(cells, texts, strict=True):
            run(cell[-1], text)
        return cells
