"""``--format text``: one line per finding, ``FILE:LINE:COLUMN: SEVERITY CODE message``."""

from __future__ import annotations

from policy_rulebook.core.findings import Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.terminal import safe
from policy_rulebook.linter.engine import Report
from policy_rulebook.linter.reporters.summary import summary_line

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m"}
_RESET = "\x1b[0m"
_SEVERITY_WORDS = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning")}


def severity_word(severity: Severity) -> str:
    """The severity in the reader's language (machine formats keep ``error``/``warning``)."""
    return _(_SEVERITY_WORDS[severity])


def render(report: Report, color: bool = False) -> str:
    lines = []
    for f in report.findings:
        severity = severity_word(f.severity)
        if color:
            severity = f"{_COLORS[f.severity]}{severity}{_RESET}"
        lines.append(f"{safe(f.file)}:{f.line}:{f.column}: {severity} {f.code} {safe(f.message)}")
    summary = summary_line(report)
    if report.findings:
        first = report.findings[0].code
        summary += " " + _("Run `rulebook explain {code}` for more.").format(code=first)
    lines.append(summary)
    return "\n".join(lines) + "\n"


def render_suppressed(report: Report) -> str:
    """``--show-suppressed``: what was waived, where, why, and until when."""
    if not report.suppressed:
        return _("No suppressed findings.") + "\n"
    lines = [_("Suppressed ({count}), with the reason given:").format(count=len(report.suppressed))]
    for s in report.suppressed:
        f = s.finding
        until = _(", until {date}").format(date=s.until.isoformat()) if s.until else ""
        lines.append(f"{safe(f.file)}:{f.line}:{f.column}: {severity_word(f.severity)} {f.code} "
                     f"{safe(f.message)}")
        lines.append("    " + _("waived at line {line}{until}: {reason}").format(
            line=s.line, until=until, reason=safe(s.reason)))
    return "\n".join(lines) + "\n"
