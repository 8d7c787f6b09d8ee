"""Paragraphs, runs and table rows of a Word file, built directly as its XML elements.

python-docx's ``add_run``, ``bold =``, ``style =`` and ``add_row().cells`` cost tens of
microseconds each (every child is placed by searching its siblings, every name is looked up
again): a scheme of 20,000 questions (140,000 runs) took 15 s to write. Here each element is one
lxml ``SubElement``, and the XML is the same python-docx writes, byte for byte: a run's text in
``w:t`` (``xml:space="preserve"`` when it starts or ends with white space), a tab as
``w:tab``, a line break as ``w:br``; bold, italic, colour and underline in ``w:rPr`` in the
schema's order; a paragraph's style by its id in ``w:pPr/w:pStyle``. Every text goes through
``escape.xml``: a control character (from git or a policy) is shown as its code, as lxml
refuses to write it.
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
    r = SubElement(getattr(paragraph, "_p", paragraph), R)
    if marks is not None or color is not None:
        properties = SubElement(r, RPR)
        for mark in marks or ():
            if mark == "u":
                if color is not None:
                    SubElement(properties, COLOR).set(VAL, color)
                    color = None
                SubElement(properties, U).set(VAL, "single")
            else:
                SubElement(properties, f"{{{W}}}{mark}")
        if color is not None:
            SubElement(properties, COLOR).set(VAL, color)
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


def cell_paragraph(cell: Any) -> Any:
    """A new last paragraph in table cell ``cell`` (a ``w:tc``), as ``cell.add_paragraph()``."""
    return SubElement(cell, P)


class Body:
    """Appends paragraphs to a python-docx document's body, before its section properties,
    at a constant cost each (python-docx finds that place by scanning the whole body, and a
    style's id by scanning every style)."""

    def __init__(self, document: Any) -> None:
        self._document = document
        self._body = document.element.body
        self._style_ids: dict[str, str] = {}

    def paragraph(self, style: str | None = None, text: str = "") -> Any:
        """A new paragraph (a ``w:p`` element) at the end of the body, in ``style`` (a style's
        name, such as ``List Bullet``), holding ``text`` as one run if any."""
        element = self._body.makeelement(P)
        try:
            last = self._body[-1]  # from the end: len(body) would count every paragraph
        except IndexError:
            last = None
        if last is not None and last.tag == SECT_PR:
            last.addprevious(element)
        else:
            self._body.append(element)
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self._document.styles[style].style_id
            SubElement(SubElement(element, PPR), PSTYLE).set(VAL, self._style_ids[style])
        if text:
            run(element, text)
        return element


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
