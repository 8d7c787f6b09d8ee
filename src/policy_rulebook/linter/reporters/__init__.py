"""Reporters render a lint report; they never decide. One module per format.

A reporter is anything with the ``Reporter`` shape: a ``name`` and ``render(report, color,
show_suppressed)``. ``REPORTERS`` is the one table of formats: each name with its class
(imported when used: the linter runs on every commit), the file suffix of its golden files and
what syntax its output has (the tests check every format's output by it). The CLI's
``--format`` choices and the configuration schema's ``format`` enum come from this table.

Everything a reporter says comes from the report: the findings,
the suppressed ones, and the metadata of the rules (``report.rules``); every value goes
through the format's escaper in ``policy_rulebook.core.escape``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # rulebook --help reads the table below: the findings' dataclasses wait
    from policy_rulebook.core.findings import Report


class Reporter(Protocol):
    """One output format."""

    name: str

    def render(self, report: Report, color: bool = False, show_suppressed: bool = False) -> str:
        """The whole report as text. ``show_suppressed``: also list the waived findings
        (json and sarif always include them)."""
        ...


Render = Callable[["Report", bool], str]


@dataclass(frozen=True)
class Format:
    """An output format: ``target`` is "module:Class" in this package; ``suffix`` the file
    suffix of its output (golden files ``lint-broken<suffix>``); ``syntax`` what its output is:
    "lines" (text), "json" or "xml"."""

    target: str
    suffix: str
    syntax: str


#: Format name -> its reporter. Add a format here and nowhere else.
REPORTERS: dict[str, Format] = {
    "text": Format("text:TextReporter", ".txt", "lines"),
    "json": Format("json_format:JsonReporter", ".json", "json"),
    "github": Format("github:GithubReporter", ".github.txt", "lines"),
    "sarif": Format("sarif:SarifReporter", ".sarif", "json"),
    "junit": Format("junit:JunitReporter", ".junit.xml", "xml"),
    "gitlab": Format("gitlab:GitlabReporter", ".gitlab.json", "json"),
}


def reporter(name: str) -> Reporter:
    module, _, cls = REPORTERS[name].target.partition(":")
    made: Reporter = getattr(import_module(f"policy_rulebook.linter.reporters.{module}"), cls)()
    return made


def get(name: str) -> Render:
    """``render(report, color)`` of a format."""
    return reporter(name).render


def render(name: str, report: Report, color: bool, show_suppressed: bool = False) -> str:
    """The report in a format."""
    return reporter(name).render(report, color, show_suppressed)
