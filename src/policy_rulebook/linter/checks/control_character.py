r"""RB013 control-character: no text holds control characters or terminal escape sequences.

## What it checks
Every key and every text of the policy: none may hold a control character (such as the
escape character that starts a terminal colour code, `"\e[31m"`, or a backspace), a
Unicode direction override or mark (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C),
a zero-width character (U+200B, U+200C, U+2060-U+2064, U+180E), a byte-order mark inside
the text (U+FEFF), a Hangul filler (U+115F, U+1160, U+3164, U+FFA0) or a tag character
(U+E0000-U+E007F). The zero-width joiner (U+200D) is allowed: emoji are built with it.

## Why
These characters are invisible in an editor, but a terminal or a web page obeys them: they
can hide words, recolour the linter's own output, or show a text in another order than it is
written. They never belong in a policy. rulebook always shows them as visible escapes
(`\x1b`), and reports them here.

## How to fix
Remove the character; in a double-quoted text, look for `\e`, `\x..` or `\u....` escapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from policy_rulebook.core import escape
from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks.base import Check, Context, make_check

#: What a reader cannot see besides what ``core.escape`` shows as escapes: invisible
#: characters that hide or fake words (a name that looks equal but is not).
_INVISIBLE = "\u061c\u115f\u1160\u180e\u200b\u200c\u200e\u200f\u2060-\u2064\u3164\ufeff\uffa0"
_HIDDEN = re.compile(f"[{_INVISIBLE}\U000e0000-\U000e007f]")


def has_control(text: str) -> bool:
    return escape.has_control(text) or _HIDDEN.search(text) is not None


def shown(text: str) -> str:
    """The text with every such character as its code (``\\u200b``)."""
    return _HIDDEN.sub(lambda m: escape.visible(m.group()), escape.line(text))


def _hits(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[str, str]]:
    """(pointer, text) of every key or text with a control character; pointers are built
    only for those, as a long policy holds some hundred thousand strings."""
    if isinstance(node, str):
        if has_control(node):
            yield pointer(*path), node
    elif isinstance(node, dict):
        for key, value in node.items():
            # A key with only an invisible space (pasted from Word) is not a field name of the
            # schema: RB100 says so in plain words, one finding for one mistake.
            if isinstance(key, str) and escape.has_control(key):
                yield pointer(*path, key), key
            yield from _hits(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _hits(item, (*path, index))


def _may_hold_control(document: Document) -> bool:
    """A control character reaches a value only written raw or as a backslash escape in a
    double-quoted text: a source without either needs no walk."""
    return any("\\" in f.text or has_control(f.text) for f in document.files) or not (
        document.files
    )


def run(document: Document, context: Context) -> Iterable[Finding]:
    if not _may_hold_control(document):
        return
    for name, section in document.sections.items():
        for ptr, text in _hits(section.node, (name,)):
            visible = shown(text)
            visible = visible if len(visible) <= 60 else visible[:57] + "..."
            yield CHECK.finding(
                document,
                ptr,
                _("the text holds invisible control characters ({shown}): remove them").format(
                    shown=visible
                ),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB013",
    name="control-character",
    severity=Severity.ERROR,
    summary=N_("a text holds control characters or terminal escape sequences"),
    run=run,
    bad=r"""
    meta:
      organisation: "Stad \e[8mLindebeek"
    """,
    good="""
    meta:
      organisation: Stad Lindebeek
    """,
)
