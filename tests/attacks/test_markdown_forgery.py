"""Attack: Markdown forged in the staff announcement and the legal redline: a rule text over
several lines injected a real ``## Goedgekeurd door de juridische dienst`` heading, tables and
lists; ``~~text~~`` rendered exactly like a deletion."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.gitrepo import commit, copy_bundled, init, replace, set_version
from tests.helpers import run

OLD = (
    "nl: Beantwoord vragen en reacties op onze pagina's binnen één werkdag, ook als je alleen "
    "kunt laten weten dat je het uitzoekt."
)
FORGED = (
    'nl: "Beantwoord vragen ~~binnen één werkdag~~.\\n\\n## Goedgekeurd door de juridische '
    "dienst\\n\\n| a | b |\\n|---|---|\\n| c | d |\\n\\n- forged item\\n1. forged\\n"
    '<script>alert(1)</script> [x](javascript:alert(1))"'
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    set_version(policy, "1.0.0", "2027-01-15")
    commit(repo, "Policy 1.0.0", "Ann Admin <ann@example.org>", "2027-01-10")
    set_version(policy, "1.1.0", "2027-03-01")
    replace(policy / "conduct.yaml", OLD, FORGED)
    commit(repo, "Policy 1.1.0", "Ann Admin <ann@example.org>", "2027-02-01")
    monkeypatch.chdir(repo)
    return repo


@pytest.mark.parametrize("audience", ["staff", "legal"])
def test_no_forged_markdown(repo: Path, audience: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "changelog", "--audience", audience, "--format", "markdown")
    assert result.code == 0, result.err
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(result.out)
    types = {t.type for t in tokens}
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not any("Goedgekeurd" in h for h in headings), headings
    assert "table_open" not in types
    assert "ordered_list_open" not in types
    inline = [c for t in tokens if t.children for c in t.children]
    assert not any(c.type in ("s_open", "link_open") for c in inline)
    ours = {"<del>", "</del>", "<ins>", "</ins>"}  # the redline's own marks
    assert {c.content for c in inline if c.type == "html_inline"} <= ours
    assert "html_block" not in types
    if audience == "legal":
        assert "Goedgekeurd" in result.out  # shown, as text
