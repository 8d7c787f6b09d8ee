"""Each check's failing example fails it and its passing example passes (explain shows them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_rulebook.core import loader
from policy_rulebook.linter import engine
from policy_rulebook.linter.checks import CHECKS, Check, Context
from tests.helpers import TODAY, overlay, split_files

UNTESTABLE_BY_TEXT = {"RB006", "RB012"}  # file size, symlinks: tested in test_hostile
# Version discipline compares the policy with git history (`lint --base`): one policy cannot
# show it. Their examples are tested with real git repositories in tests/test_version_discipline.py
# (RB303: test_staff_announcement.py; RB904: attacks/test_configuration_cannot_hide.py)
NEEDS_GIT_HISTORY = {"RB303", "RB901", "RB902", "RB903", "RB904"}


def codes_for(tmp_path: Path, fragment: str, only_example_files: bool = False) -> set[str]:
    """Codes found in the bundled policy overlaid with the fragment (optionally only those
    in the fragment's own files: the rest of the policy may refer to what it replaced)."""
    target = overlay(tmp_path, fragment)
    names = {str(target / name) for name in split_files(fragment)}
    document = loader.load(target)
    return {
        f.code
        for f in engine.lint(document, Context(today=TODAY)).findings
        if not only_example_files or str(Path(f.file).resolve()) in names
    }


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: f"{c.code}-{c.name}")
def test_bad_example_gives_the_finding(check: Check, tmp_path: Path) -> None:
    if check.code in UNTESTABLE_BY_TEXT:
        pytest.skip("not expressible as a text fragment")
    if check.code in NEEDS_GIT_HISTORY:
        pytest.skip("needs git history: tested in test_version_discipline.py")
    assert check.code in codes_for(tmp_path, check.bad)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: f"{c.code}-{c.name}")
def test_good_example_does_not(check: Check, tmp_path: Path) -> None:
    if check.code in NEEDS_GIT_HISTORY:
        pytest.skip("needs git history: tested in test_version_discipline.py")
    assert check.code not in codes_for(tmp_path, check.good, only_example_files=True)


def test_codes_are_unique_and_well_formed() -> None:
    codes = [check.code for check in CHECKS]
    assert len(codes) == len(set(codes))
    names = [check.name for check in CHECKS]
    assert len(names) == len(set(names))
    for check in CHECKS:
        assert check.code.startswith("RB") and check.code[2:].isdigit()
        assert check.doc.startswith(f"{check.code} {check.name}:"), check.code
        for heading in ("## What it checks", "## Why", "## How to fix"):
            assert heading in check.doc, (check.code, heading)
