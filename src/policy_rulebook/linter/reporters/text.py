"""``--format text``: one line per finding, ``FILE:LINE:COLUMN: SEVERITY CODE message``."""

from __future__ import annotations

from policy_rulebook.core.findings import Severity
from policy_rulebook.core.terminal import safe
from policy_rulebook.linter.engine import Report
from policy_rulebook.linter.reporters.summary import summary_line

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


def render_suppressed(report: Report) -> str:
    """``--show-suppressed``: what was waived, where, why, and until when."""
    if not report.suppressed:
        return "No suppressed findings.\n"
    lines = [f"Suppressed ({len(report.suppressed)}), with the reason given:"]
    for s in report.suppressed:
        f = s.finding
        until = f", until {s.until.isoformat()}" if s.until else ""
        lines.append(f"{safe(f.file)}:{f.line}:{f.column}: {f.severity.value} {f.code} "
                     f"{safe(f.message)}")
        lines.append(f"    waived at line {s.line}{until}: {safe(s.reason)}")
    return "\n".join(lines) + "\n"
