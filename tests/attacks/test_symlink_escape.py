"""Attack: "only the rulebook folder is read" held per file only: a symlinked folder or
``path:`` in the config read anything and echoed values (``RB401 ... (SECRET-TOKEN-456)``); a
``.rulebook.yaml`` symlinked to a secret file leaked its first line in the error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import BUNDLED, TODAY, run_process

SECRET = "SECRET-TOKEN-456"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A policy outside the repository whose values hold a secret (RB401 would echo it)."""
    target = tmp_path / "elsewhere" / "rulebook"
    shutil.copytree(BUNDLED, target)
    contact = target / "contact.yaml"
    contact.write_text(contact.read_text().replace("lien.verhaegen@lindebeek.be", SECRET))
    return target


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    return repo


def lint(repo: Path, *args: str) -> tuple[int, str]:
    result = run_process("lint", "--today", TODAY.isoformat(), *args, cwd=repo)
    return result.code, result.out + result.err


def test_a_symlinked_policy_folder_is_not_read(repo: Path, outside: Path) -> None:
    (repo / "rulebook").symlink_to(outside, target_is_directory=True)
    code, output = lint(repo, "rulebook")
    assert code == 2 and SECRET not in output, output
    assert "symbolic link" in output
    code, output = lint(repo)  # the default path
    assert code == 2 and SECRET not in output
    fmt = run_process("fmt", "--check", "rulebook", cwd=repo)
    assert fmt.code == 2 and SECRET not in fmt.out + fmt.err


def test_a_symlink_inside_the_repository_is_fine(repo: Path) -> None:
    shutil.copytree(BUNDLED, repo / "policies" / "v2")
    (repo / "rulebook").symlink_to("policies/v2", target_is_directory=True)
    code, output = lint(repo, "rulebook")
    assert code == 0, output


@pytest.mark.parametrize("path", ["../elsewhere/rulebook", "link"])
def test_path_in_the_config_stays_inside(repo: Path, outside: Path, path: str) -> None:
    (repo / "link").symlink_to(outside, target_is_directory=True)
    (repo / ".rulebook.yaml").write_text(f"path: {path}\n")
    code, output = lint(repo)
    assert code == 2 and SECRET not in output, output


@pytest.mark.parametrize(
    "secret", [f"{SECRET}: [unclosed\n", f"{SECRET}\n", f"{SECRET}: 1\n", f"- {SECRET}\n"]
)
def test_a_config_linked_to_a_secret_leaks_nothing(repo: Path, tmp_path: Path, secret: str) -> None:
    (tmp_path / "secret.txt").write_text(secret)
    (repo / ".rulebook.yaml").symlink_to(tmp_path / "secret.txt")
    shutil.copytree(BUNDLED, repo / "rulebook")
    code, output = lint(repo)
    assert code == 2 and SECRET not in output, output
