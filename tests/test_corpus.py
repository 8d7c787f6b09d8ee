"""Precision and recall on a corpus of realistic policies (issue 14): recall >= 90 % of the
listed gaps, and no false positive on the complete corpus policy or on the bundled policy."""

from __future__ import annotations

from policy_rulebook.core import loader
from policy_rulebook.linter import engine
from policy_rulebook.linter.checks import Context
from tests.corpus_eval import all_checks, evaluate_all, markdown, recall
from tests.helpers import BUNDLED, SUMMARY, TODAY

NO_CHECK = "none"  # a listed gap that no check covers yet


def test_recall_and_false_positives_per_check() -> None:
    outcomes = evaluate_all()
    assert len(outcomes) >= 6
    # the table goes to the terminal summary, after the progress dots (tests/conftest.py)
    SUMMARY.append(("recall of the checks on tests/corpus", markdown(outcomes)))
    # Gaps that no check covers yet (code none) are listed and reported, not held against the
    # checks that exist: recall of the covered gaps.
    assert recall(outcomes, covered_only=True) >= 0.9
    for outcome in outcomes:
        if outcome.complete:
            assert not outcome.found, (outcome.name, outcome.found)
    assert any(o.complete for o in outcomes)


def test_every_listed_gap_is_found_and_nothing_else() -> None:
    """Stricter than the target, so that a regression shows which gap or which finding: every
    gap that a check covers is found, and nothing else is."""
    for outcome in evaluate_all():
        missed = {gap: n for gap, n in outcome.missed.items() if gap[0] != NO_CHECK}
        assert not missed, (outcome.name, "missed", missed)
        assert not outcome.false_positives, (
            outcome.name,
            "false positives",
            dict(outcome.false_positives),
        )


def test_no_finding_on_the_bundled_policy() -> None:
    report = engine.lint(loader.load(BUNDLED), Context(today=TODAY))
    assert report.findings == ()


def test_the_documented_table_is_up_to_date() -> None:
    from tests.helpers import REPO

    page = (REPO / "docs" / "checks-coverage.md").read_text(encoding="utf-8")
    assert markdown(evaluate_all()) in page, "run scripts/coverage_table.py"
    assert all_checks() in page, "run scripts/coverage_table.py"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert markdown(evaluate_all()) in readme, "run scripts/coverage_table.py"
