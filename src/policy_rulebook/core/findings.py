"""Findings are plain data: checks yield them, reporters render them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from policy_rulebook.core.exits import ExitCode, InputError

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["ExitCode", "Finding", "InputError", "Report", "Rule", "Severity", "Suppressed"]


class Severity(str, enum.Enum):
    """How bad a finding is. Errors fail CI; warnings fail it only with ``--strict``; info
    never fails it (a hint, like the checks that did not run without a profile)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in the policy, at a place a person can find.

    ``line`` and ``column`` are 1-based (1:1 for a problem with a whole file). ``path`` is the JSON
    pointer into the merged rulebook (``/conduct/dos/2/text``), empty for file-level problems.
    """

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    path: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
        }


@dataclass(frozen=True)
class Suppressed:
    """A finding silenced by a ``# rulebook: ignore[...]`` comment, with the reason given there.

    ``file`` and ``line`` are where the suppression is written.
    """

    finding: Finding
    reason: str
    until: dt.date | None
    file: str
    line: int

    def to_dict(self) -> dict[str, object]:
        return {
            **self.finding.to_dict(),
            "reason": self.reason,
            "until": self.until.isoformat() if self.until else None,
            "suppressed_at": {"file": self.file, "line": self.line},
        }


@dataclass(frozen=True)
class Rule:
    """What a reporter may say about a check, carried in the report (reporters never import
    the registry): its code, name, default severity, one-line summary and documentation
    (``CODE name: summary`` then ``## What it checks``, ``## Why``, ``## How to fix``)."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str = ""

    def sections(self) -> dict[str, str]:
        """The ``## Heading`` sections of the documentation, by heading."""
        sections: dict[str, list[str]] = {}
        current: list[str] | None = None
        for line in self.doc.splitlines()[1:]:
            if line.startswith("## "):
                current = sections.setdefault(line[3:].strip(), [])
            elif current is not None:
                current.append(line)
        return {heading: "\n".join(lines).strip() for heading, lines in sections.items()}


@dataclass(frozen=True)
class Report:
    """The result of a lint run: findings in reading order, and what was read.

    ``suppressed`` are the findings silenced by a suppression comment; ``checks`` the codes
    of the checks that ran (empty: all of them); ``rules`` what reporters say about each
    code (empty: only the codes are known; the linter fills it from its registry).
    """

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    suppressed: tuple[Suppressed, ...] = field(default=())
    checks: tuple[str, ...] = field(default=())
    rules: Mapping[str, Rule] = field(default_factory=dict)
    #: Lines the reader must see about the run itself, e.g. checks that the configuration
    #: switched off or lowered.
    notes: tuple[str, ...] = field(default=())

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def fails(self, strict: bool) -> bool:
        return any(
            f.severity is Severity.ERROR or (strict and f.severity is Severity.WARNING)
            for f in self.findings
        )
