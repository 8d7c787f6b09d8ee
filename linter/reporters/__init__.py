"""Reporters render a lint report; they never decide. One module per format."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from linter.engine import Report

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
    module = import_module(f"linter.reporters.{FORMATS[name]}")
    render: Render = module.render
    return render


def render_suppressed(name: str, report: Report) -> str:
    """``--show-suppressed`` for formats that do not always include the suppressed findings
    (json and sarif do)."""
    if name == "text":
        from linter.reporters.text import render_suppressed as text
        return text(report)
    if name == "github":
        from linter.reporters.github import render_suppressed as github
        return github(report)
    return ""
