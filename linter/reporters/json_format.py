"""``--format json``: ``{"findings": [...], "summary": {...}}`` (a contract: keep it stable)."""

from __future__ import annotations

import json

from linter.engine import Report
from linter.reporters.summary import summary_data


def render(report: Report, color: bool = False) -> str:
    payload = {
        "findings": [f.to_dict() for f in report.findings],
        "summary": summary_data(report),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
