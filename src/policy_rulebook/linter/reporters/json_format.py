"""``--format json``: ``{"findings": [...], "suppressed": [...], "summary": {...}}``.

A contract: keep it stable. Each suppressed entry is a finding with ``reason``, ``until`` and
``suppressed_at`` (where the suppression comment is).
"""

from __future__ import annotations

import json
import re

from policy_rulebook.linter.engine import Report
from policy_rulebook.linter.reporters.summary import summary_data


def render(report: Report, color: bool = False) -> str:
    payload = {
        "findings": [f.to_dict() for f in report.findings],
        "suppressed": [s.to_dict() for s in report.suppressed],
        "summary": summary_data(report),
    }
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    # json escapes C0 controls itself; C1 controls (\x9b starts an ANSI sequence too), direction
    # overrides and lone surrogates are escaped here, so the output is safe on a terminal.
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
