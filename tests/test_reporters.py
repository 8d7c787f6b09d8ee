"""Output formats: a golden file per format, SARIF valid against the SARIF 2.1.0 schema, JUnit
and GitHub annotations as their readers parse them, ``--output`` written atomically."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from policy_rulebook.cli import FORMAT_NAMES
from policy_rulebook.core.findings import Finding, Report, Severity
from policy_rulebook.linter.engine import registered_rules
from policy_rulebook.linter.reporters import REPORTERS, get
from policy_rulebook.linter.reporters.github import escape_data, escape_property
from tests.helpers import GOLDEN, REPO, TODAY, Golden, run
from tests.test_suppressions import policy

BROKEN = "tests/examples/invalid/broken"
SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-2.1.0" / "sarif-schema-2.1.0.json"


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    result = run(capsys, "lint", "--today", TODAY.isoformat(), *args)
    assert result.code == 1, result.err
    return result.out


GITLAB_SCHEMA = Path(__file__).parent / "schemas" / "gitlab" / "code-quality.schema.json"


def validate_gitlab(text: str) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = json.loads(text)
    schema = json.loads(GITLAB_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(issues)
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)  # GitLab keys issues by fingerprint
    return issues


def well_formed(name: str, out: str) -> None:
    """Assert the output of format ``name`` is what its syntax promises (REPORTERS)."""
    out.encode("utf-8")  # strict: what click would write
    syntax = REPORTERS[name].syntax
    if syntax == "json":
        json.loads(out)
    elif syntax == "xml":
        ET.fromstring(out.encode("utf-8"))
    if name == "sarif":
        validate_sarif(out)
    if name == "gitlab":
        validate_gitlab(out)


def validate_sarif(text: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(text)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    return log


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("NO_COLOR", "1")


def test_the_command_offers_every_format() -> None:
    assert tuple(REPORTERS) == FORMAT_NAMES
    schema = json.loads((REPO / "schema" / "config.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["format"]["enum"] == list(REPORTERS)


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize("name", list(REPORTERS))
def test_golden_every_format(name: str, capsys: pytest.CaptureFixture[str], golden: Golden) -> None:
    out = lint(capsys, "--format", name, BROKEN)
    golden(f"lint-broken{REPORTERS[name].suffix}", out)
    well_formed(name, out)


@pytest.mark.usefixtures("in_repo")
def test_gitlab_fingerprints_do_not_move_with_the_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A line added above a finding moves it; GitLab must still see the same issue."""
    import shutil

    shutil.copytree(REPO / BROKEN, tmp_path / "broken")
    before = validate_gitlab(lint(capsys, "--format", "gitlab", str(tmp_path / "broken")))
    conduct = tmp_path / "broken" / "conduct.yaml"
    conduct.write_text("# a comment above everything\n" + conduct.read_text(encoding="utf-8"))
    after = validate_gitlab(lint(capsys, "--format", "gitlab", str(tmp_path / "broken")))
    moved = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in after}
    assert {i["fingerprint"] for i in before} == set(moved)
    assert any(
        moved[i["fingerprint"]] == i["location"]["lines"]["begin"] + 1
        for i in before
        if i["location"]["path"].endswith("conduct.yaml")
    )
    assert {i["severity"] for i in before} == {"major", "minor", "info"}  # RB610: an info


@pytest.mark.usefixtures("in_repo")
def test_golden_github(capsys: pytest.CaptureFixture[str], golden: Golden) -> None:
    out = lint(capsys, "--format", "github", BROKEN)
    golden("lint-broken.github.txt", out)
    lines = out.splitlines()
    assert lines[1].startswith(
        "::error file=tests/examples/invalid/broken/conduct.yaml,line=10,col=7,title=RB201 "
    )
    assert sum(line.startswith("::warning ") for line in lines) == 9
    assert sum(line.startswith("::notice ") for line in lines) == 1  # RB610: it has no profile
    assert lines[-1].startswith("22 meldingen")  # the broken example policy is Dutch


@pytest.mark.usefixtures("in_repo")
def test_golden_sarif_is_valid_sarif(capsys: pytest.CaptureFixture[str], golden: Golden) -> None:
    out = lint(capsys, "--format", "sarif", BROKEN)
    golden("lint-broken.sarif", out)
    log = validate_sarif(out)
    [run_] = log["runs"]
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    assert len(results) == 22
    assert [r["level"] for r in results if r["ruleId"] == "RB610"] == ["note"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert (REPO / uri).is_file()
    rb601 = next(r for r in rules if r["id"] == "RB601")
    assert rb601["shortDescription"]["text"] == "een juridisch punt vermeldt geen rechtsgrond"
    assert rb601["fullDescription"]["text"].startswith("Dat elk item van `legal.items`")
    assert "## Waarom" in rb601["help"]["markdown"]


@pytest.mark.usefixtures("in_repo")
def test_golden_junit(capsys: pytest.CaptureFixture[str], golden: Golden) -> None:
    out = lint(capsys, "--format", "junit", BROKEN)
    golden("lint-broken.junit.xml", out)
    root = ET.fromstring(out)
    cases = root.findall("./testsuite/testcase")
    from policy_rulebook.linter import profiles
    from policy_rulebook.linter.checks import CHECKS

    # the example names no meta.profile: the profile-bound checks do not run
    assert [c.get("name") for c in cases] == [
        f"{c.code} {c.name}" for c in CHECKS if c.code not in profiles.bound_checks()
    ]
    assert sum(len(c.findall("failure")) for c in cases) == 21
    failing = [c for c in cases if c.find("failure") is not None]
    assert root.get("failures") == str(len(failing))
    rb103 = next(c for c in cases if str(c.get("name")).startswith("RB103"))
    assert [f.get("type") for f in rb103.findall("failure")] == ["error", "error"]


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_sarif_marks_suppressed_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = policy(
        tmp_path, comment_0="  # rulebook: ignore[RB301] reason: follows in June until: 2027-06-30"
    )
    result = run(capsys, "lint", "--format", "sarif", "--today", TODAY.isoformat(), str(path))
    log = validate_sarif(result.out)
    results = log["runs"][0]["results"]
    assert [r.get("suppressions") for r in results] == [
        None,
        [{"kind": "inSource", "justification": "follows in June (until 2027-06-30)"}],
    ]


def test_sarif_of_a_clean_policy_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(
        capsys, "lint", "--today", TODAY.isoformat(), "--format", "sarif", str(REPO / "rulebook")
    )
    log = validate_sarif(result.out)
    assert result.code == 0 and log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []


def test_sarif_uri_of_an_absolute_path_is_a_file_uri(tmp_path: Path) -> None:
    finding = Finding(str(tmp_path / "a b.yaml"), 0, 0, "RB001", Severity.ERROR, "broken")
    log = validate_sarif(
        get("sarif")(Report((finding,), ("a b.yaml",), rules=registered_rules()), False)
    )
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == (tmp_path / "a b.yaml").as_uri()
    assert location["region"] == {"startLine": 1, "startColumn": 1}


def test_github_escapes_what_would_end_a_command() -> None:
    assert escape_data("50% done\nnext") == "50%25 done%0Anext"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
    finding = Finding("x,y.yaml", 3, 4, "RB103", Severity.WARNING, "line one\nline two")
    out = get("github")(Report((finding,), ("x,y.yaml",), rules=registered_rules()), False)
    assert out.splitlines()[0] == (
        "::warning file=x%2Cy.yaml,line=3,col=4,title=RB103 placeholder-text::line one%0Aline two"
    )


def test_junit_escapes_markup_and_control_characters() -> None:
    finding = Finding("a.yaml", 1, 1, "RB103", Severity.ERROR, "<b>&\x1b[31m")
    out = get("junit")(Report((finding,), ("a.yaml",), rules=registered_rules()), False)
    failure = ET.fromstring(out).find(".//failure")
    assert failure is not None and failure.get("message") == "a.yaml:1:1: <b>&\\x1b[31m"


@pytest.mark.usefixtures("in_repo")
def test_output_file_is_written_and_nothing_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("old", encoding="utf-8")
    result = run(
        capsys,
        "lint",
        "--today",
        TODAY.isoformat(),
        "--format",
        "sarif",
        "--output",
        str(target),
        BROKEN,
    )
    assert (result.code, result.out, result.err) == (1, "", "")
    assert target.read_text(encoding="utf-8") == (GOLDEN / "lint-broken.sarif").read_text(
        encoding="utf-8"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.sarif"]  # no temporary left


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_output_to_a_missing_directory_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "lint", "--output", str(tmp_path / "no" / "r.txt"), str(REPO / "rulebook"))
    assert result.code == 2 and "does not exist" in result.err and result.out == ""


def test_text_colour_only_when_asked() -> None:
    finding = Finding("a.yaml", 1, 1, "RB103", Severity.ERROR, "empty")
    report = Report((finding,), ("a.yaml",), rules=registered_rules())
    assert "\x1b[31merror\x1b[0m" in get("text")(report, True)
    assert "\x1b" not in get("text")(report, False)


@pytest.mark.usefixtures("in_repo")
def test_no_colour_when_not_a_terminal_or_no_color(capsys: pytest.CaptureFixture[str]) -> None:
    os.environ.pop("NO_COLOR", None)
    out = lint(capsys, BROKEN)  # captured output is not a terminal
    assert "\x1b" not in out


def run_on_a_terminal(*args: str, no_color: bool) -> str:
    """Run the real ``rulebook`` with its standard output on a pseudo-terminal."""
    import pty
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color:
        env["NO_COLOR"] = "1"
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [str(Path(sys.executable).parent / "rulebook"), *args],
        cwd=REPO,
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=env,
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


def test_colour_on_a_terminal_unless_no_color() -> None:
    args = ("lint", "--today", TODAY.isoformat(), BROKEN)
    assert "\x1b[31mfout\x1b[0m RB201" in run_on_a_terminal(*args, no_color=False)
    assert "\x1b" not in run_on_a_terminal(*args, no_color=True)
    assert "\x1b" not in run_on_a_terminal(*args, "--format", "github", no_color=False)


SUPPRESSED = "tests/examples/invalid/suppressed"


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize(
    ("output_format", "golden_name"),
    [(name, f"lint-suppressed{fmt.suffix}") for name, fmt in REPORTERS.items()],
)
def test_golden_with_suppressions_of_every_kind(
    output_format: str, golden_name: str, capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    """A policy with a waiver in force, one without a reason, an unused one, an expired one and
    a malformed one, reported with --show-suppressed in every format."""
    out = lint(capsys, "--show-suppressed", "--format", output_format, SUPPRESSED)
    golden(golden_name, out)
    if output_format == "sarif":
        results = validate_sarif(out)["runs"][0]["results"]
        waived = [r for r in results if "suppressions" in r]
        assert [r["ruleId"] for r in waived] == ["RB501", "RB403"]
    if output_format == "json":
        payload = json.loads(out)
        assert sorted(f["code"] for f in payload["findings"]) == [
            "RB050",
            "RB051",
            "RB052",
            "RB053",
            "RB103",
            "RB203",
            "RB610",
        ]
        assert [s["reason"] for s in payload["suppressed"]] == [
            "the board reviews it on 12 December",
            "the board appoints a backup in January",
        ]
    if output_format == "text":
        assert out.splitlines()[-1].startswith(
            "7 findings (3 errors, 3 warnings, 1 info) in 1 file. 2 suppressed."
        )
