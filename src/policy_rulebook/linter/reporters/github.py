"""``--format github``: GitHub Actions workflow commands, shown as annotations on the lines.

``::error file=F,line=L,col=C,title=CODE name::message`` per finding (``::warning`` for
warnings), then the summary as plain log text. Exactly one command per finding: line breaks,
``%``, and in properties ``:`` and ``,`` are percent-encoded, control characters shown as
escapes, so no value can end a command or start another (``::stop-commands::``).
"""

from __future__ import annotations

from policy_rulebook.core import escape
from policy_rulebook.core.findings import Finding, Report, Severity
from policy_rulebook.core.i18n import _
from policy_rulebook.linter.reporters.summary import summary_line

escape_data = escape.github_data
escape_property = escape.github_property


def command(kind: str, finding: Finding, title: str, message: str) -> str:
    properties = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in (
            ("file", finding.file),
            ("line", max(finding.line, 1)),
            ("col", max(finding.column, 1)),
            ("title", title),
        )
    )
    return f"::{kind} {properties}::{escape_data(message)}"


def _title(report: Report, code: str) -> str:
    rule = report.rules.get(code)
    return f"{code} {rule.name}" if rule else code


class GithubReporter:
    name = "github"

    def render(self, report: Report, color: bool = False, show_suppressed: bool = False) -> str:
        lines = []
        for f in report.findings:
            kind = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(f.severity, "notice")
            lines.append(command(kind, f, _title(report, f.code), f.message))
        if show_suppressed:
            lines += suppressed_lines(report)
        lines.append(escape.line(summary_line(report)))
        lines += [f"::warning::{escape.github_data(note)}" for note in report.notes]
        return "\n".join(lines) + "\n"


def suppressed_lines(report: Report) -> list[str]:
    """``--show-suppressed``: a notice per waived finding, with the reason given for it."""
    lines = []
    for s in report.suppressed:
        until = " " + _("(until {date})").format(date=s.until.isoformat()) if s.until else ""
        lines.append(
            command(
                "notice",
                s.finding,
                f"{_title(report, s.finding.code)} (suppressed)",
                _("{message}. Waived: {reason}{until}").format(
                    message=s.finding.message, reason=s.reason, until=until
                ),
            )
        )
    return lines


def render(report: Report, color: bool = False) -> str:
    return GithubReporter().render(report, color)
