"""Attack: ``lint -o`` onto a device, a named pipe, /dev/stdout or a symlink replaced it with a
regular file (``-o /dev/null`` as root turned /dev/null into a 24-byte file)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from policy_rulebook.core import atomic
from policy_rulebook.core.findings import InputError
from tests.helpers import TODAY, run_process


def test_dev_null_stays_a_device(policy: Path) -> None:
    before = os.stat("/dev/null")
    result = run_process("lint", str(policy), "-o", "/dev/null", "--today", TODAY.isoformat())
    assert result.code == 0, result.err
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_dev_stdout_writes_through(policy: Path) -> None:
    result = run_process("lint", str(policy), "-o", "/dev/stdout", "--today", TODAY.isoformat())
    assert result.code == 0, result.err
    assert result.out.startswith("No findings in 9 files.")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_dev_stdout_redirected_to_a_file_appends(policy: Path, tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n")
    script = Path(sys.executable).parent / "rulebook"
    with log.open("a") as stream:
        subprocess.run(
            [str(script), "lint", str(policy), "-o", "/dev/stdout", "--today", TODAY.isoformat()],
            stdout=stream,
            check=True,
        )
    assert log.read_text().startswith("earlier line\nNo findings")


def test_fifo_is_written_through(policy: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run_process("lint", str(policy), "-o", str(fifo), "--today", TODAY.isoformat())
    reader.join(timeout=60)
    assert result.code == 0, result.err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received[0].startswith(b"No findings")


def test_symlink_out_of_its_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("keep me\n")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "report.txt").symlink_to(outside)
    with pytest.raises(InputError, match="symbolic link"):
        atomic.write_text(folder / "report.txt", "new\n")
    assert outside.read_text() == "keep me\n"
    assert (folder / "report.txt").is_symlink()


def test_symlink_inside_its_folder_writes_the_target(tmp_path: Path) -> None:
    (tmp_path / "build").mkdir()
    target = tmp_path / "build" / "report.txt"
    target.write_text("old\n")
    (tmp_path / "report.txt").symlink_to("build/report.txt")
    atomic.write_text(tmp_path / "report.txt", "new\n")
    assert (tmp_path / "report.txt").is_symlink()
    assert target.read_text() == "new\n"


def test_output_onto_a_policy_file_is_refused(policy: Path) -> None:
    before = (policy / "meta.yaml").read_bytes()
    result = run_process("lint", str(policy), "-o", str(policy / "meta.yaml"))
    assert result.code == 2
    assert "one of the files rulebook reads (the policy or its configuration)" in result.err
    assert (policy / "meta.yaml").read_bytes() == before
    result = run_process("render", str(policy), "-o", str(policy / "meta.yaml"))
    assert result.code == 2
    assert (policy / "meta.yaml").read_bytes() == before


def test_regular_file_keeps_mode_owner_and_links(tmp_path: Path) -> None:
    file = tmp_path / "report.txt"
    file.write_text("old\n")
    os.chmod(file, 0o640)
    if os.geteuid() == 0:
        os.chown(file, 65534, 65534)
    link = tmp_path / "link.txt"
    os.link(file, link)
    atomic.write_text(file, "new\n")
    info = os.stat(file)
    assert stat.S_IMODE(info.st_mode) == 0o640
    assert link.read_text() == "new\n" and os.path.samefile(file, link)
    if os.geteuid() == 0:
        assert (info.st_uid, info.st_gid) == (65534, 65534)
    os.unlink(link)
    atomic.write_text(file, "newer\n")  # one link: replaced atomically, owner kept
    info = os.stat(file)
    assert file.read_text() == "newer\n" and stat.S_IMODE(info.st_mode) == 0o640
    if os.geteuid() == 0:
        assert (info.st_uid, info.st_gid) == (65534, 65534)
