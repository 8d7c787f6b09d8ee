"""Word-level redline of two texts: the words struck and the words inserted."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]+")


@dataclass(frozen=True)
class Segment:
    """A run of text that is kept (``=``), deleted (``-``) or inserted (``+``)."""

    op: str
    text: str


def tokens(text: str) -> list[str]:
    """Words and the white space between them (white space is kept to rebuild the text)."""
    return _TOKEN.findall(text)


def redline(old: str, new: str) -> tuple[Segment, ...]:
    """The segments that turn ``old`` into ``new``, word by word."""
    if not any(c.isspace() for c in old + new):
        return tuple(s for s in (Segment("-", old), Segment("+", new)) if s.text)  # one word
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _add(segments, "=", "".join(a[i1:i2]))
            continue
        if op in ("delete", "replace"):
            _add(segments, "-", "".join(a[i1:i2]))
        if op in ("insert", "replace"):
            _add(segments, "+", "".join(b[j1:j2]))
    return tuple(_merge(segments))


def _add(segments: list[Segment], op: str, text: str) -> None:
    if text:
        segments.append(Segment(op, text))


def render(segments: tuple[Segment, ...], mark: Callable[[str, str], str],
           escape: Callable[[str], str]) -> str:
    """The redline as one text: ``mark(op, escaped words)`` around each change; white space at
    the edges of a change stays outside the marks, so they hug the words."""
    out = []
    for index, segment in enumerate(segments):
        if index and segment.op == "+" and segments[index - 1].op == "-":
            out.append(" ")
        if segment.op == "=":
            out.append(escape(segment.text))
            continue
        core = segment.text.strip()
        if not core:
            out.append(escape(segment.text) if segment.op == "+" else "")
            continue
        lead = segment.text[: len(segment.text) - len(segment.text.lstrip())]
        tail = segment.text[len(segment.text.rstrip()):]
        out.append(escape(lead) + mark(segment.op, escape(core)) + escape(tail))
    return "".join(out)


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and merged[-1].op == segment.op:
            merged[-1] = Segment(segment.op, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged
