"""Attack: an edit saved while ``fmt`` runs was lost (fmt read, formatted for seconds, then
replaced the file with its result and said "reformatted")."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from policy_rulebook.authoring import fmt
from policy_rulebook.core import atomic
from tests.helpers import run_process


def unformatted(policy: Path) -> Path:
    file = policy / "meta.yaml"
    file.write_text(file.read_text().replace("  version: 2.1.0", "  version: '2.1.0'"))
    return file


def test_an_edit_made_meanwhile_is_kept(policy: Path) -> None:
    file = unformatted(policy)
    result = fmt.format_file(file, "meta.yaml")
    assert result.changed
    with file.open("a") as stream:  # someone saves while fmt works
        stream.write("# a line added meanwhile\n")
    with pytest.raises(atomic.Changed, match="changed while"):
        fmt.write_atomically(result)
    assert file.read_text().endswith("# a line added meanwhile\n")


def test_same_bytes_other_mtime_is_a_change(policy: Path) -> None:
    file = unformatted(policy)
    result = fmt.format_file(file, "meta.yaml")
    info = os.stat(file)
    os.utime(file, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    with pytest.raises(atomic.Changed):
        fmt.write_atomically(result)


def test_unchanged_file_is_written(policy: Path) -> None:
    file = unformatted(policy)
    fmt.write_atomically(fmt.format_file(file, "meta.yaml"))
    assert "version: 2.1.0\n" in file.read_text()


def test_fmt_says_skipped_not_reformatted(policy: Path) -> None:
    """Through the command: a file fmt cannot write is reported as skipped, exit 2."""
    file = unformatted(policy)
    os.chmod(file, 0o444)
    result = run_process("fmt", str(policy))
    assert result.code == 2
    assert "skipped" in result.err and "read-only" in result.err
    assert "reformatted" not in result.out.split("\n")[0] or "0 files" in result.out
