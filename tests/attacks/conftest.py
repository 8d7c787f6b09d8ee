"""Fixtures for the attack tests: a tiny disk, the bundled policy in a folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import BUNDLED


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    target = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, target)
    return target


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs (needs root and mount); skipped where it cannot be made."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tiny tmpfs here (not root?)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


_DEVICES = {"/dev/null": (1, 3), "/dev/full": (1, 7)}
_LINKS = {"/dev/stdout": "/proc/self/fd/1", "/dev/stderr": "/proc/self/fd/2"}


def _device_harm() -> list[str]:
    import stat

    harmed = [path for path in _DEVICES if not stat.S_ISCHR(os.lstat(path).st_mode)]
    return harmed + [path for path in _LINKS if not os.path.islink(path)]


@pytest.fixture(autouse=True)
def devices_stay_devices() -> Iterator[None]:
    """These tests aim ``-o`` at /dev/null, /dev/full and /dev/stdout. Run as root against a
    writer that replaces them (the attack), they would be regular files for the whole machine:
    put them back at once, and fail the test."""
    yield
    harmed = _device_harm()
    if not harmed or os.geteuid() != 0:
        assert not harmed, harmed
        return
    for path in harmed:
        os.unlink(path)
        if path in _DEVICES:
            major, minor = _DEVICES[path]
            os.mknod(path, 0o666 | 0o020000, os.makedev(major, minor))
            os.chmod(path, 0o666)
        else:
            os.symlink(_LINKS[path], path)
    pytest.fail(f"replaced by a regular file (now restored): {', '.join(harmed)}")


@pytest.fixture(autouse=True)
def _english_messages(english: None) -> None:
    """The attack tests read the English wording (the bundled policy is Dutch)."""
