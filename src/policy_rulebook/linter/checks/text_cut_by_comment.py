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

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import Any

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.texts import iter_texts, text_label
from policy_rulebook.linter.checks.base import Check, Context, make_check

#: A line whose unquoted value has a comment behind it: `key: text #...` or `- text #...`
#: (a value starting with a quote, `|`, `>`, `{` or `[` keeps its `#`).
_CANDIDATE = re.compile(
    r"^[ \t]*(?:-[ \t]+)*(?:[^\s\"'#{}\[\],&*!|>-][^:#\n]*:[ \t]+)?"
    r"(?P<value>[^\s\"'#{}\[\],&*!|>](?:[^\n:]|:(?![ \t]))*?)(?P<comment>[ \t]#)"
)


def _candidates(document: Document) -> dict[tuple[str, int], tuple[int, str]]:
    """(file, line) -> (column of the comment's `#`, the word after it) for every line where
    an unquoted value is followed by a comment: few or none in a policy. Only lines with a `#`
    after other text are looked at (a long policy has hundreds of thousands of lines)."""
    found = {}
    for source in document.files:
        text = source.text
        at = text.find("#")
        while at != -1:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end == -1 else end
            line = text[start:end]
            if line[: at - start].strip():  # text before the #: not a comment line
                match = _CANDIDATE.match(line)
                if match is not None:
                    word = re.split(r"[\s#]", line[match.end("comment") :])[0]
                    number = text.count("\n", 0, start) + 1
                    found[(source.name, number)] = (match.start("comment") + 2, word)
            at = text.find("#", end)
    return found


def _values(node: Any, ptr: str, lines: list[int]) -> Iterator[tuple[str, int]]:
    """(pointer, 1-based line) of the text values below ``node`` that sit on one of ``lines``
    (sorted): a mapping's or list's entries are looked into only where the lines between one
    entry and the next hold a candidate, so a long policy costs a handful of steps."""
    positions = getattr(node, "lc", None)
    if positions is None or not isinstance(node, (dict, list)):
        return
    if isinstance(node, dict):
        entries = [
            (pointer(str(key)), positions.key(key)[0] + 1, positions.value(key)[0] + 1, value)
            for key, value in node.items()
        ]
    else:
        entries = [
            (f"/{index}", positions.item(index)[0] + 1, positions.item(index)[0] + 1, value)
            for index, value in enumerate(node)
        ]
    for number, (token, first, line, value) in enumerate(entries):
        end = entries[number + 1][1] if number + 1 < len(entries) else None
        at = bisect.bisect_left(lines, first)
        if at == len(lines) or (end is not None and lines[at] >= end):
            continue  # no candidate line inside this entry
        if isinstance(value, str):
            if line in lines:
                yield ptr + token, line
        else:
            yield from _values(value, ptr + token, lines)


def run(document: Document, context: Context) -> Iterable[Finding]:
    candidates = _candidates(document)
    if not candidates:
        return
    texts = {ptr for ptr, _value in iter_texts(document)}
    for name, section in document.sections.items():
        lines = sorted(line for file, line in candidates if file == section.file)
        for ptr, line in _values(section.node, pointer(name), lines):
            where = candidates[(section.file, line)]
            parent = ptr.rsplit("/", 1)[0]
            text_ptr = ptr if ptr in texts else parent if parent in texts else None
            if text_ptr is None:
                continue
            column, word = where
            hashtag = bool(word) and (word[0].isalnum() or word[0] == "_")
            yield Finding(
                section.file,
                line,
                column,
                CHECK.code,
                CHECK.severity,
                (
                    _(
                        "the text of {field} is cut short at `#{word}`: YAML reads ` #` "
                        "as the start of a comment, so the hashtag and everything after "
                        "it are lost; put the whole text between double quotes"
                    )
                    if hashtag
                    else _(
                        "the text of {field} is followed by a comment on the same line, "
                        "which is easily taken for part of the text: put the text "
                        "between double quotes, or the comment on its own line above"
                    )
                ).format(field=text_label(text_ptr), word=word),
                ptr,
            )


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
