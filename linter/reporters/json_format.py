"""``--format json``: ``{"findings": [...], "suppressed": [...], "summary": {...}}``.

A contract: keep it stable. Each suppressed entry is a finding with ``reason``, ``until`` and
``suppressed_at`` (where the suppression comment is).
"""

from __future__ import annotations

import json

from linter.engine import Report
from linter.reporters.summary import summary_data


def render(report: Report, color: bool = False) -> str:
    payload = {
        "findings": [f.to_dict() for f in report.findings],
        "suppressed": [s.to_dict() for s in report.suppressed],
        "summary": summary_data(report),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
