"""The history's blob cache in ``.git/rulebook/`` only ever makes a run faster: a cache that
cannot be read or written (a file where its folder should be, a read-only or corrupt cache
file) leaves ``history``, ``changelog`` and ``lint --base`` as they are (issue 24, item 15)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.changelog_bench import build_large
from policy_rulebook import __version__
from tests.helpers import run_process

COMMANDS: tuple[tuple[str, ...], ...] = (
    ("history",),
    ("changelog", "--audience", "legal", "--lang", "en"),
    ("lint", "--format", "json", "--today", "2027-06-01", "--base", "HEAD~1", "rulebook"),
)


@pytest.fixture(scope="module")
def history_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A history long enough (over 64 blobs) for the cache to be used."""
    return build_large(tmp_path_factory.mktemp("cache") / "repo", 80, 8).parent


def _file_for_folder(cache: Path) -> None:
    cache.write_text("not a folder", encoding="utf-8")


def _read_only_file(cache: Path) -> None:
    cache.mkdir()
    stale = cache / f"blobs-{__version__}.json"
    stale.write_text("{}", encoding="utf-8")
    stale.chmod(0o444)


def _corrupt_file(cache: Path) -> None:
    cache.mkdir()
    (cache / f"blobs-{__version__}.json").write_bytes(b'{"a": [1, 2\xff')


def _folder_for_file(cache: Path) -> None:
    (cache / f"blobs-{__version__}.json").mkdir(parents=True)


@pytest.mark.parametrize(
    "spoil", [_file_for_folder, _read_only_file, _corrupt_file, _folder_for_file]
)
def test_a_cache_that_cannot_be_written_only_makes_it_slower(
    history_repo: Path, spoil: Callable[[Path], None]
) -> None:
    cache = history_repo / ".git" / "rulebook"
    expected = []
    for args in COMMANDS:
        shutil.rmtree(cache, ignore_errors=True)
        expected.append(run_process(*args, cwd=history_repo))
    for args, clean in zip(COMMANDS, expected, strict=True):
        _remove(cache)
        spoil(cache)
        result = run_process(*args, cwd=history_repo)
        assert (result.code, result.out) == (clean.code, clean.out), (args, result.err)
        assert result.err == clean.err
    _remove(cache)


def _remove(cache: Path) -> None:
    if cache.is_dir():
        for child in cache.iterdir():
            os.chmod(child, 0o755)
        shutil.rmtree(cache)
    elif cache.exists():
        cache.unlink()
