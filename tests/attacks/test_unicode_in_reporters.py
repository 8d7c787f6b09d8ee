"""Attack: ``--format sarif`` and ``--format github`` ended with exit 3 (UnicodeEncodeError) on
a lone surrogate; ``--format junit`` wrote XML that is not well-formed for U+FFFF in a value or
a file name; a file name that is not UTF-8 crashed sarif."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from policy_rulebook.core.findings import Finding, Report, Severity
from policy_rulebook.linter.engine import registered_rules
from policy_rulebook.linter.reporters import REPORTERS, get
from tests.helpers import TODAY, run_process
from tests.test_reporters import validate_sarif

NASTY = "\ud800 lone \udcff surrogates, \uffff \ufffe \U0010ffff non-characters, \x00\x1b\x9b"


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_format_encodes_any_value(name: str) -> None:
    finding = Finding(f"dir/{NASTY}.yaml", 3, 1, "RB103", Severity.ERROR, NASTY, "/a")
    out = get(name)(Report((finding,), (finding.file,), rules=registered_rules()), False)
    out.encode("utf-8")  # strict: what click would write
    if name == "junit":
        ET.fromstring(out.encode("utf-8"))
    if name == "sarif":
        validate_sarif(out)
    if name == "json":
        json.loads(out)


def test_junit_is_well_formed_for_u_ffff() -> None:
    finding = Finding("a\uffff.yaml", 1, 1, "RB103", Severity.ERROR, "value \uffff")
    root = ET.fromstring(
        get("junit")(Report((finding,), ("a.yaml",), rules=registered_rules()), False)
    )
    failure = root.find(".//failure")
    assert failure is not None and "\\uffff" in (failure.get("message") or "")


@pytest.mark.parametrize("output_format", list(REPORTERS))
def test_file_name_that_is_not_utf8(policy: Path, output_format: str) -> None:
    bad = os.fsencode(policy) + b"/caf\xe9.yaml"
    with open(bad, "wb") as stream:
        stream.write(b"unknown_section: 1\n")
    result = run_process(
        "lint", "--format", output_format, "--today", TODAY.isoformat(), str(policy)
    )
    assert result.code == 1, result.err
    if output_format == "sarif":
        log = validate_sarif(result.out)
        uris = [
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]
        ]
        assert any(uri.endswith("caf%E9.yaml") for uri in uris), uris


@pytest.mark.parametrize("output_format", list(REPORTERS))
def test_lone_surrogate_in_a_value(policy: Path, output_format: str) -> None:
    contact = policy / "contact.yaml"
    contact.write_text(
        contact.read_text().replace(
            "email: lien.verhaegen@lindebeek.be", 'email: "\\ud800x\\uffff"'
        )
    )
    result = run_process(
        "lint", "--format", output_format, "--today", TODAY.isoformat(), str(policy)
    )
    assert result.code in (1, 2), result.err
    assert "internal error" not in result.err
