"""Installed from a wheel (not editable), rulebook works from any directory: the schema ships.

The wheel holds one import package, ``policy_rulebook``: nothing named ``linter`` or
``changelog`` lands at the top of the user's environment (PyPI has a ``changelog``).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from policy_rulebook.core import i18n
from tests.helpers import REPO


def test_wheel_install_lints_from_another_directory(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("policy_rulebook-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        tops = {name.split("/")[0] for name in archive.namelist()}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"policy_rulebook"}
    with zipfile.ZipFile(wheel) as archive:
        assert "policy_rulebook/schemas/rulebook.schema.json" in archive.namelist()
        for lang in i18n.LANGUAGES:  # the compiled catalogues ship as package data
            assert f"policy_rulebook/locale/{lang}/LC_MESSAGES/rulebook.mo" in archive.namelist()
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import policy_rulebook as p, sys; from policy_rulebook.cli import main; "
        "assert p.__file__.startswith(sys.argv[1]), p.__file__; "
        "sys.argv = ['rulebook', 'lint', '--strict', sys.argv[2]]; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(target), str(REPO / "rulebook")],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Geen meldingen in 9 bestanden.\n"  # Dutch policy, catalogue found
