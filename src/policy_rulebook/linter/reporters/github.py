"""``--format github``: GitHub Actions workflow commands, shown as annotations on the lines.

``::error file=F,line=L,col=C,title=CODE name::message`` per finding (``::warning`` for
warnings), then the summary as plain log text.
"""

from __future__ import annotations

from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import _
from policy_rulebook.linter.engine import Report
from policy_rulebook.linter.reporters.summary import summary_line


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, finding: Finding, title: str, message: str) -> str:
    properties = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in (("file", finding.file), ("line", max(finding.line, 1)),
                           ("col", max(finding.column, 1)), ("title", title))
    )
    return f"::{kind} {properties}::{escape_data(message)}"


def _title(code: str) -> str:
    from policy_rulebook.linter.checks import BY_CODE

    check = BY_CODE.get(code)
    return f"{code} {check.name}" if check else code


def render(report: Report, color: bool = False) -> str:
    lines = []
    for f in report.findings:
        kind = "error" if f.severity is Severity.ERROR else "warning"
        lines.append(command(kind, f, _title(f.code), f.message))
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def render_suppressed(report: Report) -> str:
    """``--show-suppressed``: a notice per waived finding, with the reason given for it."""
    lines = []
    for s in report.suppressed:
        until = " " + _("(until {date})").format(date=s.until.isoformat()) if s.until else ""
        lines.append(command("notice", s.finding, f"{_title(s.finding.code)} (suppressed)",
                             _("{message}. Waived: {reason}{until}").format(
                                 message=s.finding.message, reason=s.reason, until=until)))
    return "".join(line + "\n" for line in lines)
