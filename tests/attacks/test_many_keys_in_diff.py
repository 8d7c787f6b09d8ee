"""Attack (issue 24, 5): 25,000 keys in `meta` (380 KB) made ``diff`` and ``changelog`` take
15 s: the reading order looked each changed key up in the list of its mapping's keys.

Why it holds now: the position of every key is made once per mapping (``diff._order``).
"""

from __future__ import annotations

from typing import Any

from policy_rulebook.changelog.diff import diff_data
from tests.attacks.growth import LINEAR, growth


def _meta(keys: int, offset: int) -> dict[str, Any]:
    return {"meta": {f"key{n:06d}": n + offset for n in range(keys)}}


def test_the_changes_of_one_mapping_stay_in_reading_order() -> None:
    old = {"meta": {"b": 1, "a": 1, "c": 1}}
    new = {"meta": {"c": 2, "b": 2, "a": 2}}
    assert [c.path for c in diff_data(old, new)] == ["/meta/c", "/meta/b", "/meta/a"]


def test_ordering_many_changed_keys_grows_linearly() -> None:
    ratio = growth(lambda n: diff_data(_meta(n, 0), _meta(n, 1)), 3_000, runs=1)
    assert ratio < LINEAR, ratio
