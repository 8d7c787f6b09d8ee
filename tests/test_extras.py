"""A plain install leaves Word, the scheme's drawing and PDF out (pyproject's extras): lint
works without them, and a command that needs one names the extra to install, with exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

# An import hook that refuses the optional packages, as a plain `pip install` leaves them out.
_WITHOUT = """
import sys
from importlib.abc import MetaPathFinder

class Refuse(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"docx", "grandalf", "lxml", "weasyprint"}:
            raise ModuleNotFoundError(name)
        return None

sys.meta_path.insert(0, Refuse())
from policy_rulebook.entry import main
sys.argv = ["rulebook", *sys.argv[1:]]
main()
"""


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _WITHOUT, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_lint_needs_no_extra(tmp_path: Path) -> None:
    done = _run(tmp_path, "lint", "--lang", "en", str(REPO / "rulebook"))
    assert done.returncode == 0, done.stderr
    assert done.stdout == "No findings in 9 files.\n"


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (("render", "--format", "docx"), "documents"),
        (("render", "--format", "html"), "documents"),  # the scheme's drawing
        (("render", "--format", "pdf"), "pdf"),
    ],
)
def test_a_command_names_the_extra_it_needs(
    tmp_path: Path, args: tuple[str, ...], extra: str
) -> None:
    out = tmp_path / "out"
    done = _run(tmp_path, *args, "--lang", "en", "-o", str(out), str(REPO / "rulebook"))
    assert done.returncode == 2, done.stderr
    assert f"pip install 'policy-rulebook[{extra}]'" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not out.exists()  # nothing half-written
