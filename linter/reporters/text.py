"""``--format text``: one line per finding, ``FILE:LINE:COLUMN: SEVERITY CODE message``."""

from __future__ import annotations

from linter.engine import Report
from linter.findings import Severity
from linter.reporters.summary import summary_line
from linter.terminal import safe

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m"}
_RESET = "\x1b[0m"


def render(report: Report, color: bool = False) -> str:
    lines = []
    for f in report.findings:
        severity = f.severity.value
        if color:
            severity = f"{_COLORS[f.severity]}{severity}{_RESET}"
        lines.append(f"{safe(f.file)}:{f.line}:{f.column}: {severity} {f.code} {safe(f.message)}")
    summary = summary_line(report)
    if report.findings:
        first = report.findings[0].code
        summary += f" Run `rulebook explain {first}` for more."
    lines.append(summary)
    return "\n".join(lines) + "\n"
