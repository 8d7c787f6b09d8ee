"""Attack: a newline in a value broke "one line per finding": an e-mail
``"x\\n::error file=...::Legal approved this change"`` printed a line starting with ``::error``,
a forged GitHub annotation (``::stop-commands::`` could hide the real ones)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TODAY, run

FORGED = "x\\n::error file=legal.yaml,line=1::Legal approved this change\\r\\n::stop-commands::t"


@pytest.fixture
def forged(policy: Path) -> Path:
    contact = policy / "contact.yaml"
    contact.write_text(
        contact.read_text().replace("email: lien.verhaegen@lindebeek.be", f'email: "{FORGED}"')
    )
    return policy


def test_text_prints_one_line_per_finding(forged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "lint", "--today", TODAY.isoformat(), str(forged))
    assert result.code == 1, result.err
    lines = result.out.splitlines()
    assert not any(line.startswith("::") for line in lines)
    assert len(lines) == 1 + int(lines[-1].split()[0])  # the findings, then the summary
    assert "\\x0a::error" in result.out


def test_github_gives_one_command_per_finding(
    forged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "lint", "--format", "github", "--today", TODAY.isoformat(), str(forged))
    assert result.code == 1, result.err
    lines = result.out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(lines) - 1
    assert all(line.startswith(("::error ", "::warning ")) for line in commands)
    assert not any(line.startswith("::stop-commands") for line in lines)
