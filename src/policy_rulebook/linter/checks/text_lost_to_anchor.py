"""RB021 text-lost-to-anchor: no text loses its first word to YAML's `&` (an anchor).

## What it checks
That no text starts with `&` and a word that nothing in the file refers to. YAML reads
`&name` at the start of a value as a name for reuse (an anchor, used elsewhere as `*name`), not
as text: `nl: &Co is onze partner` is read as "is onze partner", and `&Co` disappears from the
policy, the page and the announcement, without an error.

## Why
Nothing else notices: the shortened text is still a valid text, so the policy lints clean and
staff read a sentence without its first word. A policy has no use for anchors; one that no
`*name` refers to is most likely a word that was meant as text (a warning: it may also be a
leftover anchor whose references were removed).

## How to fix
Put the whole text between double quotes: `nl: "&Co is onze partner"`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from policy_rulebook.core import fastyaml
from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.texts import iter_texts
from policy_rulebook.linter.checks.base import Check, Context, make_check

#: ``&`` and a word at the start of a value: before it, the start of a line, a space or a
#: YAML indicator. "Q&A" and "R & D" are no anchors.
_MAYBE = re.compile(r"(?:^|[\s\[{,])&[^\s,\[\]{}]")


def _events(text: str) -> Iterator[Any]:
    """The reader's events; nothing after an error (the syntax checks report it)."""
    from ruamel.yaml.error import YAMLError

    try:
        yield from fastyaml.events(text)
    except YAMLError:
        return


def _lost(text: str) -> list[tuple[int, int, str, str]]:
    """(line, column, anchor, value) of each text that starts with an anchor no alias uses."""
    anchored: list[tuple[int, int, str, str]] = []
    used: set[str] = set()
    for event in _events(text):
        kind = event.__class__.__name__
        if kind == "AliasEvent":
            used.add(str(event.anchor))
        elif kind == "ScalarEvent" and event.anchor and event.value and not event.style:
            mark = event.start_mark
            anchored.append((mark.line + 1, mark.column + 1, str(event.anchor), event.value))
    return [found for found in anchored if found[2] not in used]


def _text_lines(document: Document, file: str) -> dict[int, str]:
    """The line of each text of one file (where its value is written), to its pointer."""
    lines: dict[int, str] = {}
    for ptr, value in iter_texts(document):
        places = [ptr] if isinstance(value, str) else []
        if isinstance(value, dict):
            places = [ptr + pointer(str(language)) for language in value]
        for place in places:
            position = document.position(place)
            if position.file == file:
                lines.setdefault(position.line, place)
    return lines


def run(document: Document, context: Context) -> Iterable[Finding]:
    for source in document.files:
        if _MAYBE.search(source.text) is None:
            continue
        found = _lost(source.text)
        texts = _text_lines(document, source.name) if found else {}
        for line, column, anchor, value in found:
            if line not in texts:
                continue  # an anchor on an id or a status drops nothing a reader reads
            yield Finding(
                source.name,
                line,
                column,
                CHECK.code,
                CHECK.severity,
                _(
                    "YAML reads `&{anchor}` at the start of this value as a name for reuse (an "
                    "anchor), not as text, so the text is {value!r}; if `&{anchor}` belongs to "
                    'the text, put the whole text between double quotes, like `"&{anchor} '
                    '{value}"`'
                ).format(anchor=anchor, value=value if len(value) <= 40 else value[:39] + "…"),
                texts[line],
            )


CHECK: Check = make_check(
    __doc__,
    code="RB021",
    name="text-lost-to-anchor",
    severity=Severity.WARNING,
    summary=N_("a text starts with `&` and a word, which YAML reads as an anchor and drops"),
    run=run,
    bad="""
    brand:
      mission:
        nl: &Co is onze partner in de stad
        en: "&Co is our partner in the city"
    """,
    good="""
    brand:
      mission:
        nl: "&Co is onze partner in de stad"
        en: "&Co is our partner in the city"
    """,
)
