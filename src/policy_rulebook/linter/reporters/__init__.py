"""Reporters render a lint report; they never decide. One module per format."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from policy_rulebook.linter.engine import Report

Render = Callable[[Report, bool], str]

#: Format name -> module in this package with ``render(report, color) -> str``.
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_format",
    # ci: annotations, code scanning, test reports
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
}


def get(name: str) -> Render:
    module = import_module(f"policy_rulebook.linter.reporters.{FORMATS[name]}")
    render: Render = module.render
    return render


def render(name: str, report: Report, color: bool, show_suppressed: bool = False) -> str:
    """The report in a format. ``show_suppressed`` lists the waived findings before the
    summary in the formats that do not always include them (text: a list with the reasons;
    github: a notice each); json and sarif always include them."""
    output = get(name)(report, color)
    if not show_suppressed or name not in ("text", "github"):
        return output
    if name == "text":
        from policy_rulebook.linter.reporters.text import render_suppressed as block
    else:
        from policy_rulebook.linter.reporters.github import render_suppressed as block
    *findings, summary = output.splitlines(keepends=True)
    return "".join(findings) + block(report) + summary
