"""Findings are plain data: checks yield them, reporters render them."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    """How bad a finding is. Errors fail CI; warnings fail it only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


class ExitCode(enum.IntEnum):
    """The documented, stable exit codes of every ``rulebook`` command."""

    CLEAN = 0
    FINDINGS = 1
    USAGE = 2
    INTERNAL = 3


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


class InputError(Exception):
    """Bad input the user can fix (missing path, bad option, bad revision): exit code 2."""
