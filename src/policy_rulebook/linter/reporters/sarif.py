"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; the rules are the checks that have results, with their docs; one result per finding
with a region. Suppressed findings are results too, with an ``inSource`` suppression that
carries the reason (viewers show them as waived).
"""

from __future__ import annotations

import json
import os
from pathlib import PurePosixPath
from typing import Any

from policy_rulebook import __version__
from policy_rulebook.core import escape
from policy_rulebook.core.findings import Finding, Report, Rule, Severity, Suppressed
from policy_rulebook.core.i18n import _, current

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(file: str) -> dict[str, str]:
    """A relative path stays relative to the source root; an absolute one becomes a file URI.
    The name's bytes are percent-encoded, so a name that is not UTF-8 is a valid URI too."""
    path = PurePosixPath(file)
    if path.is_absolute():
        return {"uri": "file://" + escape.uri_path(os.fspath(path))}
    return {"uri": escape.uri_path(path.as_posix()), "uriBaseId": "%SRCROOT%"}


def unwrap(text: str) -> str:
    """Paragraphs as single lines (SARIF viewers wrap text themselves)."""
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def rule(code: str, known: Rule | None) -> dict[str, Any]:
    if known is None:
        return {"id": code}
    sections = {_(heading): _(unwrap(text)) for heading, text in known.sections().items()}
    what = sections.get(_("What it checks"), _(known.summary))
    body = known.doc.split("\n", 1)[1].strip() if "\n" in known.doc else known.summary
    if current() != "en":  # the docs as written are English
        body = "\n\n".join(f"## {heading}\n\n{text}" for heading, text in sections.items())
    help_text = "\n\n".join(f"{heading}: {text}" for heading, text in sections.items())
    return {
        "id": known.code,
        "name": known.name,
        "shortDescription": {"text": _(known.summary)},
        "fullDescription": {"text": what},
        "help": {"text": help_text or _(known.summary), "markdown": body},
        "defaultConfiguration": {"level": _LEVELS[known.severity]},
        "properties": {"tags": ["policy"]},
    }


def result(
    finding: Finding, rule_index: dict[str, int], suppressed: Suppressed | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_uri(finding.file),
                    "region": {
                        "startLine": max(finding.line, 1),
                        "startColumn": max(finding.column, 1),
                    },
                },
            }
        ],
    }
    if finding.path:
        data["locations"][0]["logicalLocations"] = [
            {"fullyQualifiedName": finding.path, "kind": "member"}
        ]
    if suppressed is not None:
        justification = suppressed.reason + (
            " " + _("(until {date})").format(date=suppressed.until.isoformat())
            if suppressed.until
            else ""
        )
        data["suppressions"] = [{"kind": "inSource", "justification": justification}]
    return data


class SarifReporter:
    name = "sarif"

    def render(self, report: Report, color: bool = False, show_suppressed: bool = False) -> str:
        return render(report, color)


def render(report: Report, color: bool = False) -> str:
    pairs: list[tuple[Finding, Suppressed | None]] = [(f, None) for f in report.findings]
    pairs += [(s.finding, s) for s in report.suppressed]
    codes = sorted({f.code for f, _ in pairs})
    rule_index = {code: index for index, code in enumerate(codes)}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "rulebook",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [rule(code, report.rules.get(code)) for code in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {
                    "%SRCROOT%": {"description": {"text": "The directory rulebook ran in."}}
                },
                "results": [result(f, rule_index, s) for f, s in pairs],
            }
        ],
    }
    return escape.json_text(json.dumps(_clean(log), indent=2, ensure_ascii=False) + "\n")


def _clean(value: Any) -> Any:
    """Every string without lone surrogates or non-characters (shown as escapes instead)."""
    if isinstance(value, str):
        return escape.clean(value)
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value
