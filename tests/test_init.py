"""``rulebook init``: a new policy that lint explains, and that never overwrites a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy_rulebook.core.model import REQUIRED_SECTIONS
from tests.helpers import run, run_process

# Written against the English wording (the bundled policy is Dutch; see test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")


def test_init_then_lint_lists_what_is_still_to_write(tmp_path: Path) -> None:
    created = run_process("init", "--organisation", "Gemeente Beverdonk", cwd=tmp_path)
    assert (created.code, created.err) == (0, "")
    policy = tmp_path / "rulebook"
    names = sorted(p.name for p in policy.iterdir())
    assert names == sorted([f"{s}.yaml" for s in REQUIRED_SECTIONS] + ["rulebook.schema.json"])
    for section in REQUIRED_SECTIONS:
        text = (policy / f"{section}.yaml").read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=rulebook.schema.json\n")
        assert f"\n{section}:\n" in text
        assert "TODO" in text
    assert "Wie ben jij? Waar sta je voor?" in (policy / "brand.yaml").read_text(encoding="utf-8")
    assert "Maak een reactieschema." in (policy / "reactions.yaml").read_text(encoding="utf-8")
    assert json.loads((policy / "rulebook.schema.json").read_text(encoding="utf-8"))["$defs"]

    lint = run_process("lint", "--format", "json", cwd=tmp_path)
    assert lint.code == 1 and lint.err == ""
    findings = json.loads(lint.out)["findings"]
    # RB610 (info): a new policy names no profile until one is chosen (init --profile NAME)
    assert {f["code"] for f in findings} == {"RB100", "RB103", "RB401", "RB402", "RB610"}
    messages = [f["message"] for f in findings]
    # a draft has no adoption date yet: the schema asks for one only once it is adopted
    assert not any("meta has no `adopted_on`" in m for m in messages)
    assert any("contact › primary has no `name`" in m for m in messages)
    assert any("the contact point has no e-mail address" in m for m in messages)
    assert sum("`mission` in `nl` is only a placeholder" in m for m in messages) == 1
    assert sum("`mission` in `en` is only a placeholder" in m for m in messages) == 1
    assert {Path(f["file"]).name for f in findings} == {f"{s}.yaml" for s in REQUIRED_SECTIONS}

    plain = run_process("lint", cwd=tmp_path)
    assert plain.out.splitlines()[-1].startswith(f"{len(findings)} findings ")
    assert run_process("fmt", "--check", cwd=tmp_path).code == 0  # already canonical


def test_one_language_and_an_odd_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "nieuw beleid"
    result = run(
        capsys,
        "init",
        str(target),
        "--lang",
        "en",
        "--organisation",
        'Club "De Kleine": zuid \x1b[31m',
    )
    assert result.code == 0, result.err
    meta = (target / "meta.yaml").read_text(encoding="utf-8")
    assert 'organisation: "Club \\"De Kleine\\": zuid \\e[31m"' in meta
    assert '  title: "TODO: the title of the policy"\n' in meta
    assert "languages: [en]" in meta
    lint = run(capsys, "lint", "--format", "json", str(target))
    codes = {f["code"] for f in json.loads(lint.out)["findings"]}
    assert "RB301" not in codes and "RB013" in codes  # the escape is reported, not obeyed


def test_never_overwrites_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rulebook"
    target.mkdir()
    (target / "roles.yaml").write_text("roles: {}\n", encoding="utf-8")
    result = run(capsys, "init", str(target))
    assert result.code == 2 and result.out == ""
    assert result.err == (
        f"rulebook: error: {target / 'roles.yaml'} already exists: rulebook "
        "init never overwrites a file; choose another folder\n"
    )
    assert [p.name for p in target.iterdir()] == ["roles.yaml"]
    assert (target / "roles.yaml").read_text(encoding="utf-8") == "roles: {}\n"


def test_a_folder_with_a_policy_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "policy.yml").write_text("meta: {}\n", encoding="utf-8")
    result = run(capsys, "init", str(tmp_path))
    assert result.code == 2 and "policy.yml already exists" in result.err
    assert [p.name for p in tmp_path.iterdir()] == ["policy.yml"]


@pytest.mark.parametrize("languages", ["", "EN", "nl,nl", "nl;en", "english"])
def test_bad_languages_are_a_usage_error(
    languages: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "init", str(tmp_path / "x"), "--lang", languages)
    assert result.code == 2 and result.err.startswith("rulebook: error: --lang")
    assert result.err.count("\n") == 1
    assert not (tmp_path / "x").exists()
