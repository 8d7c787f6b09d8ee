"""The counts every reporter states in the same words."""

from __future__ import annotations

from policy_rulebook.core.findings import Severity
from policy_rulebook.linter.engine import Report


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(report: Report) -> str:
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    files = plural(len(report.files), "file")
    waived = f" {len(report.suppressed)} suppressed." if report.suppressed else ""
    if not report.findings:
        return f"No findings in {files}.{waived}"
    parts = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
    return f"{plural(len(report.findings), 'finding')} ({parts}) in {files}.{waived}"


def summary_data(report: Report) -> dict[str, int]:
    return {
        "findings": len(report.findings),
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "files": len(report.files),
        "suppressed": len(report.suppressed),
    }
