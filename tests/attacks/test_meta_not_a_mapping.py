"""Attack (issue 24, 13): ``diff`` exited 3 ("internal error") on a revision whose `meta` is a
list or a text: the policy's languages were read from it as from a mapping. A first fix read
such a `meta` as all its fields removed, exit 0: a redline that tells legal something false.

Why it holds now: a section of the schema that holds a list or a single value where its
fields belong makes that revision unreadable, as a file that does not parse does: ``diff``
says where and what in one line (exit 2, every format); ``changelog`` and ``history`` pass
over such a commit as over one that does not parse.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import gitrepo
from tests.helpers import run

AUTHOR = "Hanne Wuyts <hanne@example.org>"


@pytest.mark.parametrize(
    ("meta", "kind"), [("meta:\n  - a\n  - b\n", "a list"), ("meta: hallo\n", "a single value")]
)
@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json", "docx"])
def test_a_revision_whose_meta_is_not_a_mapping_is_refused_in_one_line(
    tmp_path: Path,
    meta: str,
    kind: str,
    fmt: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repo = gitrepo.init(tmp_path / "repo")
    policy = gitrepo.copy_bundled(repo)
    gitrepo.commit(repo, "Policy 2.1.0", AUTHOR, "2026-11-02")
    (policy / "meta.yaml").write_text(meta, encoding="utf-8")
    gitrepo.commit(repo, "meta broken", AUTHOR, "2026-11-03")
    monkeypatch.chdir(repo)
    out = ("-o", "out.docx") if fmt == "docx" else ()
    for args, where in ((("--to", "HEAD"), "revision HEAD"), ((), "the working tree")):
        result = run(capsys, "diff", "rulebook", "--from", "HEAD~1", *args, "--format", fmt, *out)
        assert result.code == 2 and result.out == "", result.out
        assert result.err == (
            f"rulebook: error: the rulebook cannot be read in {where}: in rulebook/meta.yaml, "
            f"`meta` holds {kind} where its fields belong (`rulebook lint` says more)\n"
        )
    assert not (repo / "out.docx").exists()


def test_the_changelog_passes_over_a_commit_whose_meta_is_a_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = gitrepo.init(tmp_path / "repo")
    policy = gitrepo.copy_bundled(repo)
    gitrepo.commit(repo, "Policy 2.1.0", AUTHOR, "2026-11-02")
    good = (policy / "meta.yaml").read_text(encoding="utf-8")
    (policy / "meta.yaml").write_text("meta:\n  - a\n", encoding="utf-8")
    gitrepo.commit(repo, "meta broken", AUTHOR, "2026-11-03")
    (policy / "meta.yaml").write_text(good.replace("2.1.0", "2.2.0"), encoding="utf-8")
    gitrepo.commit(repo, "Policy 2.2.0", AUTHOR, "2026-11-04")
    monkeypatch.chdir(repo)
    result = run(capsys, "changelog", "rulebook", "--audience", "legal")
    assert result.code == 0, result.err
    assert "2.2.0" in result.out and "Traceback" not in result.err
    assert "[-Stad Lindebeek-]" not in result.out  # never "the organisation removed"
