"""Tracked changes in a Word document: the ``w:ins`` and ``w:del`` elements python-docx lacks.

python-docx writes paragraphs, runs, headings, sections and footers, but has no API for
revisions. Word's format for them is small (ECMA-376 part 1, 17.13.5): an insertion wraps
ordinary runs in ``<w:ins w:id w:author w:date>``; a deletion wraps runs whose text is in
``<w:delText>`` instead of ``<w:t>`` in ``<w:del ...>``. Word and LibreOffice list each one in
the review pane with its author and date, and "accept all" keeps the insertions and drops the
deletions. ``accepted`` and ``rejected`` read a paragraph back either way (tests, checks).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from typing import Any

from policy_rulebook.core.escape import xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def word_date(value: str | None) -> str | None:
    """A date or timestamp as Word writes ``w:date`` (``2027-02-10T00:00:00Z``); None if the
    value is not one."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class Revisions:
    """Writes tracked insertions and deletions into python-docx paragraphs, each with its own
    id (Word needs the ids of a document's revisions to differ)."""

    def __init__(self, first_id: int = 1) -> None:
        self._ids = itertools.count(first_id)

    def insert(
        self, paragraph: Any, text: str, author: str, date: str | None, bold: bool = False
    ) -> Any:
        """Append ``text`` as a tracked insertion by ``author`` on ``date``."""
        return self._wrap(paragraph, "ins", "t", text, author, date, bold)

    def delete(
        self, paragraph: Any, text: str, author: str, date: str | None, bold: bool = False
    ) -> Any:
        """Append ``text`` as a tracked deletion (struck through in Word) by ``author``."""
        return self._wrap(paragraph, "del", "delText", text, author, date, bold)

    def _wrap(
        self,
        paragraph: Any,
        kind: str,
        text_tag: str,
        text: str,
        author: str,
        date: str | None,
        bold: bool,
    ) -> Any:
        from docx.oxml import OxmlElement

        mark = OxmlElement(f"w:{kind}")
        mark.set(_w("id"), str(next(self._ids)))
        mark.set(_w("author"), xml(author))  # git data: any character
        stamp = word_date(date)
        if stamp:
            mark.set(_w("date"), stamp)
        run = OxmlElement("w:r")
        if bold:
            properties = OxmlElement("w:rPr")
            properties.append(OxmlElement("w:b"))
            run.append(properties)
        element = OxmlElement(f"w:{text_tag}")
        element.set(XML_SPACE, "preserve")
        element.text = _xml_safe(text)
        run.append(element)
        mark.append(run)
        paragraph._p.append(mark)
        return mark


def styled_paragraph(document: Any, style: str | None = None, text: str = "") -> Any:
    """``document.add_paragraph(text, style=style)`` at a constant cost. python-docx finds
    its place before the section properties by scanning the whole body for each paragraph
    (quadratic: a scheme of 20,000 questions did not finish in a minute), and checks the
    style against the default one by scanning every style (4 ms a paragraph). Same XML: the
    paragraph goes before the body's last ``w:sectPr`` and names the style's id."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    body = document.element.body
    element = OxmlElement("w:p")
    try:
        last = body[-1]  # from the end: len(body) would count every paragraph
    except IndexError:
        last = None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(element)
    else:
        body.append(element)
    paragraph = Paragraph(element, document._body)
    if text:
        paragraph.add_run(text)
    if style is not None:
        ids = document.__dict__.setdefault("_rulebook_style_ids", {})  # one lookup a style
        if style not in ids:
            ids[style] = document.styles[style].style_id
        element.get_or_add_pPr().style = ids[style]
    return paragraph


def _xml_safe(text: str) -> str:
    """Text that XML 1.0 can hold: other control characters become U+FFFD."""
    return "".join(
        c
        if c in "\t\n\r"
        or (" " <= c <= "\ud7ff")
        or ("\ue000" <= c <= "\ufffd")
        or c >= "\U00010000"
        else "\ufffd"
        for c in text
    )


def _runs_text(element: Any, accept: bool) -> Iterable[str]:
    for child in element.iterchildren():
        tag = child.tag
        if tag == _w("r"):
            for part in child.iterchildren():
                if part.tag == _w("t"):
                    yield part.text or ""
                elif part.tag == _w("tab"):
                    yield "\t"
                elif part.tag == _w("delText") and not accept:
                    yield part.text or ""
        elif tag == _w("ins"):
            if accept:
                yield from _runs_text(child, accept)
        elif tag == _w("del"):
            if not accept:
                yield from _runs_text(child, accept)
        elif tag in (_w("hyperlink"), _w("smartTag")):
            yield from _runs_text(child, accept)


def accepted(paragraph: Any) -> str:
    """The paragraph's text with every change accepted (insertions kept, deletions gone)."""
    return "".join(_runs_text(getattr(paragraph, "_p", paragraph), True))


def rejected(paragraph: Any) -> str:
    """The paragraph's text with every change rejected (as it was before)."""
    return "".join(_runs_text(getattr(paragraph, "_p", paragraph), False))


def revisions(paragraph: Any) -> list[tuple[str, str, str | None, str]]:
    """The tracked changes in a paragraph: (``ins`` or ``del``, author, date, text)."""
    found = []
    for child in getattr(paragraph, "_p", paragraph).iterchildren():
        if child.tag in (_w("ins"), _w("del")):
            kind = "ins" if child.tag == _w("ins") else "del"
            text = (
                "".join(_runs_text(child, kind == "ins"))
                if kind == "ins"
                else "".join(t.text or "" for t in child.iter(_w("delText")))
            )
            found.append((kind, child.get(_w("author")), child.get(_w("date")), text))
    return found
