"""RB020 text-cut-by-comment: no text is cut short by a `#` that YAML reads as a comment.

## What it checks
That no unquoted text in the policy has ` #` on its line. YAML reads everything from ` #` to
the end of the line as a comment, so `nl: Deel nieuws met #lindebeek en #samen` is read as
"Deel nieuws met" and the hashtags silently disappear from the policy, the page and the
announcement. A hashtag (` #` followed by a letter or digit) is the usual cause; any comment
behind an unquoted text is reported too, as it is easily taken for part of the text.

## Why
Nothing else notices: the shortened text is still a valid text, so the policy lints clean and
staff read half a sentence.

## How to fix
Put the whole text between double quotes: `nl: "Deel nieuws met #lindebeek en #samen"`. A
comment that really is a comment belongs on its own line above the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.texts import iter_texts, text_label
from policy_rulebook.linter.checks.base import Check, Context, make_check

#: A comment after a value: a space or tab, then ``#``.
_COMMENT = re.compile(r"[ \t]#")
_KEY = re.compile(r"(?:- +)?[^\s:#'\"{}\[\],]+:[ \t]+")


def _scalars(ptr: str, value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield ptr, value
    elif isinstance(value, dict):
        for language, text in value.items():
            if isinstance(text, str):
                yield ptr + pointer(str(language)), text


def run(document: Document, context: Context) -> Iterable[Finding]:
    if not any(" #" in f.text or "\t#" in f.text for f in document.files):
        return
    lines = {f.name: f.text.splitlines() for f in document.files}
    for text_ptr, value in iter_texts(document):
        for ptr, text in _scalars(text_ptr, value):
            where = document.position(ptr)
            source = lines.get(where.file, [])
            if not 0 < where.line <= len(source):
                continue
            line = source[where.line - 1]
            start = where.column - 1  # the key's column: the value follows `key:`
            key = _KEY.match(line, start)
            if key is not None:
                start = key.end()
            if line[start:start + 1] in ('"', "'", "|", ">", "{", "[", "") or not (
                    line[start:].startswith(text[:1])):
                continue  # quoted, a block or a flow: a # there is part of the text
            comment = _COMMENT.search(line, start)
            if comment is None:
                continue
            after = line[comment.end():comment.end() + 1]
            field = text_label(text_ptr)
            found = Finding(where.file, where.line, comment.start() + 2, CHECK.code,
                            CHECK.severity,
                            (_("the text of {field} is cut short at `#{word}`: YAML reads ` #` "
                               "as the start of a comment, so the hashtag and everything after "
                               "it are lost; put the whole text between double quotes")
                             if after.isalnum() or after == "_" else
                             _("the text of {field} is followed by a comment on the same line, "
                               "which is easily taken for part of the text: put the text "
                               "between double quotes, or the comment on its own line above"))
                            .format(field=field, word=re.split(r"[\s#]", line[comment.end():])[0]),
                            ptr)
            yield found


CHECK: Check = make_check(
    __doc__,
    code="RB020",
    name="text-cut-by-comment",
    severity=Severity.ERROR,
    summary=N_("a text is cut short by a `#` that YAML reads as a comment"),
    run=run,
    bad="""
    brand:
      mission:
        nl: Deel nieuws van de stad met #lindebeek en #samen
        en: Share the city's news with #lindebeek and #together
    """,
    good="""
    brand:
      mission:
        nl: "Deel nieuws van de stad met #lindebeek en #samen"
        en: "Share the city's news with #lindebeek and #together"
    """,
)
