"""Attack: ``.rulebook.yaml`` and ``[tool.rulebook]`` had no size limit (a 50 MB comment ran for
over 11 minutes; a 16 MB ``select`` list took 123 s and 1.5 GB and printed a 14 MB "one-line"
error); duplicate keys passed silently; a non-UTF-8 pyproject.toml was exit 3.

The time of each case is measured by ``benchmarks/attack_limits.py`` (budget: 5 s), not here:
a wall-clock assertion fails on a slow or busy machine without a defect."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_rulebook.linter.config_file import MAX_CODES, MAX_CONFIG_BYTES
from tests.helpers import TODAY, run_process


def lint(project: Path) -> tuple[int, str]:
    result = run_process("lint", "rulebook", "--today", TODAY.isoformat(), cwd=project)
    return result.code, result.err


@pytest.fixture
def project(policy: Path) -> Path:
    return policy.parent


def test_a_huge_comment_is_refused_by_size_at_once(project: Path) -> None:
    (project / ".rulebook.yaml").write_text("# " + "x" * (50 * 1024 * 1024) + "\n")
    code, err = lint(project)
    assert code == 2 and "larger than" in err
    assert len(err) < 300


def test_the_largest_comment_under_the_limit_is_fast(project: Path) -> None:
    body = "select: [RB1]\n"
    text = "# " + "x" * (MAX_CONFIG_BYTES - len(body) - 3) + "\n" + body
    (project / ".rulebook.yaml").write_text(text)
    code, err = lint(project)
    assert code == 0, err


@pytest.mark.parametrize("name", [".rulebook.yaml", "pyproject.toml"])
def test_a_huge_select_list_gives_a_short_error(project: Path, name: str) -> None:
    # 10,000 codes: far over MAX_CODES, under the loader's limit of values (16,384 in 256 KiB)
    codes = ", ".join(f'"RB{n:06d}"' for n in range(10_000))
    text = (
        f"select: [{codes}]\n"
        if name.endswith("yaml")
        else f"[tool.rulebook]\nselect = [{codes}]\n"
    )
    (project / name).write_text(text)
    code, err = lint(project)
    assert code == 2 and err.count("\n") == 1 and len(err) < 300, err[:300]
    assert str(MAX_CODES) in err


def test_a_long_select_value_is_cut_in_the_message(project: Path) -> None:
    (project / ".rulebook.yaml").write_text(f"select: [RB{'9' * 100_000}]\n")
    code, err = lint(project)
    assert code == 2 and len(err) < 300, err[:300]


def test_duplicate_keys_are_an_error(project: Path) -> None:
    (project / ".rulebook.yaml").write_text("select: [RB1]\nselect: [RB2]\n")
    code, err = lint(project)
    assert code == 2 and "RB002" in err and "twice" in err


def test_aliases_and_depth_are_bounded(project: Path) -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]\n" for n in range(8)
    )
    (project / ".rulebook.yaml").write_text(laughs)
    code, err = lint(project)
    assert code == 2 and "RB007" in err
    (project / ".rulebook.yaml").write_text("select: " + "[" * 500 + "]" * 500 + "\n")
    code, err = lint(project)
    assert code == 2 and "RB008" in err
    (project / ".rulebook.yaml").unlink()
    (project / "pyproject.toml").write_text(
        "[tool.rulebook]\nselect = " + "[" * 5000 + "]" * 5000 + "\n"
    )
    code, err = lint(project)
    assert code == 2 and "deeper" in err


def test_a_pyproject_that_is_not_utf8_is_exit_2(project: Path) -> None:
    (project / "pyproject.toml").write_bytes(b"[tool.rulebook]\nselect = ['\xff']\n")
    code, err = lint(project)
    assert code == 2 and "UTF-8" in err and "internal" not in err
