"""Fuzz target: the text, json, github, sarif and junit reporters with arbitrary Unicode in
every field. The output is always well-formed (SARIF valid against the vendored schema, junit
parsed, json parsed, exactly one GitHub command per finding, one text line per finding) and
encodable as UTF-8 (so the command's exit code stays 0, 1 or 2, never 3)."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_rulebook.core.findings import Finding, Report, Severity, Suppressed
from policy_rulebook.linter.reporters import REPORTERS, render
from tests.test_reporters import well_formed

ANY = st.text(st.characters(), max_size=40)  # every code point, surrogates included
CODES = st.sampled_from(["RB001", "RB103", "RB401", "RB999", "X"])

findings = st.builds(
    Finding,
    ANY,
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    CODES,
    st.sampled_from(list(Severity)),
    ANY,
    ANY,
)
suppressed = st.builds(
    Suppressed,
    findings,
    ANY,
    st.one_of(st.none(), st.dates(dt.date(2000, 1, 1))),
    ANY,
    st.integers(0, 10**6),
)
reports = st.builds(
    Report,
    st.lists(findings, max_size=4).map(tuple),
    st.lists(ANY, max_size=3).map(tuple),
    st.lists(suppressed, max_size=2).map(tuple),
)


@settings(max_examples=200, deadline=None)
@given(reports, st.booleans())
def test_every_reporter_writes_well_formed_output(report: Report, show: bool) -> None:
    for name in REPORTERS:  # every format, a new one included
        out = render(name, report, False, show)
        well_formed(name, out)
        lines = out.splitlines()
        if name == "text":
            count = len(report.findings) + (
                1 + 2 * len(report.suppressed) if show and report.suppressed else int(show)
            )
            assert len(lines) == count + 1
        elif name == "github":
            commands = [line for line in lines if line.startswith("::")]
            expected = len(report.findings) + (len(report.suppressed) if show else 0)
            assert len(commands) == expected == len(lines) - 1
        elif name == "json":
            data = json.loads(out)
            assert len(data["findings"]) == len(report.findings)
        elif name == "gitlab":
            assert len(json.loads(out)) == len(report.findings)
