"""Suppressions: ``# rulebook: ignore[CODE] reason: ... until: YYYY-MM-DD`` on an item.

A suppression is a comment on the line of an item's key (or list item), or on its own line
directly before it. It silences the codes it names for that item and what lies inside it.
Without a reason, malformed, or past its ``until`` date it silences nothing and is itself a
finding (RB050, RB051, RB053); one that silences nothing is reported as unused (RB052).

The comments are read from the raw text of each file, the items from the loaded document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity, Suppressed
from policy_rulebook.core.i18n import _
from policy_rulebook.core.positions import key_position

MALFORMED = "RB050"
NO_REASON = "RB051"
UNUSED = "RB052"
EXPIRED = "RB053"
#: Codes about suppressions themselves: these cannot be silenced.
OWN_CODES = frozenset({MALFORMED, NO_REASON, UNUSED, EXPIRED})

_MARKER = re.compile(r"#\s*rulebook\s*:(?P<body>.*)$")
_ANY_MARKER = re.compile(r"#\s*rulebook\s*:")
_DIRECTIVE = re.compile(r"^\s*ignore\s*\[(?P<codes>[^\]]*)\]\s*(?P<rest>.*?)\s*$")
_UNTIL = re.compile(r"(?:^|\s)until:\s*(?P<date>\S*)")
_REASON = re.compile(r"^reason:\s*(?P<reason>.*)$")
_CODE = re.compile(r"^RB\d{3}$")
EXAMPLE = "# rulebook: ignore[RB301] reason: why this is acceptable  until: 2027-06-30"


@dataclass(frozen=True)
class Suppression:
    """One ``# rulebook:`` comment: where it is, what it silences, and what is wrong with it."""

    file: str
    line: int
    column: int
    target: str
    codes: tuple[str, ...] = ()
    reason: str = ""
    until: dt.date | None = None
    problem: str = ""
    target_line: int = 0

    def finding(self, code: str, severity: Severity, message: str) -> Finding:
        return Finding(self.file, self.line, self.column, code, severity, message, self.target)

    def in_force(self, today: dt.date) -> bool:
        return (
            not self.problem and bool(self.reason) and (self.until is None or self.until >= today)
        )

    def covers(self, finding: Finding) -> bool:
        """The finding is on the target item or inside it; a finding without a pointer (such
        as a duplicate key) when it is on the target's line."""
        if finding.code not in self.codes:
            return False
        if not finding.path or not self.target:
            return finding.file == self.file and finding.line == self.target_line
        return finding.path == self.target or finding.path.startswith(self.target + "/")


def comment_start(line: str) -> int:
    """The index of the ``#`` that starts a comment on this line, or -1.

    Quotes are respected (``''`` inside single quotes and ``\\"`` inside double quotes do not
    end them). A quote opens a quoted value only where a value starts: at the start of the
    line, after ``: `` or ``- ``, or after ``[``, ``{`` or ``,`` in a flow list or mapping;
    elsewhere it is part of a plain value (``it's``).
    """
    quote = ""
    previous = " "
    fresh = True  # only spaces since the start of a value
    dash = False  # a ``-`` where a value starts: a list item if a space follows
    depth = 0
    index = 0
    while index < len(line):
        char = line[index]
        was_fresh = fresh
        if quote:
            escaped = (quote == '"' and char == "\\") or (
                quote == "'" and char == "'" and line[index + 1 : index + 2] == "'"
            )
            if escaped:
                index += 1  # skip the escaped character
            elif char == quote:
                quote = ""
        elif char == "#" and previous in " \t":
            return index
        elif char in " \t":
            fresh = fresh or previous == ":" or dash
        elif char in "'\"" and fresh:
            quote, fresh = char, False
        elif char in "[{" and (fresh or depth):
            depth, fresh = depth + 1, True
        elif char == "," and depth:
            fresh = True
        elif char in "]}" and depth:
            depth, fresh = depth - 1, False
        else:
            fresh = False
        dash = char == "-" and was_fresh and not quote
        previous = char
        index += 1
    return -1


def _item_lines(document: Document, file: str) -> dict[int, str]:
    """Line -> the JSON pointer of the outermost key or list item that starts on it."""
    lines: dict[int, str] = {}

    def note(where: Any, ptr: str) -> None:
        if isinstance(where, tuple | list) and len(where) == 2:
            lines.setdefault(int(where[0]) + 1, ptr)  # parents come first: the outermost wins

    def walk(node: Any, path: tuple[str | int, ...]) -> None:
        lc = getattr(node, "lc", None)
        if isinstance(node, dict) and lc is not None:
            for key, value in node.items():
                where = key_position(node, key)
                if where is not None:  # parents come first: the outermost wins
                    lines.setdefault(where[0], pointer(*path, str(key)))
                walk(value, (*path, str(key)))
        elif isinstance(node, list) and lc is not None:
            for index, value in enumerate(node):
                note(lc.item(index), pointer(*path, index))
                walk(value, (*path, index))

    for name, section in document.sections.items():
        if section.file == file:
            note((section.line - 1, section.column - 1), pointer(name))
            walk(section.node, (name,))
    return lines


def parse(document: Document, known: Collection[str]) -> list[Suppression]:
    """Every ``# rulebook:`` comment in the document's readable files, in reading order."""
    found: list[Suppression] = []
    for source in document.files:
        if source.name in document.broken_files or not _ANY_MARKER.search(source.text):
            continue
        items = _item_lines(document, source.name)
        text_lines = source.text.splitlines()
        for number, line in enumerate(text_lines, start=1):
            start = comment_start(line)
            marker = _MARKER.match(line, start) if start >= 0 else None
            if marker is None:
                continue
            own_line = not line[:start].strip()
            target_line = _next_content_line(text_lines, number) if own_line else number
            target = items.get(target_line, "")
            found.append(
                _parse_one(
                    source.name, number, start + 1, target, target_line, marker.group("body"), known
                )
            )
    return found


def _next_content_line(lines: Sequence[str], number: int) -> int:
    """The first line after ``number`` (1-based) that holds more than a comment."""
    for index in range(number, len(lines)):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index + 1
    return 0


def _parse_one(
    file: str,
    line: int,
    column: int,
    target: str,
    target_line: int,
    body: str,
    known: Collection[str],
) -> Suppression:
    def bad(problem: str, codes: tuple[str, ...] = ()) -> Suppression:
        return Suppression(
            file, line, column, target, codes, problem=problem, target_line=target_line
        )

    directive = _DIRECTIVE.match(body)
    if directive is None:
        return bad(
            _("this `# rulebook:` comment is not a suppression: write it as `{EXAMPLE}`").format(
                EXAMPLE=EXAMPLE
            )
        )
    codes = tuple(c for c in re.split(r"[\s,]+", directive.group("codes").upper()) if c)
    if not codes:
        return bad(
            _(
                "the suppression names no code: put the code of the finding between the "
                "brackets, like `ignore[RB301]`"
            )
        )
    for code in codes:
        if not _CODE.match(code) or code not in known:
            return bad(
                _("`{code}` is not the code of a check (`rulebook rules` lists them)").format(
                    code=code
                ),
                codes,
            )
        if code in OWN_CODES:
            return bad(
                _(
                    "{code} is about suppressions themselves and cannot be silenced: "
                    "fix the suppression instead"
                ).format(code=code),
                codes,
            )
    if not target_line:
        return bad(
            _(
                "the suppression is not on an item: put it on the line of the item's "
                "key, or on its own line directly before it"
            ),
            codes,
        )
    rest = directive.group("rest")
    until: dt.date | None = None
    until_match = _UNTIL.search(rest)
    if until_match:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", until_match.group("date")):
                raise ValueError("not YYYY-MM-DD")  # 3.11 would also take 20270630
            until = dt.date.fromisoformat(until_match.group("date"))
        except ValueError:
            return bad(
                _(
                    "`until: {value}` is not a date: write it as YYYY-MM-DD, like "
                    "`until: 2027-06-30`"
                ).format(value=until_match.group("date")),
                codes,
            )
        rest = (rest[: until_match.start()] + rest[until_match.end() :]).strip()
    reason = ""
    if rest:
        reason_match = _REASON.match(rest)
        if reason_match is None:
            return bad(
                _("write the reason after `reason:`, like `{EXAMPLE}`").format(EXAMPLE=EXAMPLE),
                codes,
            )
        reason = reason_match.group("reason").strip()
    return Suppression(file, line, column, target, codes, reason, until, target_line=target_line)


def problems(document: Document, today: dt.date, known: Collection[str]) -> Iterator[Finding]:
    """RB050, RB051 and RB053: what is wrong with the suppressions themselves."""
    for s in parse(document, known):
        codes = ", ".join(s.codes)
        if s.problem:
            yield s.finding(MALFORMED, Severity.ERROR, s.problem)
        elif not s.reason:
            yield s.finding(
                NO_REASON,
                Severity.ERROR,
                _(
                    "the suppression of {codes} gives no reason, so it silences "
                    "nothing: add `reason:` and say why this is acceptable (legal "
                    "reviews the waivers)"
                ).format(codes=codes),
            )
        elif s.until is not None and s.until < today:
            yield s.finding(
                EXPIRED,
                Severity.WARNING,
                _(
                    "the suppression of {codes} expired on {date}, so it silences "
                    "nothing: fix the finding, or review the waiver and set a new "
                    "`until:` date"
                ).format(codes=codes, date=s.until.isoformat()),
            )


def apply(
    document: Document,
    today: dt.date,
    findings: Iterable[Finding],
    known: Collection[str],
    enabled: Collection[str],
) -> tuple[list[Finding], list[Suppressed], list[Finding]]:
    """Split findings into kept and silenced; also the RB052 findings for unused codes.

    ``known`` are the codes of all checks, ``enabled`` those that ran: a suppression of a code
    that did not run is not reported as unused.
    """
    active = [s for s in parse(document, known) if s.in_force(today)]
    used: set[tuple[int, str]] = set()
    kept: list[Finding] = []
    silenced: list[Suppressed] = []
    for finding in findings:
        match = next(
            (
                i
                for i, s in enumerate(active)
                if finding.code not in OWN_CODES and s.covers(finding)
            ),
            None,
        )
        if match is None:
            kept.append(finding)
            continue
        s = active[match]
        used.add((match, finding.code))
        silenced.append(Suppressed(finding, s.reason, s.until, s.file, s.line))
    unused = [
        s.finding(
            UNUSED,
            Severity.WARNING,
            (
                _(
                    "the suppression of {code} silences nothing: there is no {code} finding "
                    "on this item (any more); remove it"
                )
                if s.target
                else _(
                    "the suppression of {code} silences nothing: there is no {code} finding "
                    "on this line (any more); remove it"
                )
            ).format(code=code),
        )
        for index, s in enumerate(active)
        for code in s.codes
        if code in enabled and (index, code) not in used
    ]
    return kept, silenced, unused


def findings_of(
    code: str, document: Document, today: dt.date, known: Collection[str]
) -> list[Finding]:
    """The findings of one of RB050, RB051, RB053 (for that check's ``run``; ``known``: the
    codes of all checks, which the engine passes in the check context)."""
    return [f for f in problems(document, today, known) if f.code == code]
