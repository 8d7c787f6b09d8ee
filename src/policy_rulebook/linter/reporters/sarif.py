"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; the rules are the checks that have results, with their docs; one result per finding
with a region. Suppressed findings are results too, with an ``inSource`` suppression that
carries the reason (viewers show them as waived).
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from policy_rulebook import __version__
from policy_rulebook.core.findings import Finding, Severity, Suppressed
from policy_rulebook.core.i18n import _
from policy_rulebook.linter.engine import Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def artifact_uri(file: str) -> dict[str, str]:
    """A relative path stays relative to the source root; an absolute one becomes a file URI."""
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(PurePosixPath(*path.parts).as_posix()), "uriBaseId": "%SRCROOT%"}


def rule(code: str) -> dict[str, Any]:
    from policy_rulebook.core.i18n import current
    from policy_rulebook.linter.checks import BY_CODE
    from policy_rulebook.linter.explain import HEADINGS, doc_sections, unwrap

    check = BY_CODE.get(code)
    if check is None:
        return {"id": code}
    sections = {_(HEADINGS.get(heading, heading)): _(unwrap(text))
                for heading, text in doc_sections(check).items()}
    what = sections.get(_("What it checks"), _(check.summary))
    body = check.doc.split("\n", 1)[1].strip() if "\n" in check.doc else check.summary
    if current() != "en":  # the docs as written are English
        body = "\n\n".join(f"## {heading}\n\n{text}" for heading, text in sections.items())
    help_text = "\n\n".join(f"{heading}: {text}" for heading, text in sections.items())
    return {
        "id": check.code,
        "name": check.name,
        "shortDescription": {"text": _(check.summary)},
        "fullDescription": {"text": what},
        "help": {"text": help_text or _(check.summary), "markdown": body},
        "defaultConfiguration": {"level": _LEVELS[check.severity]},
        "properties": {"tags": ["policy"]},
    }


def result(finding: Finding, rule_index: dict[str, int],
           suppressed: Suppressed | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact_uri(finding.file),
                "region": {"startLine": max(finding.line, 1),
                           "startColumn": max(finding.column, 1)},
            },
        }],
    }
    if finding.path:
        data["locations"][0]["logicalLocations"] = [
            {"fullyQualifiedName": finding.path, "kind": "member"}]
    if suppressed is not None:
        justification = suppressed.reason + (
            f" (until {suppressed.until.isoformat()})" if suppressed.until else "")
        data["suppressions"] = [{"kind": "inSource", "justification": justification}]
    return data


def render(report: Report, color: bool = False) -> str:
    pairs: list[tuple[Finding, Suppressed | None]] = [(f, None) for f in report.findings]
    pairs += [(s.finding, s) for s in report.suppressed]
    codes = sorted({f.code for f, _ in pairs})
    rule_index = {code: index for index, code in enumerate(codes)}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "rulebook",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [rule(code) for code in codes],
            }},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {
                "description": {"text": "The directory rulebook ran in."}}},
            "results": [result(f, rule_index, s) for f, s in pairs],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
