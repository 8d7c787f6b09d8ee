"""The page leads back to its source (issue 23): with a repository URL in the configuration or
an ``origin`` remote in the checkout, every article of the rendered HTML links to the web
editor (GitHub ``/edit/BRANCH/PATH#L12``, GitLab ``/-/edit/BRANCH/PATH#L12``) at its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_rulebook.app.source_links import policy_page_url
from policy_rulebook.documents.links import Repository, tel_href, web_url
from policy_rulebook.linter import config
from tests import gitrepo
from tests.helpers import run


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def _render(capsys: pytest.CaptureFixture[str], policy: Path) -> str:
    result = run(capsys, "render", str(policy))
    assert (result.code, result.err) == (0, "")
    return result.out


def test_github_remote_gives_every_article_an_edit_link_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = gitrepo.init(tmp_path / "beleid")
    policy = gitrepo.copy_bundled(repo)
    gitrepo.git(repo, "remote", "add", "origin", "git@github.com:stad-lindebeek/beleid.git")
    gitrepo.git(repo, "checkout", "-q", "-b", "werk")
    monkeypatch.chdir(repo)
    html = _render(capsys, Path("rulebook"))
    base = "https://github.com/stad-lindebeek/beleid/edit/werk/rulebook/"
    line = _line_of(policy / "conduct.yaml", "id: share-passwords")
    item = html[html.index('<li id="rule-share-passwords">') :]
    item = item[: item.index("</li>")]
    assert f'<a class="edit" href="{base}conduct.yaml#L{line}"' in item
    table_row = html[html.index('<tr id="task-online-listening">') :]
    line = _line_of(policy / "roles.yaml", "id: online-listening")
    assert f'href="{base}roles.yaml#L{line}"' in table_row[: table_row.index("</tr>")]
    # every numbered article has one, and no link leaves the repository's editor
    numbered = re.findall(r'<span class="num">[\d.]+</span>', html)
    edits = re.findall(r'<a class="edit" href="([^"]+)"', html)
    assert len(edits) >= len(numbered) and all(e.startswith(base) for e in edits)


def test_configured_gitlab_repository_and_branch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    policy = gitrepo.copy_bundled(folder)
    (folder / ".rulebook.yaml").write_text(
        "repository: https://git.example.org/comms/beleid\n"
        "repository-host: gitlab\nbranch: concept\n"
        "policy-url: https://intranet.example.org/beleid.html\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(folder)
    html = _render(capsys, Path("rulebook"))
    line = _line_of(policy / "legal.yaml", "id: personal-data")
    expected = f"https://git.example.org/comms/beleid/-/edit/concept/rulebook/legal.yaml#L{line}"
    assert f'<a class="edit" href="{expected}"' in html
    settings = config.load(None, folder, {})
    assert policy_page_url(settings) == "https://intranet.example.org/beleid.html"


def test_no_repository_no_edit_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = gitrepo.copy_bundled(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert 'class="edit"' not in _render(capsys, policy)
    result = run(capsys, "render", str(policy), "--format", "markdown")
    assert "/edit/" not in result.out


def test_a_bad_repository_setting_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = gitrepo.copy_bundled(tmp_path)
    (tmp_path / ".rulebook.yaml").write_text("repository: javascript:alert(1)\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(capsys, "render", str(policy))
    assert result.code == 2 and "repository" in result.err and len(result.err.splitlines()) == 1


@pytest.mark.parametrize(
    ("remote", "expected"),
    [
        ("git@github.com:org/policy.git", ("https://github.com/org/policy", "github")),
        ("https://github.com/org/policy.git", ("https://github.com/org/policy", "github")),
        ("https://token@gitlab.com/g/sub/p.git", ("https://gitlab.com/g/sub/p", "gitlab")),
        ("ssh://git@gitlab.example.be:2222/g/p.git", ("https://gitlab.example.be/g/p", "gitlab")),
        ("/srv/git/policy.git", None),
        ("file:///srv/git/policy.git", None),
        ("../policy", None),
    ],
)
def test_remotes_become_web_addresses(remote: str, expected: tuple[str, str] | None) -> None:
    assert web_url(remote) == expected


def test_edit_url_forms() -> None:
    github = Repository("https://github.com/o/r", "main")
    assert github.edit_url("rulebook/meta.yaml", 12) == (
        "https://github.com/o/r/edit/main/rulebook/meta.yaml#L12"
    )
    gitlab = Repository("https://gitlab.com/g/p", "feature/x", host="gitlab")
    assert gitlab.edit_url("beleid map/meta.yaml", 3) == (
        "https://gitlab.com/g/p/-/edit/feature/x/beleid%20map/meta.yaml#L3"
    )


def test_phone_numbers_become_tel_links(capsys: pytest.CaptureFixture[str]) -> None:
    assert tel_href("+32 9 123 45 67") == "tel:+3291234567"
    assert tel_href("09/123.45.67") == "tel:091234567"
    assert tel_href("bel de wachtdienst") is None and tel_href("112") is None
    html = run(capsys, "render", "rulebook").out
    assert re.search(r'<a href="tel:\+32\d+">\+32 [\d ]+</a>', html)


REMOTES = st.text(max_size=80) | st.from_regex(
    r"(https?://|ssh://|git@)[^\n]{0,60}", fullmatch=True
)


@given(remote=REMOTES, branch=st.text(min_size=1, max_size=20), line=st.integers(0, 10**6))
def test_any_remote_gives_a_plain_https_address_or_none(
    remote: str, branch: str, line: int
) -> None:
    """Whatever a git config holds, an edit link is an https address with nothing that could
    end an attribute or start a script: no white space, quotes or angle brackets."""
    found = web_url(remote)
    if found is None:
        return
    url = Repository(found[0], branch, host=found[1]).edit_url("rulebook/meta.yaml", line)
    assert url.startswith("https://") and not re.search(r"[\s\"'<>`]", url)


@given(st.text(max_size=40))
def test_a_tel_link_is_only_digits(text: str) -> None:
    href = tel_href(text)
    assert href is None or re.fullmatch(r"tel:\+?\d{6,}", href)


def test_a_worktree_reads_the_remote_of_its_repository_and_its_own_branch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = gitrepo.init(tmp_path / "beleid")
    gitrepo.copy_bundled(repo)
    gitrepo.commit(repo, "beleid", "Lien Verhaegen <lien@lindebeek.be>", "2026-11-23")
    gitrepo.git(repo, "remote", "add", "origin", "https://gitlab.com/lindebeek/beleid.git")
    worktree = tmp_path / "herziening"
    gitrepo.git(repo, "worktree", "add", "-q", "-b", "herziening-2027", str(worktree))
    assert (worktree / ".git").is_file()  # a worktree's .git points to the repository
    monkeypatch.chdir(worktree)
    html = _render(capsys, Path("rulebook"))
    assert 'href="https://gitlab.com/lindebeek/beleid/-/edit/herziening-2027/rulebook/' in html
