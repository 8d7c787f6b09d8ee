"""A commit that leaves a file unparsable is no provenance step: the repair is compared with the
last commit that parsed, so it is not credited with every change of the range (issue 21)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.gitrepo import AUTHORS, commit, copy_bundled, init, replace, set_status, set_version
from tests.helpers import run_process


def test_the_repair_is_not_credited_with_the_version(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    set_version(policy, "1.0.0", "2027-01-15")
    first = commit(repo, "Policy 1.0.0", AUTHORS["ann"], "2027-01-10")
    replace(
        policy / "legal.yaml",
        "heb je schriftelijke toestemming nodig",
        "heb je uitdrukkelijke, schriftelijke toestemming nodig",
    )
    set_version(policy, "1.1.0", "2027-03-01")
    set_status(policy, "draft")  # the draft collects the next commits
    commit(repo, "Explicit consent", AUTHORS["lea"], "2027-02-01")
    good = (policy / "conduct.yaml").read_text(encoding="utf-8")
    (policy / "conduct.yaml").write_text(good + "\n  - [unclosed\n", encoding="utf-8")
    commit(repo, "Broken on the way", AUTHORS["tom"], "2027-02-02")
    (policy / "conduct.yaml").write_text(
        good.replace("Geef fouten toe", "Geef je fouten toe"), encoding="utf-8"
    )
    set_status(policy, "adopted")
    commit(repo, "Repair, and a small fix", AUTHORS["sara"], "2027-02-03")
    result = run_process("changelog", "--audience", "legal", "--format", "json", cwd=repo)
    assert result.code == 0, result.err
    _assert_touches(json.loads(result.out))
    result = run_process("diff", "--from", first, "--to", "HEAD", "--format", "json", cwd=repo)
    assert result.code == 0, result.err
    _assert_touches([json.loads(result.out)])


def _assert_touches(entries: list[dict[str, Any]]) -> None:
    touched = {
        change["path"]: [t["author"] for t in change["touches"]]
        for entry in entries
        for change in entry["changes"]
        if change["touches"]
    }
    assert touched["/meta/version"] == ["Lea Jurist"]
    legal = [authors for path, authors in touched.items() if path.startswith("/legal/")]
    assert legal == [["Lea Jurist"]]
    conduct = [authors for path, authors in touched.items() if path.startswith("/conduct/")]
    assert conduct == [["Sara Peeters"]]
