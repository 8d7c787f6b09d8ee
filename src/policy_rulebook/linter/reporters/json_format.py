"""``--format json``: ``{"findings": [...], "suppressed": [...], "summary": {...}}``.

A contract: keep it stable. Each suppressed entry is a finding with ``reason``, ``until`` and
``suppressed_at`` (where the suppression comment is).
"""

from __future__ import annotations

import json

from policy_rulebook.core import escape
from policy_rulebook.core.findings import Report
from policy_rulebook.linter.reporters.summary import summary_data


class JsonReporter:
    name = "json"

    def render(self, report: Report, color: bool = False, show_suppressed: bool = False) -> str:
        payload = {
            "findings": [f.to_dict() for f in report.findings],
            "suppressed": [s.to_dict() for s in report.suppressed],
            "summary": summary_data(report),
        }
        if report.notes:  # checks the configuration switched off or lowered
            payload["notes"] = list(report.notes)
        # json escapes C0 controls itself; the rest a terminal acts on (C1, direction
        # overrides) and what UTF-8 cannot hold (lone surrogates) become \u escapes.
        return escape.json_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def render(report: Report, color: bool = False) -> str:
    return JsonReporter().render(report, color)
