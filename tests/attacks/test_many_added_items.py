"""Attack (round 4 of issue 24's class): 1,000 do's added in the working tree made
``diff --from HEAD~1`` take 4.6 s of CPU, 15,000 over ten minutes: each change indexed both
rulebooks again to learn whether it was committed (``provenance.uncommitted``) and counted the
articles again for its number (``legal_fields.item_title``).

Why it holds now: both are made once per rulebook (``uncommitted_test``; the numbers of the
last few rulebooks are kept by identity).
"""

from __future__ import annotations

import copy
from typing import Any

from policy_rulebook.changelog.diff import diff_data
from policy_rulebook.changelog.legal_fields import item_title
from policy_rulebook.changelog.provenance import uncommitted, uncommitted_test
from policy_rulebook.core import loader
from tests.attacks.growth import LINEAR, growth
from tests.helpers import BUNDLED


def _with_dos(base: dict[str, Any], count: int) -> dict[str, Any]:
    data = copy.deepcopy(base)
    added = [
        {"id": f"do-{n}", "text": {"nl": f"Beantwoord vraag {n}.", "en": f"Answer {n}."}}
        for n in range(count)
    ]
    data["conduct"]["dos"] = added + data["conduct"]["dos"]
    return data


BASE: dict[str, Any] = dict(loader.load(BUNDLED).data)


def test_uncommitted_for_many_changes_says_what_it_said_for_one() -> None:
    head = _with_dos(BASE, 3)
    work = _with_dos(BASE, 5)
    work["conduct"]["dos"][0]["text"]["en"] = "Changed in the working tree."
    changes = diff_data(BASE, work)
    test = uncommitted_test(head, work)
    assert [test(c) for c in changes] == [uncommitted(c, head, work) for c in changes]
    assert [c.id for c in changes if test(c)] == ["do-0", "do-3", "do-4"]
    assert uncommitted_test(None, work)(changes[0]) is True


def test_titles_carry_the_number_of_the_printed_policy() -> None:
    work = _with_dos(BASE, 3)
    [first, *_rest] = diff_data(BASE, work)
    assert item_title(first, "en", work).startswith("2.1.1 ")


def test_many_added_items_grow_linearly() -> None:
    def work(n: int) -> None:
        new = _with_dos(BASE, n)
        changes = diff_data(BASE, new)
        test = uncommitted_test(BASE, new)
        for change in changes:
            test(change)
            item_title(change, "nl", new)

    ratio = growth(work, 300, runs=1)
    assert ratio < LINEAR, ratio
