"""Attack (issue 24, 1): 8,000 repeated keys in 56 KB made ``lint`` take 30 s, 420 KB did not
finish in 13 minutes: the missing-dash hint of RB002 looked upwards from every repeated key,
splitting the whole text again each time.

Why it holds now: ``yaml_mistakes.missing_dashes`` answers for every repeated key in one pass
downwards (the last ``- `` at each column, a stack of shallower lines), the same answers as the
upward search (hypothesis, against that search kept here as the reference).
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from policy_rulebook.core import loader, yaml_mistakes
from tests.attacks.growth import LINEAR, growth


def _upwards(text: str, line: int) -> bool:
    """The original upward search (quadratic over many lines), as the reference."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return False
    here = lines[line - 1]
    indent = len(here) - len(here.lstrip(" "))
    for number in range(line - 2, -1, -1):
        above = lines[number]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        depth = len(above) - len(above.lstrip(" "))
        item = re.match(r"(\s*)- +", above)
        if item is not None and item.end() == indent:
            return True
        if depth < indent - 2:
            return False
    return False


LINE = st.builds(
    lambda indent, body: " " * indent + body,
    st.integers(0, 8),
    st.sampled_from(["a: 1", "- a: 1", "-   b: x", "- - c:", "# note", "", "  ", "\t- d", "-"]),
)


@given(st.lists(LINE, max_size=30))
def test_the_one_pass_answers_as_the_upward_search(lines: list[str]) -> None:
    text = "\n".join(lines)
    numbers = range(0, len(lines) + 2)
    expected = {n for n in numbers if _upwards(text, n)}
    assert yaml_mistakes.missing_dashes(text, numbers) == expected


def _repeated(count: int) -> bytes:
    return ("meta:\n  distribution:\n    - nl: x\n" + "      nl: x\n" * count).encode()


def test_the_hint_still_shows_for_a_missing_dash() -> None:
    parsed = loader.parse("meta.yaml", _repeated(3), fast=True)
    hints = [p for p in parsed.problems if "`- `" in p.message]
    assert [p.line for p in hints] == [4], [p.message for p in parsed.problems]


def test_reading_repeated_keys_grows_linearly() -> None:
    ratio = growth(lambda n: loader.parse("meta.yaml", _repeated(n), fast=True), 1_500)
    assert ratio < LINEAR, ratio  # was quadratic: 8 times the keys took about 60 times as long


def test_repeated_keys_past_the_bound_are_counted_in_one_finding() -> None:
    text = "meta:\n" + "  a: 1\n" * (loader.MAX_DUPLICATE_FINDINGS + 51)
    parsed = loader.parse("meta.yaml", text.encode(), fast=True)
    repeated = [p for p in parsed.problems if p.code == "RB002"]
    assert len(repeated) == loader.MAX_DUPLICATE_FINDINGS + 1
    assert repeated[-1].message.startswith("50 more repeated keys from here on")


@given(st.from_regex(r"[-+]?[0-9_]{1,20}", fullmatch=True))
def test_plain_integers_are_built_as_ruamel_builds_them(value: str) -> None:
    from ruamel.yaml import YAML

    from policy_rulebook.core import fastyaml

    tag = "tag:yaml.org,2002:int"
    try:
        expected = YAML(typ="rt", pure=True).load(f"a: {value}\n")["a"]
    except Exception:
        return
    if not isinstance(expected, int):
        return  # read as text: the resolver decides that, not the number builder
    built = fastyaml._number(tag, value)
    assert (type(built), built) == (type(expected), expected)
