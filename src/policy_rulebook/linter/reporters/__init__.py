"""Reporters render a lint report; they never decide. One module per format.

A reporter is anything with the ``Reporter`` shape: a ``name`` and ``render(report, color,
show_suppressed)``. ``REPORTERS`` maps each format name to its class, imported when used (the
linter runs on every commit). Everything a reporter says comes from the report: the findings,
the suppressed ones, and the metadata of the rules (``report.rules``); every value goes
through the format's escaper in ``policy_rulebook.core.escape``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Protocol

from policy_rulebook.core.findings import Report


class Reporter(Protocol):
    """One output format."""

    name: str

    def render(self, report: Report, color: bool = False, show_suppressed: bool = False) -> str:
        """The whole report as text. ``show_suppressed``: also list the waived findings
        (json and sarif always include them)."""
        ...


Render = Callable[[Report, bool], str]

#: Format name -> "module:Class" in this package.
REPORTERS: dict[str, str] = {
    "text": "text:TextReporter",
    "json": "json_format:JsonReporter",
    "github": "github:GithubReporter",
    "sarif": "sarif:SarifReporter",
    "junit": "junit:JunitReporter",
}
FORMATS = REPORTERS  # the older name


def reporter(name: str) -> Reporter:
    module, _, cls = REPORTERS[name].partition(":")
    made: Reporter = getattr(import_module(f"policy_rulebook.linter.reporters.{module}"), cls)()
    return made


def get(name: str) -> Render:
    """``render(report, color)`` of a format."""
    return reporter(name).render


def render(name: str, report: Report, color: bool, show_suppressed: bool = False) -> str:
    """The report in a format."""
    return reporter(name).render(report, color, show_suppressed)
