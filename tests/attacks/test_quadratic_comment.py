"""Attack: a long comment at the top of a file made every lint that leaves the fast path (one
anchor suffices) and every ``fmt`` quadratic: 1 MB 16.6 s, 2 MB 58 s, 4.15 MB 252 s.

Why: ruamel's round-trip scanner builds a comment one character at a time. The loader's scanner
reads it as one slice (same tokens), and the slow reader is not used above
``MAX_ROUND_TRIP_CHARACTERS`` at all (RB006), so time is bounded for every file under the limit.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from policy_rulebook.core import loader, yaml_reader
from tests.helpers import TODAY, run_process


def test_a_4_mb_comment_with_an_anchor_is_refused_by_the_slow_reader(policy: Path) -> None:
    # its time (1.2 s here; was 252 s) is measured by benchmarks/attack_limits.py, budget 5 s
    meta = policy / "meta.yaml"
    text = meta.read_text().replace("  status: adopted", "  status: &s adopted")
    meta.write_text("# " + "x" * (4 * 1024 * 1024 - 4096) + "\n" + text)
    result = run_process("lint", str(policy), "--today", TODAY.isoformat())
    assert result.code == 1 and "RB006" in result.out, result.out
    result = run_process("fmt", str(policy))
    assert result.code == 2 and "RB006" in result.err


def _read_seconds(characters: int) -> float:
    """The best of three reads of a comment of ``characters`` with an anchor (slow reader)."""
    text = "# " + "x" * characters + "\nmeta: &a\n  version: 1\n"
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        parsed = loader.parse("m.yaml", text.encode(), fast=True)
        best = min(best, time.perf_counter() - start)
        assert parsed.ok and parsed.data["meta"]["version"] == 1
    return best


def test_reading_a_comment_grows_linearly_up_to_the_bound() -> None:
    # A shape, not a budget: four times the comment takes about four times as long (the
    # quadratic scanner took sixteen); a ratio holds on a slow or busy machine.
    bound = yaml_reader.MAX_ROUND_TRIP_CHARACTERS - 100
    small, large = _read_seconds(bound // 4), _read_seconds(bound)
    # (below 10 ms a process's noise is larger than the work: the quadratic scanner took
    # about 1 s for the large one, 60 ms for the small)
    assert large < 8 * max(small, 0.01), (small, large)


COMMENTED = st.lists(
    st.sampled_from(
        [
            "# c\n",
            "#\n",
            "\n",
            "   # indented\n",
            "a: 1 # end\n",
            "b:\n  - x # y\n",
            "# \ufeffbom\n",
            "c: |\n  text # not a comment\n",
            "d: [1, # in flow\n  2]\n",
            "# last",
            "e: 'q' #q\r\n",
            "\r\n",
            "f: x\u2028",
            "#\x85\n",
        ]
    ),
    max_size=12,
).map("".join)


def _tokens(yaml: YAML, text: str) -> list[object]:
    def describe(value: Any) -> object:
        if isinstance(value, list):
            return [describe(v) for v in value]
        if hasattr(value, "start_mark"):
            mark, end = value.start_mark, value.end_mark
            return (
                type(value).__name__,
                getattr(value, "value", None),
                mark.index,
                mark.line,
                mark.column,
                end.index,
                end.line,
                end.column,
                describe(getattr(value, "_comment", None)),
            )
        return value

    try:
        return [describe(token) for token in yaml.scan(text)]
    except Exception as error:  # the same refusal, at the same place
        return [type(error).__name__, str(error)]


@settings(max_examples=300, deadline=None)
@given(COMMENTED)
def test_the_fast_comment_scanner_reads_as_ruamel_does(text: str) -> None:
    ours, theirs = YAML(typ="rt", pure=True), YAML(typ="rt", pure=True)
    ours.Scanner = yaml_reader._Scanner
    assert _tokens(ours, text) == _tokens(theirs, text)
