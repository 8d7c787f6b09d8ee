"""``--format gitlab``: a GitLab Code Quality report (the Code Climate JSON subset GitLab reads),
which GitLab shows as annotations in the merge request's diff and in its Code Quality widget.

A JSON array with one issue per finding: ``description`` (the message, with the code),
``check_name`` (the code), ``fingerprint`` (stable: the same finding on another line after an
edit above it keeps it, so GitLab reports it as unchanged, not as fixed and new), ``severity``
(``major`` for an error, ``minor`` for a warning, ``info``), and ``location`` (``path`` as
written, relative to the working directory: run rulebook at the repository's root, and
``lines.begin``). Suppressed findings are left out: GitLab has no notion of a waiver.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter

from policy_rulebook.core import escape
from policy_rulebook.core.findings import Finding, Report, Severity

_NUMBERS = re.compile(r"\d+")
#: Code Quality's severities: info, minor, major, critical, blocker (any other: info).
SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def fingerprint(finding: Finding, occurrence: int) -> str:
    """What identifies a finding across commits: not its line, which moves with every edit
    above it, but its code, file, place in the policy (JSON pointer) and message, with the
    numbers in it left out (a message may name another line: "in use at conduct.yaml:7"); the
    occurrence tells apart findings that share all four."""
    message = _NUMBERS.sub("#", finding.message)
    key = "\0".join((finding.code, finding.file, finding.path, message, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class GitlabReporter:
    name = "gitlab"

    def render(self, report: Report, color: bool = False, show_suppressed: bool = False) -> str:
        seen: Counter[tuple[str, str, str, str]] = Counter()
        issues = []
        for finding in report.findings:
            key = (finding.code, finding.file, finding.path, _NUMBERS.sub("#", finding.message))
            seen[key] += 1
            rule = report.rules.get(finding.code)
            issues.append(
                {
                    "type": "issue",
                    "description": escape.clean(f"{finding.code} {finding.message}"),
                    "check_name": f"{finding.code} {rule.name}" if rule else finding.code,
                    "categories": ["Style"],
                    "fingerprint": fingerprint(finding, seen[key]),
                    "severity": SEVERITY.get(finding.severity, "info"),
                    "location": {
                        "path": escape.clean(finding.file) or ".",
                        "lines": {"begin": max(finding.line, 1)},
                    },
                }
            )
        return escape.json_text(json.dumps(issues, indent=2, ensure_ascii=False) + "\n")
