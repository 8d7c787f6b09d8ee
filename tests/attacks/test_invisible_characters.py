"""Attack: RB013 missed zero-width characters, bidi marks, BOMs inside text, Hangul fillers
and tag characters: a name that looks like another, or words hidden from a reviewer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TODAY, run


@pytest.mark.parametrize(
    "character",
    [
        "\u200b",
        "\u200c",
        "\u200e",
        "\u200f",
        "\u061c",
        "\u2060",
        "\u2063",
        "\ufeff",
        "\u115f",
        "\u1160",
        "\u3164",
        "\uffa0",
        "\U000e0041",
        "\U000e007f",
        "\u180e",
    ],
)
def test_rb013_finds_invisible_characters(
    policy: Path, character: str, capsys: pytest.CaptureFixture[str]
) -> None:
    meta = policy / "meta.yaml"
    escaped = f"\\U{ord(character):08x}"
    meta.write_text(
        meta.read_text().replace(
            "organisation: Stad Lindebeek", f'organisation: "Stad{escaped} Lindebeek"'
        )
    )
    result = run(capsys, "lint", "--today", TODAY.isoformat(), "--select", "RB013", str(policy))
    assert result.code == 1, result.out
    assert "RB013" in result.out
    shown = f"\\u{ord(character):04x}" if ord(character) <= 0xFFFF else escaped
    assert shown in result.out
    assert character not in result.out


def test_emoji_with_a_zero_width_joiner_is_fine(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meta = policy / "meta.yaml"
    coder = "\U0001f469\u200d\U0001f4bb"
    meta.write_text(
        meta.read_text().replace(
            "organisation: Stad Lindebeek", f"organisation: Stad Lindebeek {coder}"
        )
    )
    result = run(capsys, "lint", "--today", TODAY.isoformat(), "--select", "RB013", str(policy))
    assert result.code == 0, result.out
