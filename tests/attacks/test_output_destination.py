"""Attack (issue 24, 9-11): output went where it was not told to.

9. ``-o FILE`` wrote git data's escape sequences raw (history, diff, changelog, graph), while
   standard output escaped them. Now ``cli.deliver`` escapes text once for both destinations.
10. ``-o reports/x.sarif`` followed a checked-in link to a *folder* out of the repository
    (only the last component was checked). Now every folder below the working directory is.
11. ``changelog``, ``diff``, ``history`` and ``graph`` overwrote a policy file they read, and
    ``lint`` the configuration file it read. Now each refuses, exit 2; and no command
    replaces the checkout's configuration, read or not (``render -o .rulebook.yaml``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import gitrepo
from tests.helpers import TODAY, run

EVIL = "\x1b]0;owned\x07\x1b[2J"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = gitrepo.init(tmp_path / "repo")
    policy = gitrepo.copy_bundled(repo)
    gitrepo.commit(repo, "Policy 2.1.0", "Hanne Wuyts <hanne@example.org>", "2026-11-02")
    gitrepo.replace(policy / "meta.yaml", "version: 2.1.0", "version: 2.2.0")
    gitrepo.replace(policy / "conduct.yaml", "binnen één werkdag", "binnen twee werkdagen")
    gitrepo.commit(repo, f"Policy 2.2.0 {EVIL}", f"Eve {EVIL} <eve@example.org>", "2026-11-03")
    monkeypatch.chdir(repo)
    return repo


COMMANDS = [
    ("history", "rulebook"),
    ("diff", "rulebook", "--from", "HEAD~1", "--to", "HEAD"),
    ("diff", "rulebook", "--from", "HEAD~1", "--to", "HEAD", "--format", "html"),
    ("changelog", "rulebook", "--audience", "legal"),
    ("changelog", "rulebook", "--audience", "legal", "--format", "html"),
    ("changelog", "rulebook", "--format", "text"),
]


@pytest.mark.parametrize("args", COMMANDS)
def test_a_file_gets_the_same_escaped_text_as_the_terminal(
    repo: Path, args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    shown = run(capsys, *args)
    assert shown.code == 0, shown.err
    written = run(capsys, *args, "-o", "out.txt")
    assert written.code == 0, written.err
    text = (repo / "out.txt").read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text
    assert text == shown.out


def test_graph_to_a_file_is_escaped(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gitrepo.replace(
        repo / "rulebook" / "reactions.yaml",
        "nl: Is het bericht positief of evenwichtig?",
        'nl: "\\e]0;owned\\aIs het bericht positief of evenwichtig?"',  # YAML escapes
    )
    result = run(capsys, "graph", "rulebook", "-o", "scheme.mmd")
    assert result.code == 0, result.err
    assert "\x1b" not in (repo / "scheme.mmd").read_text(encoding="utf-8")


def test_a_linked_folder_out_of_the_repository_is_refused(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / "reports").symlink_to(outside)
    (repo / "deep").mkdir()
    (repo / "deep" / "reports").symlink_to(outside)
    for target in ("reports/x.sarif", "deep/reports/x.sarif", "./reports/../reports/x.sarif"):
        result = run(capsys, "lint", "rulebook", "--today", TODAY.isoformat(), "-o", target)
        assert result.code == 2, (target, result.err)
        assert "symbolic link" in result.err and len(result.err.splitlines()) == 1
        result = run(capsys, "history", "rulebook", "-o", target)
        assert result.code == 2, (target, result.err)
    assert list(outside.iterdir()) == []


def test_a_linked_folder_inside_its_folder_is_followed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "build" / "reports").mkdir(parents=True)
    (repo / "reports").symlink_to("build/reports")
    result = run(capsys, "history", "rulebook", "-o", "reports/h.txt")
    assert result.code == 0, result.err
    assert (repo / "build" / "reports" / "h.txt").is_file()


@pytest.mark.parametrize(
    "args",
    [
        ("history", "rulebook"),
        ("diff", "rulebook", "--from", "HEAD~1"),
        ("changelog", "rulebook"),
        ("graph", "rulebook"),
        ("review", "rulebook"),  # wrote its questions over meta.yaml, exit 0
        ("render", "rulebook", "--format", "html"),
    ],
)
def test_a_policy_file_that_was_read_is_never_overwritten(
    repo: Path, args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    meta = repo / "rulebook" / "meta.yaml"
    before = meta.read_bytes()
    result = run(capsys, *args, "-o", "rulebook/meta.yaml")
    assert result.code == 2, result.err
    assert meta.read_bytes() == before


def test_lint_never_overwrites_its_configuration(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = repo / ".rulebook.yaml"
    config.write_text("format: json\n", encoding="utf-8")
    result = run(capsys, "lint", "rulebook", "--today", TODAY.isoformat(), "-o", ".rulebook.yaml")
    assert result.code == 2, result.err
    assert config.read_text(encoding="utf-8") == "format: json\n"


@pytest.mark.parametrize(
    "args",
    [
        ("render", "rulebook", "--format", "html"),
        ("diff", "rulebook", "--from", "HEAD~1"),
        ("history", "rulebook"),
        ("graph", "rulebook"),
        ("changelog", "rulebook"),
        ("review", "rulebook"),
        ("schema",),
    ],
)
@pytest.mark.parametrize("name", [".rulebook.yaml", "pyproject.toml"])
def test_no_command_overwrites_the_configuration(
    repo: Path, args: tuple[str, ...], name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # render and diff do not read it, but a slip of the hand must not cost the settings
    config = repo / name
    text = "format: json\n" if name.endswith(".yaml") else '[tool.rulebook]\nformat = "json"\n'
    config.write_text(text, encoding="utf-8")
    result = run(capsys, *args, "-o", name, "--lang", "en")
    assert result.code == 2, result.err
    assert "it is one of the files rulebook reads (the policy or its configuration)" in result.err
    assert config.read_text(encoding="utf-8") == text
