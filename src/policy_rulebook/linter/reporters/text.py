"""``--format text``: one line per finding, ``FILE:LINE:COLUMN: SEVERITY CODE message``.

Exactly one line per finding whatever the values: line breaks and control characters in a file
name or message are shown as escapes (``\\x0a``, ``\\x1b``), so no value can start a line of
its own (such as a forged ``::error`` annotation in a CI log).
"""

from __future__ import annotations

from policy_rulebook.core import escape
from policy_rulebook.core.findings import Finding, Report, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.reporters.summary import summary_line

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_RESET = "\x1b[0m"
_SEVERITY_WORDS = {
    Severity.ERROR: N_("error"),
    Severity.WARNING: N_("warning"),
    Severity.INFO: N_("info"),
}


def severity_word(severity: Severity) -> str:
    """The severity in the reader's language (machine formats keep ``error``/``warning``)."""
    return _(_SEVERITY_WORDS[severity])


def finding_line(f: Finding, color: bool = False) -> str:
    severity = severity_word(f.severity)
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
            # the first finding to act on: an info (a hint) only when there is nothing else
            first = next(
                (f for f in report.findings if f.severity is not Severity.INFO), report.findings[0]
            )
            summary += " " + _("Run `rulebook explain {code}` for more.").format(code=first.code)
        lines.append(summary)
        lines += [escape.line(note) for note in report.notes]  # what configuration turned off
        return "\n".join(lines) + "\n"


def suppressed_lines(report: Report) -> list[str]:
    """``--show-suppressed``: what was waived, where, why, and until when."""
    if not report.suppressed:
        return [_("No suppressed findings.")]
    lines = [_("Suppressed ({count}), with the reason given:").format(count=len(report.suppressed))]
    for s in report.suppressed:
        until = _(", until {date}").format(date=s.until.isoformat()) if s.until else ""
        lines.append(finding_line(s.finding))
        lines.append(
            "    "
            + _("waived at line {line}{until}: {reason}").format(
                line=s.line, until=until, reason=escape.line(s.reason)
            )
        )
    return lines


def render(report: Report, color: bool = False) -> str:
    return TextReporter().render(report, color)
