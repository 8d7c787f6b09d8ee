"""Who wrote which words (``changelog.authorship``): a text replayed through its commits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policy_rulebook.changelog import authorship
from policy_rulebook.changelog.redline import redline

OLD = "Wat vertrouwelijk is, blijft binnen."
DPO = "Wat je over inwoners weet, deel je nooit online."
BANG = "Wat je over inwoners weet, deel je nooit online!"


def test_a_later_punctuation_fix_does_not_take_the_rewrite() -> None:
    segments = redline(OLD, BANG)
    runs = authorship.attribute(OLD, BANG, [("dpo", DPO), ("tom", BANG)], segments)
    assert runs is not None
    by = [(s.op, s.text, who) for s, who in runs if s.op != "="]
    assert ("+", "!", "tom") in by and ("-", ".", "tom") in by
    assert {who for op, text, who in by if text not in ("!", ".")} == {"dpo"}
    # the runs are the segments, split: both texts come back whole
    assert "".join(s.text for s, _ in runs if s.op != "+") == OLD
    assert "".join(s.text for s, _ in runs if s.op != "-") == BANG


def test_a_step_that_changed_nothing_is_never_named() -> None:
    runs = authorship.attribute(OLD, DPO, [("ann", OLD), ("dpo", DPO)], redline(OLD, DPO))
    assert runs is not None and {who for s, who in runs if s.op != "="} == {"dpo"}


def test_out_of_bounds_or_unfinished_replays_fall_back() -> None:
    long = "woord " * (authorship.MAX_TOKENS + 1)
    assert authorship.attribute(long, OLD, [("a", OLD)], redline(long, OLD)) is None
    steps = [("a", OLD)] * (authorship.MAX_STEPS + 1)
    assert authorship.attribute(OLD, OLD, steps, redline(OLD, OLD)) is None
    # the replay does not end at the new text (its last form is in the working tree)
    assert authorship.attribute(OLD, BANG, [("dpo", DPO)], redline(OLD, BANG)) is None


_WORDS = st.lists(st.sampled_from(["de", "regel", "geldt", "niet", "altijd", ".", ",", "!"]))


@given(_WORDS, _WORDS, _WORDS)
def test_runs_rebuild_both_texts_and_name_only_steps(
    a: list[str], b: list[str], c: list[str]
) -> None:
    old, mid, new = " ".join(a), " ".join(b), " ".join(c)
    segments = redline(old, new)
    runs = authorship.attribute(old, new, [("one", mid), ("two", new)], segments)
    assert runs is not None
    assert "".join(s.text for s, _ in runs if s.op != "+") == old
    assert "".join(s.text for s, _ in runs if s.op != "-") == new
    assert all(who in ("one", "two") for s, who in runs if s.op != "=")
    if mid == new:  # the second commit changed nothing: every change is the first's
        assert all(who == "one" for s, who in runs if s.op != "=")
