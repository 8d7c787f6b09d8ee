"""``--format text``: one line per finding, ``FILE:LINE:COLUMN: SEVERITY CODE message``.

Exactly one line per finding whatever the values: line breaks and control characters in a file
name or message are shown as escapes (``\\x0a``, ``\\x1b``), so no value can start a line of
its own (such as a forged ``::error`` annotation in a CI log).
"""

from __future__ import annotations

from policy_rulebook.core import escape
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.linter.engine import Report
from policy_rulebook.linter.reporters.summary import summary_line

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m"}
_RESET = "\x1b[0m"


def finding_line(f: Finding, color: bool = False) -> str:
    severity = f.severity.value
    if color:
        severity = f"{_COLORS[f.severity]}{severity}{_RESET}"
    where = f"{escape.line(f.file)}:{f.line}:{f.column}"
    return f"{where}: {severity} {f.code} {escape.line(f.message)}"


class TextReporter:
    name = "text"

    def render(self, report: Report, color: bool = False, show_suppressed: bool = False) -> str:
        lines = [finding_line(f, color) for f in report.findings]
        if show_suppressed:
            lines += suppressed_lines(report)
        summary = summary_line(report)
        if report.findings:
            summary += f" Run `rulebook explain {report.findings[0].code}` for more."
        lines.append(summary)
        return "\n".join(lines) + "\n"


def suppressed_lines(report: Report) -> list[str]:
    """``--show-suppressed``: what was waived, where, why, and until when."""
    if not report.suppressed:
        return ["No suppressed findings."]
    lines = [f"Suppressed ({len(report.suppressed)}), with the reason given:"]
    for s in report.suppressed:
        until = f", until {s.until.isoformat()}" if s.until else ""
        lines.append(finding_line(s.finding))
        lines.append(f"    waived at line {s.line}{until}: {escape.line(s.reason)}")
    return lines


def render(report: Report, color: bool = False) -> str:
    return TextReporter().render(report, color)
