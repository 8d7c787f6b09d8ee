"""Attack (issue 24, goal): a 4 MiB file of `a: 1` lines is 1.7 million values; reading and
checking them took 7.7 s (840,000 repeated keys), a flow list of 2 million numbers 10 s, and
420,000 unknown keys 20 s, each under the size limit.

Why it holds now: a file may hold one value for every 16 bytes of the size limit (262,144 in
4 MiB; a real policy has one for every 50 to 100 bytes). The fast reader counts them as it
reads and stops at the first one over, with RB006 on that line, so no check ever sees more;
the slow reader (anchors, tags) counts them the same way, aliases as the values they stand for.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from policy_rulebook.core import fastyaml, loader
from tests.helpers import BUNDLED, TODAY, run

SIZE = 64 * 1024  # --max-file-size 64k: at most 4,096 values


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\n" * 3_000, 2_048),  # repeated keys: the 4,097th value is line 2,048's value
        ("".join(f"k{n:05d}: 1\n" for n in range(3_000)), 2_048),  # unknown keys
        ("meta:\n  languages: [" + "nl, " * 5_000 + "en]\n", 2),  # one flow list
        # an anchor sends the file to the slow reader: the same limit, the same line
        ("base: &b\n" + "".join(f"  k{n:05d}: 1\n" for n in range(3_000)), 2_048),
    ],
    ids=["repeated", "unknown", "flow", "slow-reader"],
)
def test_reading_stops_at_the_first_value_over_the_limit(
    tmp_path: Path, text: str, line: int, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(BUNDLED, tmp_path / "rulebook")
    (tmp_path / "rulebook" / "meta.yaml").write_text(text, encoding="utf-8")
    result = run(
        capsys,
        "lint",
        str(tmp_path / "rulebook"),
        "--max-file-size",
        "64k",
        "--format",
        "json",
        "--today",
        TODAY.isoformat(),
    )
    findings = json.loads(result.out)["findings"]
    assert result.code == 1
    assert [(f["code"], f["line"]) for f in findings if f["file"].endswith("meta.yaml")] == [
        ("RB006", line)
    ], findings
    assert "more than 4,096 values" in findings[0]["message"]


def test_the_limit_is_exact() -> None:
    limit = loader.max_values(SIZE)
    assert limit == 4_096
    pairs = (limit - 1) // 2  # the mapping itself is one value, each key and value one more
    assert fastyaml.parse("".join(f"k{n}: 1\n" for n in range(pairs)), limit) is not None
    with pytest.raises(fastyaml.TooManyValues) as stopped:
        fastyaml.parse("".join(f"k{n}: 1\n" for n in range(pairs + 1)), limit)
    assert (stopped.value.limit, stopped.value.line) == (limit, pairs + 1)


def test_a_policy_far_below_the_limit_is_read_whole() -> None:
    size = sum(len(path.read_bytes()) for path in BUNDLED.glob("*.yaml"))
    document = loader.load(BUNDLED, max_bytes=size)  # the limit at the size of all files
    assert not [p for p in document.problems if p.code == "RB006"]
