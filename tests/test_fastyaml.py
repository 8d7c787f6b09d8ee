"""The C fast path reads what the round-trip path reads: equal data, positions, duplicates.

The round-trip loader is the reference. Wherever the fast path gives data, it must be the
round-trip loader's data, key for key and position for position; wherever the round-trip
loader refuses a text, the fast path must refuse it too (and leave it to the round trip).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml.error import YAMLError

from policy_rulebook.core import fastyaml, loader, yaml_reader
from policy_rulebook.core.document import Document
from policy_rulebook.linter.checks import CHECKS
from tests.helpers import BUNDLED, EXAMPLES, TODAY, run, split_files

# ruamel.yaml.clib is a dependency: the C parser is always there, so nothing here is skipped.
pytestmark = pytest.mark.filterwarnings("ignore::ruamel.yaml.error.ReusedAnchorWarning")


def round_trip(text: str) -> tuple[Any, list[tuple[str, int, int]]]:
    yaml = yaml_reader.make_yaml()
    data = yaml.load(text)
    return data, list(yaml.constructor.duplicates)


def lc(value: Any) -> Any:
    return value.lc


def assert_same(fast: Any, reference: Any, path: str = "") -> None:
    """Equal values, equal types up to ruamel's str/int/float subclasses, equal positions."""
    for kind in (dict, list, bool, str, int, float):
        if isinstance(reference, kind):
            assert isinstance(fast, kind), (path, type(fast), type(reference))
            break
    else:
        assert fast is None and reference is None, (path, fast, reference)
    assert fast == reference or (fast != fast and reference != reference), path  # NaN
    if isinstance(reference, dict):
        assert list(fast) == list(reference), path
        assert (lc(fast).line, lc(fast).col) == (lc(reference).line, lc(reference).col), path
        for key in reference:
            assert lc(fast).key(key) == lc(reference).key(key), (path, key)
            assert lc(fast).value(key) == lc(reference).value(key), (path, key)
            assert_same(fast[key], reference[key], f"{path}/{key}")
    elif isinstance(reference, list):
        assert (lc(fast).line, lc(fast).col) == (lc(reference).line, lc(reference).col), path
        for index, item in enumerate(reference):
            assert lc(fast).item(index) == lc(reference).item(index), (path, index)
            assert_same(fast[index], item, f"{path}/{index}")


def assert_agrees(text: str) -> fastyaml.Parsed | None:
    """The fast path on ``text`` agrees with the round trip; returns what it read."""
    parsed = fastyaml.parse(text)
    try:
        reference, duplicates = round_trip(text)
    except (YAMLError, RecursionError, ValueError):
        assert parsed is None, "the fast path read a text the round trip refuses"
        return None
    except Exception:  # ruamel itself trips on a few, e.g. "k: # note\n  text\n\n"
        return parsed
    if parsed is not None:
        assert_same(parsed.data, reference)
        assert sorted(parsed.duplicates) == sorted(duplicates)
    return parsed


@pytest.mark.parametrize("path", sorted(BUNDLED.glob("*.yaml")), ids=lambda p: p.name)
def test_bundled_files_read_alike(path: Path) -> None:
    assert assert_agrees(path.read_text(encoding="utf-8")) is not None


@pytest.mark.parametrize(
    "path", sorted(EXAMPLES.rglob("*.yaml")), ids=lambda p: str(p.relative_to(EXAMPLES))
)
def test_example_files_read_alike(path: Path) -> None:
    assert_agrees(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: f"{c.code}-{c.name}")
def test_check_examples_read_alike(check: Any) -> None:
    for fragment in (check.bad, check.good):
        for text in split_files(fragment).values():
            assert_agrees(text)


SCALARS = [
    "plain text",
    "Wees beleefd, ook als het moeilijk wordt.",
    "'quoted: yes'",
    '"dq \\u00e9"',
    "yes",
    "no",
    "on",
    "off",
    "true",
    "False",
    "TRUE",
    "null",
    "~",
    "Null",
    "",
    "0",
    "-12",
    "+7",
    "0o17",
    "0x1F",
    "0b101",
    "1_000",
    "3.14",
    "-.5",
    "1e3",
    ".inf",
    "-.INF",
    ".nan",
    "2027-03-01",
    "2027-3-1 10:00:00",
    "12:30",
    "v1.2.3",
    "café ☕",
    "a # not a comment",
    "@handle",
    "`code`",
    "[a, b, 1]",
    "{a: 1, b: [x, 'y']}",
    "[]",
    "{}",
    "<<",
    "=",
    "!!str 12",
    "!custom x",
    "&a x",
    "*a",
    "|\n    literal\n    text",
    ">-\n    folded\n    text",
    "'it''s'",
    '"tab\\there"',
    "- in plain",
    "key: in: plain",
    "%percent",
    "?",
    "? q",
]
KEYS = [
    "id",
    "text",
    "nl",
    "en",
    "yes",
    "no",
    "1",
    "true",
    "null",
    "'quoted key'",
    "é",
    "a b",
    "id",
]


@st.composite
def yaml_texts(draw: st.DrawFn, depth: int = 0) -> str:
    """Block YAML, mostly well formed, with the odd twist (duplicates, tags, bad indents)."""
    indent = "  " * depth
    lines: list[str] = []
    if draw(st.booleans()):
        for _ in range(draw(st.integers(1, 4))):
            key = draw(st.sampled_from(KEYS))
            if depth < 3 and draw(st.integers(0, 3)) == 0:
                lines.append(f"{indent}{key}:")
                lines.append(draw(yaml_texts(depth + 1)))
            else:
                lines.append(f"{indent}{key}: {draw(st.sampled_from(SCALARS))}")
    else:
        for _ in range(draw(st.integers(1, 4))):
            if depth < 3 and draw(st.integers(0, 3)) == 0:
                lines.append(f"{indent}-")
                lines.append(draw(yaml_texts(depth + 1)))
            else:
                lines.append(f"{indent}- {draw(st.sampled_from(SCALARS))}")
    if draw(st.integers(0, 9)) == 0:
        lines.insert(
            draw(st.integers(0, len(lines))),
            draw(
                st.sampled_from(
                    [
                        "# a comment",
                        "",
                        "  # indented comment",
                        "---",
                        "...",
                        " odd: indent",
                        "\tkey: tab",
                        "key: [unclosed",
                        "%YAML 1.1",
                        "- &anchor item",
                        "<<: *anchor",
                    ]
                )
            ),
        )
    return "\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_texts())
@example("-\n  - plain text\n...\n...")  # two end markers: libyaml reads it, ruamel refuses
def test_generated_texts_read_alike(text: str) -> None:
    assert_agrees(text + "\n")


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system [echo]\n",
        "a: &x 1\nb: *x\n",
        "base: &b {x: 1}\nderived:\n  <<: *b\n",
        "%YAML 1.1\n---\nyes: no\n",
        "a: 1\n---\nb: 2\n",
        "a: [unclosed\n",
        "? [a, b]\n: complex key\n",
        "a: 'unclosed\n",
    ],
)
def test_texts_outside_the_plain_subset_go_the_round_trip(text: str) -> None:
    assert fastyaml.parse(text) is None


def test_deep_nesting_neither_crashes_nor_recurses() -> None:
    # libyaml's own composer is recursive in C and crashes the process on this.
    assert fastyaml.parse("[" * 100_000 + "]" * 100_000) is None
    assert fastyaml.parse("- " * 100_000 + "x") is None
    nested = fastyaml.parse("[" * fastyaml.MAX_DEPTH + "]" * fastyaml.MAX_DEPTH)
    assert nested is not None


def test_duplicates_keep_the_first_and_are_reported() -> None:
    parsed = fastyaml.parse("a: 1\nb: 2\na: 3\n")
    assert parsed is not None
    assert parsed.data == {"a": 1, "b": 2}
    assert parsed.duplicates == [("a", 3, 1)]


def test_empty_text_is_no_data() -> None:
    parsed = fastyaml.parse("# only a comment\n")
    assert parsed is not None and parsed.data is None


def test_lint_output_is_the_same_without_the_c_parser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = EXAMPLES / "invalid" / "broken"
    fast = [
        run(capsys, "lint", "--today", TODAY.isoformat(), "--format", "json", str(p))
        for p in (BUNDLED, broken)
    ]
    monkeypatch.setattr(fastyaml, "_c_parser", lambda: None)
    pure = [
        run(capsys, "lint", "--today", TODAY.isoformat(), "--format", "json", str(p))
        for p in (BUNDLED, broken)
    ]
    assert fast == pure


def test_loader_positions_match_on_the_bundled_policy() -> None:
    fast = loader.load(BUNDLED)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fastyaml, "_c_parser", lambda: None)
        pure = loader.load(BUNDLED)
    assert isinstance(fast, Document) and isinstance(pure, Document)
    for name, section in pure.sections.items():
        assert_same(fast.sections[name].node, section.node, name)
        assert fast.sections[name].line == section.line


SOUP = [
    *"ab: -\n\t'\"#[]{},?&*!|>%@`~.0é\\",
    "\n  ",
    ": ",
    "- ",
    "\n- ",
    "|\n  ",
    " #",
    "x y",
    "\r\n",
    "\r",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u00a0",
]


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["", "k: ", "k:\n  ", "- ", "a: 1\nk: "]),
    st.lists(st.sampled_from(SOUP), max_size=40),
)
def test_character_soup_reads_alike(start: str, pieces: list[str]) -> None:
    # Fuzzing like this found what _ROUND_TRIP_ONLY and the other refusals now keep out.
    assert_agrees(start + "".join(pieces))


def test_the_c_parser_is_installed() -> None:
    # ruamel.yaml.clib is a hard dependency; without it every read would go the round trip.
    assert fastyaml.available()
