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
import re
from collections.abc import Iterable
from typing import Any

from policy_rulebook.core.escape import xml
from policy_rulebook.documents.docx_runs import RPR, Paragraph, SubElement, escape_text

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
    """Writes tracked insertions and deletions into paragraphs (python-docx's or ``w:p``
    elements), each with its own id (Word needs the ids of a document's revisions to differ)."""

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
        stamp = word_date(date)
        if isinstance(paragraph, Paragraph):  # still being written as text (docx_runs.Body)
            dated = f' w:date="{stamp}"' if stamp else ""
            paragraph.parts.append(
                f'<w:{kind} w:id="{next(self._ids)}" w:author="{escape_text(xml(author))}"'
                f"{dated}><w:r>{'<w:rPr><w:b/></w:rPr>' if bold else ''}"
                f'<w:{text_tag} xml:space="preserve">{escape_text(_xml_safe(text))}'
                f"</w:{text_tag}></w:r></w:{kind}>"
            )
            return None
        mark = SubElement(getattr(paragraph, "_p", paragraph), _w(kind))
        mark.set(_w("id"), str(next(self._ids)))
        mark.set(_w("author"), xml(author))  # git data: any character
        if stamp:
            mark.set(_w("date"), stamp)
        run = SubElement(mark, _w("r"))
        if bold:
            SubElement(SubElement(run, RPR), _w("b"))
        element = SubElement(run, _w(text_tag))
        element.set(XML_SPACE, "preserve")
        element.text = _xml_safe(text)
        return mark


#: What XML 1.0 cannot hold (C0 but tab and line breaks, surrogates, U+FFFE, U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(text: str) -> str:
    """Text that XML 1.0 can hold: other control characters become U+FFFD."""
    if text.isprintable():  # the common case: no character to look at one by one
        return text
    return _NOT_XML.sub("\ufffd", text)


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
