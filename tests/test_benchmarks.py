"""The benchmark's generated policies stay valid as the bundled policy changes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import REPO, TODAY, run

# Written against the English wording (the bundled policy is Dutch; see test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")


def bench_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


def test_a_generated_policy_is_complete_and_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = bench_module()
    policy = bench.generate(1_000, tmp_path / "rules")
    result = run(capsys, "lint", "--strict", "--today", TODAY.isoformat(), str(policy))
    assert (result.code, result.out) == (0, "No findings in 9 files.\n")
    size, lines = bench.policy_size(policy)
    assert lines > 10_000 and size < 9 * bench.MAX_FILE_BYTES


def test_generated_items_keep_their_text_and_get_new_ids() -> None:
    bench = bench_module()
    text = "conduct:\n  dos:\n    - id: be-polite\n      text: Wees beleefd.\n  donts: []\n"
    grown = bench.multiply(text, "dos", 3)
    assert grown.count("text: Wees beleefd.") == 3
    assert [line.split(": ")[1] for line in grown.splitlines() if "- id:" in line] == [
        "be-polite",
        "be-polite-2",
        "be-polite-3",
    ]
    assert grown.endswith("  donts: []\n")
