"""Attack (issue 24, 13): ``diff`` exited 3 ("internal error") on a revision whose `meta` is a
list or a text: the policy's languages were read from it as from a mapping.

Why it holds now: a `meta` that is not a mapping has no languages (the default applies) and its
fields read as removed, in every format.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import gitrepo
from tests.helpers import run


@pytest.mark.parametrize("meta", ["meta:\n  - a\n  - b\n", "meta: hallo\n"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json", "docx"])
def test_a_revision_whose_meta_is_not_a_mapping(
    tmp_path: Path,
    meta: str,
    fmt: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repo = gitrepo.init(tmp_path / "repo")
    policy = gitrepo.copy_bundled(repo)
    gitrepo.commit(repo, "Policy 2.1.0", "Hanne Wuyts <hanne@example.org>", "2026-11-02")
    (policy / "meta.yaml").write_text(meta, encoding="utf-8")
    gitrepo.commit(repo, "meta broken", "Hanne Wuyts <hanne@example.org>", "2026-11-03")
    monkeypatch.chdir(repo)
    for args in (("--to", "HEAD"), ()):  # a commit, and the working tree
        out = ("-o", "out.docx") if fmt == "docx" else ()  # not bytes to the terminal
        result = run(capsys, "diff", "rulebook", "--from", "HEAD~1", *args, "--format", fmt, *out)
        assert result.code == 0, result.err
        if fmt in ("text", "markdown"):
            assert "Stad Lindebeek" in result.out  # the organisation, shown removed
        if fmt == "markdown":  # no version to name: said in words, never "None"
            assert "→ no version" in result.out and "None" not in result.out
