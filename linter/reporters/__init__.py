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
}


def get(name: str) -> Render:
    module = import_module(f"linter.reporters.{FORMATS[name]}")
    render: Render = module.render
    return render
