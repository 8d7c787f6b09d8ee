"""Attack (issue 24): 131,000 unknown keys in `meta` (the most the value cap lets through) were
131,000 RB100 findings, each with a guess of the field meant (difflib against every known
field): `lint` took 7.5 s. 131,000 unknown top-level keys were as many RB010 findings (5 s).

Why it holds now: RB100 lists at most ``MAX_PER_SECTION`` errors per section and RB010 at most
``MAX_UNKNOWN_SECTION_FINDINGS`` per file; one more finding counts the rest, where they begin.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policy_rulebook.core.loader import MAX_UNKNOWN_SECTION_FINDINGS
from policy_rulebook.linter.checks.schema_violation import MAX_PER_SECTION
from tests.helpers import run


def _lint(capsys: pytest.CaptureFixture[str], policy: Path, code: str) -> list[str]:
    result = run(capsys, "lint", str(policy), "--today", "2026-11-27", "--select", code)
    assert result.code == 1, result.err
    return [line for line in result.out.splitlines() if f" {code} " in line]


def test_unknown_fields_of_a_section_are_listed_up_to_the_bound(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meta = policy / "meta.yaml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text + "".join(f"  key{n:04d}: {n}\n" for n in range(150)), encoding="utf-8")
    lines = _lint(capsys, policy, "RB100")
    assert len(lines) == MAX_PER_SECTION + 1
    assert "`key0000` is not a field of meta" in lines[0]
    assert "`key0099` is not a field of meta" in lines[MAX_PER_SECTION - 1]
    last = lines[-1]
    assert "50 more schema errors in meta from here on" in last
    line = text.count("\n") + 101  # at key0100
    assert re.search(rf"meta\.yaml:{line}:", last), last


def test_unknown_sections_of_a_file_are_listed_up_to_the_bound(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = "".join(f"k{n:04d}: {n}\n" for n in range(130))
    (policy / "extra.yaml").write_text(extra, encoding="utf-8")
    lines = _lint(capsys, policy, "RB010")
    assert len(lines) == MAX_UNKNOWN_SECTION_FINDINGS + 1
    assert "extra.yaml:101:1:" in lines[-1]
    assert "30 more top-level keys that are not sections from here on" in lines[-1]


def test_beyond_the_counted_errors_the_rest_is_at_least(
    policy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 87,000 do's without a text took 5.7 s to lint: the validator made every error
    from policy_rulebook.linter.checks import schema_violation

    monkeypatch.setattr(schema_violation, "MAX_COUNTED", 120)
    conduct = policy / "conduct.yaml"
    items = "".join(f"    - id: g{n:04d}\n" for n in range(150))
    conduct.write_text(
        conduct.read_text(encoding="utf-8").replace("  dos:\n", "  dos:\n" + items, 1),
        encoding="utf-8",
    )
    lines = _lint(capsys, policy, "RB100")
    assert len(lines) == MAX_PER_SECTION + 1
    assert "at least 20 more schema errors in conduct from here on" in lines[-1], lines[-1]
    monkeypatch.setattr(schema_violation, "MAX_COUNTED", 10_000)
    lines = _lint(capsys, policy, "RB100")
    assert " 50 more schema errors in conduct from here on" in lines[-1], lines[-1]
