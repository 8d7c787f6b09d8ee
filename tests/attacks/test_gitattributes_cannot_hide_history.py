"""A ``.gitattributes`` line in a pull request cannot change what the history reads: with
``-diff`` or ``binary`` RB903 still sees the retired id, and a ``diff=NAME`` textconv driver is
never run (issue 24, item 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.gitrepo import (
    AUTHORS,
    commit,
    copy_bundled,
    git,
    init,
    remove_item,
    replace,
    set_version,
)
from tests.helpers import run_process


def _reused_id(tmp_path: Path, attributes: str) -> tuple[Path, str]:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    set_version(policy, "1.0.0", "2027-01-15")
    commit(repo, "Policy 1.0.0", AUTHORS["ann"], "2027-01-10")
    remove_item(policy / "legal.yaml", "copyright")
    set_version(policy, "1.1.0", "2027-02-15")
    base = commit(repo, "Policy 1.1.0: no copyright item", AUTHORS["lea"], "2027-02-10")
    # the pull request: an attributes file, and the retired id given to another item
    (repo / ".gitattributes").write_text(attributes, encoding="utf-8")
    replace(policy / "legal.yaml", "- id: defamation-and-insult", "- id: copyright")
    set_version(policy, "1.2.0", "2027-03-15")
    commit(repo, "Policy 1.2.0", AUTHORS["tom"], "2027-03-10")
    return repo, base


@pytest.mark.parametrize(
    "attributes",
    ["rulebook/*.yaml -diff\n", "rulebook/*.yaml binary\n", "*.yaml -text -diff\n"],
)
def test_attributes_do_not_hide_a_retired_id(tmp_path: Path, attributes: str) -> None:
    repo, base = _reused_id(tmp_path, attributes)
    result = run_process(
        "lint", "--format", "json", "--today", "2027-06-01", "--base", base, "rulebook", cwd=repo
    )
    codes = [f["code"] for f in json.loads(result.out)["findings"]]
    assert "RB903" in codes, result.err


def test_a_textconv_driver_is_never_run(tmp_path: Path) -> None:
    repo, base = _reused_id(tmp_path, "rulebook/*.yaml diff=hide\n")
    marker = tmp_path / "driver-ran"
    git(repo, "config", "diff.hide.textconv", f"touch {marker}; true")
    result = run_process(
        "lint", "--format", "json", "--today", "2027-06-01", "--base", base, "rulebook", cwd=repo
    )
    codes = [f["code"] for f in json.loads(result.out)["findings"]]
    assert "RB903" in codes, result.err
    assert not marker.exists()
    for args in (("history",), ("changelog", "--audience", "legal"), ("diff", "--from", base)):
        assert run_process(*args, cwd=repo).code == 0
        assert not marker.exists(), args
