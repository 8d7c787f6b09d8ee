"""Shallow clones (actions/checkout's default ``--depth 1``): exit 2 with the ``fetch-depth: 0``
hint, never exit 3; a ``--depth 2`` clone that holds what is needed works."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gitrepo import AUTHORS, commit, copy_bundled, git, init, replace, set_version
from tests.helpers import run_process


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = init(tmp_path_factory.mktemp("shallow") / "source")
    policy = copy_bundled(repo)
    set_version(policy, "2.0.0", "2027-01-15")
    commit(repo, "Policy 2.0.0", AUTHORS["ann"], "2027-01-10")
    set_version(policy, "2.0.1", "2027-02-15")
    replace(policy / "conduct.yaml", "Geef fouten toe", "Geef je fouten toe")
    commit(repo, "Policy 2.0.1", AUTHORS["tom"], "2027-02-10")
    replace(policy / "conduct.yaml", "Geef je fouten toe", "Geef je fouten meteen toe")
    commit(repo, "Admit at once", AUTHORS["tom"], "2027-02-11")
    return repo


def clone(source: Path, tmp_path: Path, depth: int) -> Path:
    target = tmp_path / f"depth{depth}"
    git(tmp_path, "clone", "-q", "--depth", str(depth), source.as_uri(), str(target))
    return target


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "--base", "HEAD~1", "rulebook"],
        ["diff", "--from", "HEAD~1"],
        ["history"],
        ["changelog"],
        ["changelog", "--from", "HEAD~1"],
    ],
)
def test_depth_1_gives_exit_2_with_the_hint(args: list[str], source: Path, tmp_path: Path) -> None:
    result = run_process(*args, cwd=clone(source, tmp_path, 1))
    assert result.code == 2, (result.out, result.err)
    assert result.err.count("\n") == 1 and "fetch-depth: 0" in result.err, result.err


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "--base", "HEAD~1", "--today", "2027-06-01", "rulebook"],
        ["diff", "--from", "HEAD~1"],
        ["changelog", "--from", "HEAD~1", "--format", "json"],
    ],
)
def test_depth_2_holds_what_a_pull_request_needs(
    args: list[str], source: Path, tmp_path: Path
) -> None:
    result = run_process(*args, cwd=clone(source, tmp_path, 2))
    assert result.code in (0, 1), result.err
    assert "Traceback" not in result.err
    if args[0] == "lint":
        assert "RB901" in result.out  # the unbumped edit since HEAD~1
