"""The staff page on every screen: scripts/check_layout.py measures the rendered bundled policy
in headless Chromium at 390, 768 and 1280 px (no horizontal overflow, nothing sticking out of
the text column, no word of a table cell broken without a hyphen, scheme text never below
12 px)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO, run

SCRIPT = REPO / "scripts" / "check_layout.py"


def _chromium() -> str | None:
    return next(
        (
            shutil.which(n)
            for n in ("chromium", "chromium-browser", "google-chrome")
            if shutil.which(n)
        ),
        None,
    )


@pytest.mark.skipif(
    _chromium() is None, reason="headless Chromium is not installed (apt-get install -y chromium)"
)
def test_bundled_page_fits_phone_tablet_and_desktop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "policy.html"
    result = run(capsys, "render", str(REPO / "rulebook"), "-o", str(page))
    assert result.code == 0, result.err
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(page), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    measured = json.loads(done.stdout)
    assert [m["width"] for m in measured] == [390, 768, 1280]
    for m in measured:
        assert m["viewport"] == m["width"]
        assert m["scrollWidth"] <= m["viewport"], m
        assert m["overflowing"] == [], m
        assert m["schemeScale"] >= 1.0, m  # 12 px text, never scaled down
        assert m["midWordBreaks"] == [], m  # "Verantwoordelij|ke": a syllable and a hyphen
    assert done.returncode == 0, done.stdout


@pytest.mark.skipif(
    _chromium() is None, reason="headless Chromium is not installed (apt-get install -y chromium)"
)
def test_the_check_finds_a_table_that_runs_off_a_phone(tmp_path: Path) -> None:
    wide = "<tr>" + "".join(f"<td>kolom{i}nietafbreekbaarwoord</td>" for i in range(8)) + "</tr>"
    page = tmp_path / "wide.html"
    page.write_text(
        f'<!DOCTYPE html><html lang="nl"><head><meta name="viewport" '
        f'content="width=device-width"></head><body><main><table>{wide}</table>'
        f"</main></body></html>",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(page), "--widths", "390"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1 and "OVERFLOW" in done.stdout, done.stdout
