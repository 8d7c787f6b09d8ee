"""Attack (issue 24, 14): standard output on a full disk was exit 3 "internal error"; with
standard error full too the message was lost and the exit code was 1, which CI reads as
"findings".

Why it holds now: a failed write of the output is an input/output error, exit 2 with one line
on standard error; a line that cannot be written is given up (standard error pointed at
/dev/null), and the exit code still says 2.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import TODAY

RULEBOOK = Path(sys.executable).parent / "rulebook"
FULL = Path("/dev/full")
pytestmark = pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")


def _run(policy: Path, *args: str, stderr_full: bool = False) -> tuple[int, str]:
    with FULL.open("w") as full:
        done = subprocess.run(
            [str(RULEBOOK), *args, str(policy)],
            stdout=full,
            stderr=full if stderr_full else subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
            env={"LANG": "C.UTF-8", "RULEBOOK_LANG": "en", "PATH": "/usr/bin:/bin"},
        )
    return done.returncode, done.stderr or ""


@pytest.mark.parametrize(
    "args", [("lint", "--today", TODAY.isoformat()), ("render", "--format", "markdown")]
)
def test_a_full_standard_output_is_exit_2_with_one_line(policy: Path, args: tuple[str]) -> None:
    code, err = _run(policy, *args)
    assert code == 2, err
    assert len(err.splitlines()) == 1 and "cannot write to standard output" in err, err
    assert "internal error" not in err and "Traceback" not in err


def test_with_standard_error_full_too_the_exit_code_is_still_2(policy: Path) -> None:
    code, _ = _run(policy, "lint", "--today", TODAY.isoformat(), stderr_full=True)
    assert code == 2
