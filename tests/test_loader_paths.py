"""Both ways of reading bytes (the round trip alone, and the C fast path that leaves what it
does not cover to the round trip, as every load does) apply the same limits and give the same
findings on hostile input."""

from __future__ import annotations

import pytest

from policy_rulebook.authoring.fmt import plain
from policy_rulebook.core import loader
from tests.helpers import BUNDLED


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\nmeta:\n  organisation: *i\n"


CASES = {
    "alias-bomb": (billion_laughs(), {"RB007"}),
    "recursive-alias": ("meta: &m\n  organisation: [*m]\n", {"RB007"}),
    "recursive-alias-in-list": ("meta: &m [*m]\n", {"RB007"}),
    "many-aliases": ("a: &a x\nb: [" + ", ".join(["*a"] * 101) + "]\n", {"RB007"}),
    "some-aliases": ("a: &a x\nb: [" + ", ".join(["*a"] * 20) + "]\n", set()),
    "deep-flow": ("meta: " + "[" * 10_000 + "]" * 10_000 + "\n", {"RB008"}),
    "deep-maps": ("meta: " + "{a: " * 10_000 + "b" + "}" * 10_000 + "\n", {"RB008"}),
    "deep-block": ("meta:\n  " + "- " * 10_000 + "x\n", {"RB008"}),
    "deep-but-fine": ("meta: " + "[" * 60 + "]" * 60 + "\n", set()),
    "merge-key": ("meta:\n  <<: {status: draft}\n  title: x\n", {"RB009"}),
    "quoted-merge-key": ("meta:\n  '<<': {status: draft}\n", set()),
    "merge-in-a-value": ("meta:\n  title: <<\n", set()),
    "python-tag": ("meta:\n  owner: !!python/object/apply:os.system [echo]\n", {"RB003"}),
    "yaml-1-1-types": ("meta: !!omap\n  - a: 1\nbrand: !!set {a}\nx: !!binary aGk=\n", {"RB003"}),
    "duplicate-key": ("meta:\n  a: 1\n  a: 2\n", {"RB002"}),
    "syntax": ("meta: [\n", {"RB001"}),
    "yaml-1-3": ('%YAML 1.3\n---\n"foo"\n', {"RB001"}),
    "huge-number": ("meta:\n  version: " + "9" * 100_000 + "\n", {"RB001"}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_both_paths_refuse_alike(name: str) -> None:
    text, codes = CASES[name]
    round_trip = loader.parse("x.yaml", text.encode())
    fast = loader.parse("x.yaml", text.encode(), fast=True)
    assert {p.code for p in round_trip.problems} == codes
    assert {p.code for p in fast.problems} == codes
    if round_trip.data is not None:
        assert plain(fast.data) == plain(round_trip.data)


def test_the_merge_key_is_never_merged() -> None:
    text = "meta:\n  <<: {status: draft}\n  title: x\n"
    for fast in (True, False):
        data = plain(loader.parse("x.yaml", text.encode(), fast=fast).data)
        assert data == {"meta": {"<<": {"status": "draft"}, "title": "x"}}


def test_the_bundled_policy_reads_the_same_both_ways() -> None:
    for path in sorted(BUNDLED.glob("*.yaml")):
        round_trip = loader.parse(path.name, path.read_bytes())
        fast = loader.parse(path.name, path.read_bytes(), fast=True)
        assert fast.problems == round_trip.problems == []
        assert plain(fast.data) == plain(round_trip.data)
