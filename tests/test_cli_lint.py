"""``rulebook lint`` end to end, on real files: exit codes, formats, golden output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from policy_rulebook.core.model import REQUIRED_SECTIONS
from tests.helpers import BUNDLED, EXAMPLES, REPO, TODAY, Golden, run, run_process


def test_bundled_policy_is_clean_in_strict_mode() -> None:
    result = run_process("lint", "--strict", "--today", TODAY.isoformat(), "rulebook", cwd=REPO)
    assert (result.code, result.err) == (0, "")
    assert result.out == "Geen meldingen in 9 bestanden.\n"  # a Dutch policy: Dutch messages
    english = run_process("lint", "--strict", "--lang", "en", "rulebook", cwd=REPO)
    assert english.out == "No findings in 9 files.\n"


def test_single_file_policy_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "lint", "--strict", str(EXAMPLES / "valid" / "minimal.yaml"))
    assert result.code == 0, result.out


@pytest.mark.parametrize("section", REQUIRED_SECTIONS)
def test_removing_a_required_section_names_it(
    section: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, policy)
    (policy / f"{section}.yaml").unlink()
    result = run(capsys, "lint", "--format", "json", "--lang", "en", str(policy))
    assert result.code == 1
    missing = [f for f in json.loads(result.out)["findings"] if f["code"] == "RB101"]
    assert [f["path"] for f in missing] == [f"/{section}"]
    assert f"`{section}` section" in missing[0]["message"]
    assert Path(missing[0]["file"]).is_file()


def test_broken_yaml_gives_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, policy)
    lines = (policy / "contact.yaml").read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if "email:" in line)
    lines[index] = lines[index].replace("email:", "email: 'unclosed")
    (policy / "contact.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(capsys, "lint", str(policy))
    assert result.code == 1
    syntax = [line for line in result.out.splitlines() if " RB001 " in line]
    assert len(syntax) == 1
    file, line = syntax[0].split(":")[:2]
    assert file.endswith("contact.yaml") and int(line) >= index + 1
    assert "RB101" not in result.out  # a broken file hides nothing else


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_process("lint", str(tmp_path / "nope"))
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and "no such file or directory" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "--format", "xml"],
        ["lint", "--today", "yesterday"],
        ["lint", "--no-such-option"],
        ["no-such-command"],
    ],
)
def test_bad_options_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, *args)
    assert result.code == 2
    assert "Traceback" not in result.err and result.err.strip()


def test_empty_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "lint", str(tmp_path))
    assert result.code == 2 and "no .yaml or .yml files" in result.err


def test_warnings_fail_only_in_strict_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, policy)
    assert run(capsys, "lint", "--today", "2099-01-01", str(policy)).code == 0
    strict = run(capsys, "lint", "--strict", "--today", "2099-01-01", str(policy))
    assert strict.code == 1 and " waarschuwing RB501 " in strict.out
    english = run(capsys, "lint", "--strict", "--lang", "en", "--today", "2099-01-01", str(policy))
    assert english.code == 1 and " warning RB501 " in english.out


def test_golden_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("NO_COLOR", "1")
    result = run(capsys, "lint", "--today", TODAY.isoformat(), "tests/examples/invalid/broken")
    assert result.code == 1
    golden("lint-broken.txt", result.out)


def test_golden_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    monkeypatch.chdir(REPO)
    result = run(
        capsys,
        "lint",
        "--format",
        "json",
        "--today",
        TODAY.isoformat(),
        "tests/examples/invalid/broken",
    )
    assert result.code == 1
    golden("lint-broken.json", result.out)
    payload = json.loads(result.out)
    assert set(payload) == {"findings", "suppressed", "summary"}
    for finding in payload["findings"]:
        assert set(finding) == {"code", "severity", "message", "file", "line", "column", "path"}
        assert finding["severity"] in ("error", "warning", "info")


def test_schema_command_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "schema")
    assert result.code == 0
    assert json.loads(result.out) == json.loads(
        (REPO / "schema" / "rulebook.schema.json").read_text(encoding="utf-8")
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "--version")
    assert result.code == 0 and result.out.startswith("rulebook, version ")
