"""Installed from a wheel (not editable), rulebook works from any directory: the schema ships."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO


def test_wheel_install_lints_from_another_directory(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(wheels), str(REPO)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("rulebook-*.whl")
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                    "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import linter, sys; from linter.cli import main; "
            "assert linter.__file__.startswith(sys.argv[1]), linter.__file__; "
            "sys.argv = ['rulebook', 'lint', '--strict', sys.argv[2]]; main()")
    done = subprocess.run([sys.executable, "-c", code, str(target), str(REPO / "rulebook")],
                          cwd=elsewhere, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "No findings in 9 files.\n"
