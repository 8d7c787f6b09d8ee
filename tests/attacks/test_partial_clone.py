"""A partial clone (``git clone --filter=blob:none``, actions/checkout's ``filter:``) would fetch
every old file of the policy from its remote on the spot: it is refused in one line with the fix,
and nothing is fetched (issue 24, item 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gitrepo import AUTHORS, commit, copy_bundled, git, init, set_version
from tests.helpers import run_process

COMMANDS = (
    ("history", "rulebook"),
    ("changelog", "rulebook"),
    ("diff", "--from", "HEAD~1", "rulebook"),
    ("lint", "--base", "HEAD~1", "rulebook"),
)


def _partial_clone(tmp_path: Path) -> tuple[Path, Path]:
    source = init(tmp_path / "source")
    policy = copy_bundled(source)
    set_version(policy, "1.0.0", "2027-01-15")
    commit(source, "Policy 1.0.0", AUTHORS["ann"], "2027-01-10")
    set_version(policy, "1.1.0", "2027-02-15")
    commit(source, "Policy 1.1.0", AUTHORS["lea"], "2027-02-10")
    git(source, "config", "uploadpack.allowFilter", "true")
    git(tmp_path, "clone", "-q", "--filter=blob:none", f"file://{source}", "clone")
    return source, tmp_path / "clone"


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_a_partial_clone_is_refused_without_fetching(tmp_path: Path, args: tuple[str]) -> None:
    _source, clone = _partial_clone(tmp_path)
    objects = git(clone, "count-objects", "-v")
    result = run_process(*args, cwd=clone)
    assert result.code == 2, result.err
    [line] = result.err.splitlines()
    assert "partial clone" in line and "full clone" in line
    assert git(clone, "count-objects", "-v") == objects  # nothing fetched


def test_offline_it_is_one_line_too(tmp_path: Path) -> None:
    source, clone = _partial_clone(tmp_path)
    source.rename(tmp_path / "gone")
    for args in COMMANDS:
        result = run_process(*args, cwd=clone)
        assert result.code == 2, result.err
        assert len(result.err.splitlines()) == 1, result.err
