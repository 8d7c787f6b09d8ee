"""The contributor's tools: ``scripts/add_check.py`` starts a check in the right places, and
``scripts/regen.py`` knows every generated file (run on a copy of the repository's sources)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for folder in ("src", "scripts", "schema"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _add_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "add_check.py"), *args, "--no-catalogues"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PYTHONPATH": str(root / "src"), "PATH": "/usr/bin:/bin"},
    )


def test_add_check_writes_the_module_and_registers_it_in_its_family(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    done = _add_check(root, "RB499", "contact-hours", "--severity", "warning")
    assert done.returncode == 0, done.stderr
    module = root / "src/policy_rulebook/linter/checks/contact_hours.py"
    text = module.read_text(encoding="utf-8")
    assert text.startswith('"""RB499 contact-hours: ')
    assert "## What it checks" in text and "## Why" in text and "## How to fix" in text
    assert 'code="RB499"' in text and "Severity.WARNING" in text
    registry = (root / "src/policy_rulebook/linter/checks/__init__.py").read_text(encoding="utf-8")
    assert "    contact_hours,\n" in registry
    # after the last RB4xx check, before the first RB5xx one
    assert registry.index("contact_hours.CHECK") > registry.index("backup_differs.CHECK")
    assert registry.index("contact_hours.CHECK") < registry.index("review_overdue.CHECK")
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "from policy_rulebook.linter.checks import BY_CODE; print(BY_CODE['RB499'].name)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PYTHONPATH": str(root / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert probe.stdout == "contact-hours\n", probe.stderr


def test_add_check_refuses_a_code_in_use(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    done = _add_check(root, "RB403", "another-backup")
    assert done.returncode == 2 and "RB403 is in use by contact-backup" in done.stderr
    assert not (root / "src/policy_rulebook/linter/checks/another_backup.py").exists()


def test_regen_knows_the_golden_tests() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("regen", REPO / "scripts" / "regen.py")
    assert spec is not None and spec.loader is not None
    regen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(regen)
    tests: list[str] = regen.golden_tests()
    assert "tests/test_reporters.py" in tests and "tests/test_changelog_cli.py" in tests
    assert all(Path(REPO / t).is_file() for t in tests)
