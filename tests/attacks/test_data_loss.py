"""Attack: data lost by writing: fmt rewrote a read-only file, broke hard links, changed the
owner as root, left mixed line endings in a CRLF file; init on a full disk left seven files
and a cut-off schema, then refused to run again."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tests.helpers import run_process


def unformatted(policy: Path) -> Path:
    file = policy / "meta.yaml"
    file.write_text(file.read_text().replace("  version: 2.1.0", "  version: '2.1.0'"))
    return file


def test_fmt_refuses_a_read_only_file(policy: Path) -> None:
    file = unformatted(policy)
    os.chmod(file, 0o444)
    before = file.read_bytes()
    result = run_process("fmt", str(policy))
    assert result.code == 2, result.err
    assert "read-only" in result.err
    assert file.read_bytes() == before


def test_fmt_keeps_hard_links_mode_and_owner(policy: Path, tmp_path: Path) -> None:
    file = unformatted(policy)
    os.chmod(file, 0o600)
    if os.geteuid() == 0:
        os.chown(file, 65534, 65534)
    link = tmp_path / "linked-meta.yaml"
    os.link(file, link)
    result = run_process("fmt", str(policy))
    assert result.code == 0, result.err
    assert os.path.samefile(file, link)
    assert "version: 2.1.0\n" in link.read_text()
    info = os.stat(file)
    assert stat.S_IMODE(info.st_mode) == 0o600
    if os.geteuid() == 0:
        assert (info.st_uid, info.st_gid) == (65534, 65534)


def test_fmt_keeps_crlf(policy: Path) -> None:
    file = unformatted(policy)
    file.write_bytes(file.read_bytes().replace(b"\n", b"\r\n"))
    result = run_process("fmt", str(policy))
    assert result.code == 0, result.err
    data = file.read_bytes()
    assert b"version: 2.1.0\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n")  # no bare LF: not mixed
    again = run_process("fmt", "--check", str(policy))
    assert again.code == 0, again.out


def test_init_on_a_full_disk_writes_nothing_and_can_run_again(tiny_disk: Path) -> None:
    filler = tiny_disk / "filler"
    with filler.open("wb") as stream:  # leave about 8 KiB: the schema alone is larger
        stream.write(b"x" * (1016 * 1024))
    target = tiny_disk / "rulebook"
    result = run_process("init", str(target))
    assert result.code == 2, result.err
    assert "disk is full" in result.err
    assert not target.exists()
    filler.unlink()
    again = run_process("init", str(target))
    assert again.code == 0, again.err
    assert len(list(target.iterdir())) >= 8


def test_init_into_a_file_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    result = run_process("init", str(tmp_path / "afile" / "sub"))
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
