"""Attack (issue 24, 2): ``lint --base`` compared every removed item with every added one
character by character (difflib, autojunk off: quadratic in the length): ten do's of 1,000
characters replaced by reordered ones took 12 s, longer ones minutes.

Why it holds now: ``changes.text_similarity`` compares by character only up to 500 characters,
by word up to 1,000 words, and beyond by the words in common (linear); ``changes.renames``
pairs identical contents at once and looks at a bounded number of pairs and characters.
"""

from __future__ import annotations

from policy_rulebook.core import changes
from policy_rulebook.core.changes import Located, renames, text_similarity
from tests.attacks.growth import LINEAR, growth


def _text(words: int, shift: int = 0) -> str:
    out = [f"woord{(n * 7 + shift) % 50}" for n in range(words)]
    return " ".join(out[shift:] + out[:shift])


def _item(kind: str, item_id: str, text: str, index: int) -> Located:
    return Located(kind, ("conduct", "dos"), index, {"id": item_id, "text": {"nl": text}})


def test_comparing_reordered_texts_grows_linearly() -> None:
    ratio = growth(lambda n: text_similarity(_text(n), _text(n, 3)), 300)
    assert ratio < LINEAR, ratio


def test_a_long_item_with_one_word_fixed_is_still_a_rename() -> None:
    old = _text(8_000)
    new = old.replace("woord7", "woord-7", 1)
    pairs = renames([_item("do", "a", old, 0)], [_item("do", "b", new, 0)])
    assert [(a.item["id"], b.item["id"]) for a, b, _ in pairs] == [("a", "b")]


def test_a_short_item_reworded_is_judged_character_by_character() -> None:
    old, new = "Antwoord binnen een werkdag.", "Bel binnen het uur terug."
    assert text_similarity(old, new) < changes.RENAME_RATIO
    assert text_similarity(old, old.rstrip(".")) >= changes.RENAME_RATIO


def test_identical_contents_pair_whatever_the_number_of_items() -> None:
    count = 1_000  # a million pairs: over the bound, so only identical contents pair
    assert count * count > changes.MAX_RENAME_PAIRS
    gone = [_item("do", f"old-{n}", f"tekst {n}", n) for n in range(count)]
    came = [_item("do", f"new-{n}", f"tekst {n}", n) for n in range(count)]
    pairs = renames(gone, came)
    assert len(pairs) == count
    assert all(a.item["id"][4:] == b.item["id"][4:] for a, b, _ in pairs)


def test_many_replaced_items_cost_a_bounded_number_of_comparisons() -> None:
    def replace(count: int) -> None:
        gone = [_item("do", f"old-{n}", _text(150, n), n) for n in range(count)]
        came = [_item("do", f"new-{n}", _text(150, n + 1), n) for n in range(count)]
        renames(gone, came)

    # 8 times the items is 64 times the pairs; the character budget keeps the work far below
    assert growth(replace, 40, runs=1) < 2 * LINEAR
