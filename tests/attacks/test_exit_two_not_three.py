"""Attack: exit 3 ("internal error, please report") where exit 2 is promised: fmt, ``render -o``
or init in a folder without write permission; ``init afile/sub``; a full disk;
``--max-file-size 1e30``/``inf``; a non-UTF-8 pyproject.toml (test_config_limits); Ctrl-C in
the first 50 ms printed a traceback; a closed pipe always gave exit 1 through click."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import BUNDLED, TODAY, run_process

SCRIPT = str(Path(sys.executable).parent / "rulebook")


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A policy in a folder that cannot be written: mode 0555, or for root (whom permissions
    do not bind) a read-only bind mount; skipped where neither works."""
    top = tmp_path / "locked"
    shutil.copytree(BUNDLED, top / "rulebook")
    meta = top / "rulebook" / "meta.yaml"
    meta.write_text(meta.read_text().replace("  version: 2.1.0", "  version: '2.1.0'"))
    if os.geteuid() != 0:
        for folder in (top / "rulebook", top):
            os.chmod(folder, 0o555)
        yield top
        for folder in (top, top / "rulebook"):
            os.chmod(folder, 0o755)
        return
    mounted = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(top), str(top)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip("cannot make a read-only folder here")
    subprocess.run(["mount", "-o", "remount,bind,ro", str(top)], capture_output=True, check=False)
    try:
        yield top
    finally:
        subprocess.run(["umount", "-l", str(top)], check=False)


def run_in(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SCRIPT, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize(
    "args",
    [
        ["fmt", "rulebook"],
        ["render", "rulebook", "-o", "out.html"],
        ["lint", "rulebook", "-o", "report.txt"],
        ["init", "new"],
        ["init", "rulebook/sub"],
    ],
)
def test_no_write_permission_is_exit_2(locked: Path, args: list[str]) -> None:
    done = run_in(*args, cwd=locked)
    assert done.returncode == 2, done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    assert any(
        reason in done.stderr
        for reason in ("Permission denied", "Read-only file system", "not a folder")
    ), done.stderr


def test_init_below_a_file_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    result = run_process("init", str(tmp_path / "afile" / "sub"))
    assert result.code == 2 and "not a folder" in result.err, result.err


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "-o", "/dev/full"],
        ["render", "-o", "/dev/full"],
        ["lint", "--format", "sarif", "-o", "/dev/full"],
    ],
)
def test_a_full_device_is_exit_2(args: list[str]) -> None:
    result = run_process(args[0], str(BUNDLED), *args[1:])
    assert result.code == 2, result.err
    assert "disk is full" in result.err


def test_a_full_disk_is_exit_2(tiny_disk: Path) -> None:
    (tiny_disk / "filler").write_bytes(b"x" * (1024 * 1024 - 4096))
    result = run_process("render", str(BUNDLED), "-o", str(tiny_disk / "policy.html"))
    assert result.code == 2 and "disk is full" in result.err, result.err
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler"]  # no temporary left


@pytest.mark.parametrize("size", ["1e30", "inf", "-inf", "nan", "1e400", "99999G"])
def test_absurd_max_file_size_is_exit_2(size: str) -> None:
    result = run_process("lint", str(BUNDLED), "--max-file-size", size)
    assert result.code == 2, result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3])
def test_ctrl_c_while_starting_is_quiet(delay: float) -> None:
    """From the first line of rulebook's code on, Ctrl-C is exit 130 without a traceback.
    Before it Python itself starts (site, an editable install's finder: 0.15 s here, and the
    two-line package ``__init__``) and reports a Ctrl-C its own way: then no frame of the
    command line or click is in it. Every instant has one handler (entry.py's quick exit until
    cli.main's ``try`` installs Python's own), so each outcome below is deterministic in kind."""
    process = subprocess.Popen(
        [SCRIPT, "lint", str(BUNDLED)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    if "Traceback" in err:  # Python's start-up, before policy_rulebook.entry's first line
        assert "policy_rulebook/cli" not in err and "/click/" not in err, err
    else:
        assert process.returncode in (130, 0, -signal.SIGINT), (process.returncode, err)


@pytest.mark.parametrize(
    ("policy", "code"), [(str(BUNDLED), 0), ("tests/examples/invalid/broken", 1)]
)
def test_a_closed_pipe_is_quiet_and_keeps_the_exit_code(policy: str, code: int) -> None:
    repo = BUNDLED.parent
    done = subprocess.run(
        [
            "bash",
            "-c",
            f'"{SCRIPT}" lint --today {TODAY} {policy} | head -0; echo "${{PIPESTATUS[0]}}"',
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.strip() == str(code)
    assert done.stderr == ""


def test_absurd_max_file_size_in_the_config_is_exit_2(tmp_path: Path) -> None:
    shutil.copytree(BUNDLED, tmp_path / "rulebook")
    (tmp_path / ".rulebook.yaml").write_text("max-file-size: " + "9" * 40 + "\n")
    result = run_process("lint", "rulebook", cwd=tmp_path)
    assert result.code == 2 and "max-file-size" in result.err, result.err
