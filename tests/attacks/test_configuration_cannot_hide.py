"""Attack (issue 24, 8): configuration was read from the checkout and from any folder above
it; ``ignore: [RB]`` then passed a policy whose YAML does not parse (exit 0), and
``ignore: [RB9]`` switched version discipline off without a word.

Why it holds now: configuration is looked for only inside the repository (or, outside one,
in the working directory); a file that could not be read (``config.UNREAD``) is always an
error whatever ``select``, ``ignore`` or ``severity`` say; and what the file switches off or
lowers is said in the output (text: a line; json: ``notes``; github: a warning).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.helpers import BUNDLED, TODAY, run


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "work" / "repo"
    shutil.copytree(BUNDLED, repo / "rulebook")
    (repo / ".git").mkdir()
    monkeypatch.chdir(repo)
    return repo


def _lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    result = run(capsys, "lint", "rulebook", "--today", TODAY.isoformat(), *args)
    return int(result.code), result.out + result.err


def _break(repo: Path) -> None:
    (repo / "rulebook" / "meta.yaml").write_text("meta: [unclosed\n", encoding="utf-8")


@pytest.mark.parametrize("name", [".rulebook.yaml", "pyproject.toml"])
def test_configuration_above_the_repository_is_not_read(
    repo: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "ignore: [RB]\n" if name.endswith("yaml") else '[tool.rulebook]\nignore = ["RB"]\n'
    for folder in (repo.parent, repo.parent.parent):
        (folder / name).write_text(text, encoding="utf-8")
    _break(repo)
    code, out = _lint(capsys)
    assert code == 1 and "RB001" in out, out


def test_outside_a_repository_only_the_working_directory_counts(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(repo / ".git")
    (repo.parent / ".rulebook.yaml").write_text("ignore: [RB]\n", encoding="utf-8")
    _break(repo)
    assert _lint(capsys)[0] == 1
    (repo / ".rulebook.yaml").write_text("select: [RB1]\n", encoding="utf-8")
    code, out = _lint(capsys)
    assert code == 1 and "RB001" in out and "selected by .rulebook.yaml" in out, out


@pytest.mark.parametrize(
    "config",
    [
        "ignore: [RB]\n",
        "ignore: [RB0]\n",
        "select: [RB9]\n",
        "severity: {RB001: warning}\n",
    ],
)
def test_no_configuration_hides_a_file_that_does_not_parse(
    repo: Path, config: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".rulebook.yaml").write_text(config, encoding="utf-8")
    _break(repo)
    code, out = _lint(capsys, "--format", "json")
    payload = json.loads(out)
    assert code == 1
    assert [(f["code"], f["severity"]) for f in payload["findings"]][:1] == [("RB001", "error")]


def test_switching_checks_off_is_said_in_every_reporter(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".rulebook.yaml").write_text(
        "ignore: [RB9]\nseverity: {RB001: warning, RB101: warning}\n", encoding="utf-8"
    )
    code, out = _lint(capsys)
    assert code == 0
    assert out.splitlines()[-2:] == [
        "checks RB9 switched off by .rulebook.yaml",
        "checks RB101 lowered from error to warning by .rulebook.yaml",
    ]
    _, out = _lint(capsys, "--format", "json")
    assert json.loads(out)["notes"][0] == "checks RB9 switched off by .rulebook.yaml"
    _, out = _lint(capsys, "--format", "github")
    assert "::warning::checks RB9 switched off by .rulebook.yaml" in out.splitlines()


def test_options_on_the_command_line_are_not_notes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _lint(capsys, "--ignore", "RB9")
    assert code == 0 and "switched off" not in out


def test_a_configuration_changed_since_the_base_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests import gitrepo

    repo = gitrepo.init(tmp_path / "git")
    gitrepo.copy_bundled(repo)
    (repo / ".rulebook.yaml").write_text("format: text\n", encoding="utf-8")
    gitrepo.commit(repo, "Policy 2.1.0", "Hanne Wuyts <hanne@example.org>", "2026-11-02")
    monkeypatch.chdir(repo)
    code, out = _lint(capsys, "--base", "HEAD")
    assert code == 0 and "changed since" not in out, out
    (repo / ".rulebook.yaml").write_text("format: text\nignore: [RB9]\n", encoding="utf-8")
    gitrepo.commit(repo, "quiet", "Eve <eve@example.org>", "2026-11-03")
    message = (
        "the configuration .rulebook.yaml changed since HEAD~1: review which checks it "
        "selects, ignores or lowers, as part of this change"
    )
    code, out = _lint(capsys, "--base", "HEAD~1", "--strict")
    # RB904 is information: it is shown next to the policy's findings, it fails nothing
    assert code == 0, out
    assert out.splitlines()[0] == f".rulebook.yaml:2:1: info RB904 {message}", out
    assert out.splitlines()[-1] == "checks RB9 switched off by .rulebook.yaml", out
    _, out = _lint(capsys, "--base", "HEAD~1", "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert (finding["code"], finding["file"], finding["line"]) == ("RB904", ".rulebook.yaml", 2)
    assert finding["message"] == message
    _, out = _lint(capsys, "--base", "HEAD~1", "--format", "github")
    assert out.splitlines()[0].startswith(
        "::notice file=.rulebook.yaml,line=2,col=1,title=RB904 configuration-changed::"
    ), out
    _, out = _lint(capsys, "--base", "HEAD~1", "--format", "sarif")
    [result] = json.loads(out)["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("RB904", "note")


@pytest.mark.parametrize("setting", ["ignore: [RB9]", "ignore: [RB]", "select: [RB1]"])
def test_no_configuration_hides_its_own_change(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    setting: str,
) -> None:
    from tests import gitrepo

    repo = gitrepo.init(tmp_path / "git")
    gitrepo.copy_bundled(repo)
    gitrepo.commit(repo, "Policy 2.1.0", "Hanne Wuyts <hanne@example.org>", "2026-11-02")
    monkeypatch.chdir(repo)
    (repo / ".rulebook.yaml").write_text(f"{setting}\n", encoding="utf-8")
    gitrepo.commit(repo, "quiet", "Eve <eve@example.org>", "2026-11-03")
    _, out = _lint(capsys, "--base", "HEAD~1", "--format", "json")
    [finding] = [f for f in json.loads(out)["findings"] if f["code"] == "RB904"]
    assert finding["line"] == 1 and "was added since HEAD~1" in finding["message"]
    (repo / ".rulebook.yaml").unlink()
    gitrepo.commit(repo, "loud again", "Eve <eve@example.org>", "2026-11-04")
    _, out = _lint(capsys, "--base", "HEAD~1", "--format", "json")
    [finding] = [f for f in json.loads(out)["findings"] if f["code"] == "RB904"]
    assert "was removed since HEAD~1" in finding["message"]
