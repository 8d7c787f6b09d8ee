"""Version discipline (RB901-RB903) and ``lint --base REV --changed-only`` on real git repos.

The checks' own ``bad``/``good`` examples (what `rulebook explain` shows) are played here as a
history: each ``# commit:`` part is overlaid on the bundled policy and committed, the ``# now:``
part is left in the working tree, and ``rulebook lint --base HEAD`` must (not) report the code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from policy_rulebook.core.changes import Delta as Change
from policy_rulebook.linter.checks import BY_CODE
from policy_rulebook.linter.checks._versioning import needed, raise_level
from tests.gitrepo import AUTHORS, commit, copy_bundled, init, replace, set_version
from tests.helpers import run

# Written against the English wording (the bundled policy is Dutch; see test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")

VERSION_CODES = ("RB901", "RB902", "RB903")
#: The checks whose bad/good examples are histories: version discipline and RB303
#: stale-translation (which also needs the base revision).
HISTORY_CODES = ("RB303", *VERSION_CODES)
_STAGE = re.compile(r"(?m)^# (commit|now):.*$")
_SECTION = re.compile(r"(?m)^(?=[a-z_]+:)")


def play(repo: Path, example: str) -> None:
    """Commit each ``# commit:`` part of an example, leave the ``# now:`` part uncommitted."""
    init(repo)
    policy = copy_bundled(repo)
    commit(repo, "bundled policy", AUTHORS["ann"], "2027-01-01")
    parts = _STAGE.split(example)
    assert parts[0].strip() == "" and len(parts) >= 5, "an example needs commits and a now"
    for number, (stage, text) in enumerate(zip(parts[1::2], parts[2::2], strict=True)):
        for chunk in _SECTION.split(text):
            if chunk.strip():
                section = chunk.split(":", 1)[0]
                (policy / f"{section}.yaml").write_text(chunk, encoding="utf-8")
        if stage == "commit":
            commit(repo, f"stage {number}", AUTHORS["tom"], f"2027-02-{number + 1:02d}")


def lint_codes(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    result = run(capsys, "lint", "--format", "json", "--today", "2027-06-01", *args)
    assert result.code in (0, 1), result.err
    findings: list[dict[str, object]] = json.loads(result.out)["findings"]
    return findings


@pytest.mark.parametrize("code", HISTORY_CODES)
def test_bad_example_gives_the_finding(
    code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    play(tmp_path / "repo", BY_CODE[code].bad)
    monkeypatch.chdir(tmp_path / "repo")
    findings = lint_codes(capsys, "--base", "HEAD", "rulebook")
    assert code in {f["code"] for f in findings}
    assert {f["code"] for f in lint_codes(capsys, "rulebook")}.isdisjoint(HISTORY_CODES)


@pytest.mark.parametrize("code", HISTORY_CODES)
def test_good_example_does_not(
    code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    play(tmp_path / "repo", BY_CODE[code].good)
    monkeypatch.chdir(tmp_path / "repo")
    codes = {f["code"] for f in lint_codes(capsys, "--base", "HEAD", "rulebook")}
    assert codes.isdisjoint(HISTORY_CODES)


@pytest.fixture
def bundled_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    set_version(policy, "3.0.0", "2027-01-01")
    commit(repo, "3.0.0", AUTHORS["ann"], "2027-01-01")
    monkeypatch.chdir(repo)
    return policy


def test_unchanged_policy_is_clean_against_its_base(
    bundled_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "lint", "--strict", "--base", "HEAD", "--today", "2027-06-01", "rulebook")
    assert (result.code, result.out) == (0, "No findings in 9 files.\n")


def test_not_raised_points_at_the_version(
    bundled_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(bundled_repo / "conduct.yaml", "Geef fouten toe", "Geef je fouten toe")
    findings = lint_codes(capsys, "--base", "HEAD", "rulebook")
    [finding] = [f for f in findings if f["code"] == "RB901"]
    assert finding["path"] == "/meta/version" and str(finding["file"]).endswith("meta.yaml")
    assert "raise it to at least 3.0.1" in str(finding["message"])
    set_version(bundled_repo, "3.0.1", "2027-02-01")
    assert not [
        f for f in lint_codes(capsys, "--base", "HEAD", "rulebook") if f["code"] in VERSION_CODES
    ]


def test_legal_wording_needs_a_minor_release(
    bundled_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(bundled_repo / "legal.yaml", "schriftelijke toestemming", "schriftelijk akkoord")
    set_version(bundled_repo, "3.0.1", "2027-02-01")
    findings = lint_codes(capsys, "--base", "HEAD", "rulebook")
    [finding] = [f for f in findings if f["code"] == "RB902"]
    assert "portrait-rights" in str(finding["message"]) and "3.1.0" in str(finding["message"])


def test_changed_only_reports_findings_on_changed_items(
    bundled_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # an old problem, committed in the base ...
    replace(
        bundled_repo / "conduct.yaml", "nl: Geef fouten toe en verbeter ze zichtbaar.", "nl: TODO"
    )
    commit(bundled_repo.parent, "old placeholder", AUTHORS["tom"], "2027-01-02")
    # ... and a new one in the pull request
    replace(
        bundled_repo / "conduct.yaml",
        "nl: Reageer niet in een opwelling of uit boosheid.",
        "nl: TBD",
    )
    set_version(bundled_repo, "3.0.1", "2027-02-01")
    everything = lint_codes(capsys, "--base", "HEAD", "rulebook")
    placeholders = sorted(str(f["path"]) for f in everything if f["code"] == "RB103")
    assert len(placeholders) == 2
    changed = lint_codes(capsys, "--base", "HEAD", "--changed-only", "rulebook")
    new = [p for p in placeholders if "donts" in p]
    assert [str(f["path"]) for f in changed if f["code"] == "RB103"] == new
    # the Dutch text became a placeholder and the English did not follow: RB303, same text
    assert [str(f["path"]) for f in changed if f["code"] != "RB103"] == new


def test_changed_only_needs_a_base(bundled_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "lint", "--changed-only", "rulebook")
    assert result.code == 2 and "--changed-only needs --base" in result.err


@pytest.mark.parametrize(
    ("old", "new", "level"),
    [
        ("1.0.0", "1.0.0", "none"),
        ("1.0.0", "1.0.1", "patch"),
        ("1.0.9", "1.1.0", "minor"),
        ("1.4.2", "2.0.0", "major"),
        ("2.0.0", "1.9.9", "lower"),
        ("1.0", "1.1.0", None),
    ],
)
def test_raise_level(old: str, new: str, level: str | None) -> None:
    assert raise_level(old, new) == level


@pytest.mark.parametrize(
    ("change", "level"),
    [
        (Change("changed", "conduct", "/conduct/dos/0", "a", "rule", fields=("text.nl",)), "patch"),
        (Change("removed", "conduct", "/conduct/dos/0", "a", "rule"), "minor"),
        (Change("moved", "conduct", "/conduct/donts/0", "a", "rule"), "minor"),
        (
            Change("changed", "legal", "/legal/items/0", "a", "legal-item", fields=("text.en",)),
            "minor",
        ),
        (
            Change("changed", "reactions", "/reactions/nodes/2", "n", "node", fields=("yes",)),
            "minor",
        ),
        (Change("changed", "contact", "/contact/primary", fields=("phone",)), "patch"),
        (Change("changed", "reactions", "/reactions/start"), "minor"),
    ],
)
def test_needed_release(change: Change, level: str) -> None:
    assert needed(change) == level


def test_a_policy_added_since_the_base_is_linted_in_full(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first pull request of a new policy: the base has no rulebook yet.
    repo = init(tmp_path / "repo")
    (repo / "README.md").write_text("policy follows\n", encoding="utf-8")
    first = commit(repo, "start", AUTHORS["ann"], "2027-01-01")
    policy = copy_bundled(repo)
    replace(
        policy / "conduct.yaml", "nl: Reageer niet in een opwelling of uit boosheid.", "nl: TBD"
    )
    monkeypatch.chdir(repo)
    for extra in ((), ("--changed-only",)):
        findings = lint_codes(capsys, "--base", first, *extra, "rulebook")
        assert [f["code"] for f in findings] == ["RB103"]


# -- RB901-RB903 are checks like every other: suppressions, --select, --changed-only ----------


def test_rb901_suppressed_with_a_reason(
    bundled_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(bundled_repo / "conduct.yaml", "Geef fouten toe", "Geef je fouten toe")
    replace(
        bundled_repo / "meta.yaml",
        "  version: 3.0.0",
        "  version: 3.0.0  # rulebook: ignore[RB901] reason: bundled with the next release",
    )
    result = run(
        capsys,
        "lint",
        "--format",
        "json",
        "--today",
        "2027-06-01",
        "--base",
        "HEAD",
        "--show-suppressed",
        "rulebook",
    )
    payload = json.loads(result.out)
    codes = {f["code"] for f in payload["findings"]}
    assert "RB901" not in codes and "RB052" not in codes, payload["findings"]
    assert result.code == 0, result.out


def test_select_runs_only_the_version_check(
    bundled_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(bundled_repo / "conduct.yaml", "Geef fouten toe en verbeter ze zichtbaar.", "TODO")
    findings = lint_codes(capsys, "--base", "HEAD", "--select", "RB901", "rulebook")
    assert [f["code"] for f in findings] == ["RB901"]
    assert "RB103" in {f["code"] for f in lint_codes(capsys, "--base", "HEAD", "rulebook")}
    assert (
        lint_codes(capsys, "--base", "HEAD", "--ignore", "RB901", "--select", "RB9", "rulebook")
        == []
    )


def test_severity_from_the_config_applies(
    bundled_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(bundled_repo / "conduct.yaml", "Geef fouten toe", "Geef je fouten toe")
    (bundled_repo.parent / ".rulebook.yaml").write_text(
        "severity:\n  RB901: warning\n", encoding="utf-8"
    )
    result = run(
        capsys, "lint", "--format", "json", "--today", "2027-06-01", "--base", "HEAD", "rulebook"
    )
    [finding] = [f for f in json.loads(result.out)["findings"] if f["code"] == "RB901"]
    assert finding["severity"] == "warning" and result.code == 0


def test_changed_only_keeps_the_version_finding(
    bundled_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(bundled_repo / "conduct.yaml", "Geef fouten toe", "Geef je fouten toe")
    findings = lint_codes(capsys, "--base", "HEAD", "--changed-only", "rulebook")
    assert [f["code"] for f in findings] == ["RB901"]


def test_editorial_fix_needs_only_a_patch_even_in_legal(
    bundled_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(bundled_repo / "legal.yaml", "schriftelijke toestemming", "schriftelijke  toestemming")
    set_version(bundled_repo, "3.0.1", "2027-02-01")
    assert not [
        f for f in lint_codes(capsys, "--base", "HEAD", "rulebook") if f["code"] in VERSION_CODES
    ]


def test_trailer_marks_a_change_editorial(
    bundled_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = bundled_repo.parent
    base = commit(repo, "base", AUTHORS["ann"], "2027-01-02")
    replace(bundled_repo / "legal.yaml", "schriftelijke toestemming", "schriftelijk akkoord")
    set_version(bundled_repo, "3.0.1", "2027-02-01")
    commit(repo, "Wording, same meaning\n\nPolicy-Change: editorial", AUTHORS["lea"], "2027-01-03")
    assert not [
        f for f in lint_codes(capsys, "--base", base, "rulebook") if f["code"] in VERSION_CODES
    ]
    replace(bundled_repo / "conduct.yaml", "Geef fouten toe", "Geef je fouten toe")
    commit(repo, "Typo\n\nPolicy-Change: material", AUTHORS["tom"], "2027-01-04")
    # a material marking on another change leaves the legal one editorial
    assert not [
        f for f in lint_codes(capsys, "--base", base, "rulebook") if f["code"] in VERSION_CODES
    ]
