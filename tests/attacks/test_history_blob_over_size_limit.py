"""A git blob larger than the file limit is refused by its size (``git cat-file -s``), before
it is read: a 300 MB blob in history must not be read whole."""

from __future__ import annotations

from pathlib import Path

from tests.gitrepo import AUTHORS, commit, copy_bundled, init
from tests.helpers import run_process


def test_base_blob_over_the_limit_is_refused(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    small = (policy / "conduct.yaml").read_text(encoding="utf-8")
    (policy / "conduct.yaml").write_text("# " + "x" * 200_000 + "\n" + small, encoding="utf-8")
    base = commit(repo, "a huge comment", AUTHORS["ann"], "2027-01-10")
    (policy / "conduct.yaml").write_text(small, encoding="utf-8")
    result = run_process("lint", "--base", base, "--max-file-size", "64KB", "rulebook", cwd=repo)
    assert result.code == 2 and result.err.count("\n") == 1, (result.out, result.err)
    assert "conduct.yaml" in result.err and "limit" in result.err
