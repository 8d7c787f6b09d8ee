"""The counts every reporter states in the same words."""

from __future__ import annotations

from policy_rulebook.core.findings import Report, Severity
from policy_rulebook.core.i18n import _, ngettext


def summary_line(report: Report) -> str:
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    files = ngettext("{count} file", "{count} files", len(report.files)).format(
        count=len(report.files)
    )
    waived = (
        " " + _("{count} suppressed.").format(count=len(report.suppressed))
        if report.suppressed
        else ""
    )
    if not report.findings:
        return _("No findings in {files}.").format(files=files) + waived
    infos = report.count(Severity.INFO)
    if infos:  # only then: the usual line stays as it was
        return (
            _("{findings} ({errors}, {warnings}, {infos}) in {files}.").format(
                findings=ngettext(
                    "{count} finding", "{count} findings", len(report.findings)
                ).format(count=len(report.findings)),
                errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
                warnings=ngettext("{count} warning", "{count} warnings", warnings).format(
                    count=warnings
                ),
                infos=ngettext("{count} info", "{count} infos", infos).format(count=infos),
                files=files,
            )
            + waived
        )
    return (
        _("{findings} ({errors}, {warnings}) in {files}.").format(
            findings=ngettext("{count} finding", "{count} findings", len(report.findings)).format(
                count=len(report.findings)
            ),
            errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
            warnings=ngettext("{count} warning", "{count} warnings", warnings).format(
                count=warnings
            ),
            files=files,
        )
        + waived
    )


def summary_data(report: Report) -> dict[str, int]:
    return {
        "findings": len(report.findings),
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "infos": report.count(Severity.INFO),
        "files": len(report.files),
        "suppressed": len(report.suppressed),
    }
