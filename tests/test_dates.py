"""Dates as people write them, in the policy's language."""

from __future__ import annotations

from policy_rulebook.core.dates import long_date


def test_long_date_in_every_language_with_a_catalogue() -> None:
    assert long_date("nl", "2027-03-01") == "1 maart 2027"
    assert long_date("en", "2028-09-01") == "1 September 2028"
    assert long_date("nl-BE", "2026-11-23") == "23 november 2026"
    assert long_date("fr", "2027-03-01") == "1er mars 2027"
    assert long_date("fr-BE", "2027-08-15") == "15 août 2027"


def test_other_languages_fall_back_to_english_and_non_dates_stay_as_written() -> None:
    assert long_date("de", "2027-03-01") == "1 March 2027"
    assert long_date("fr", "2027-08-15") == "15 août 2027"  # French has its month names
    assert long_date("fr", "2027-03-01") == "1er mars 2027"  # and writes the first as 1er
    assert long_date("nl", "2027-03-01") == "1 maart 2027"
    assert long_date("nl", "binnenkort") == "binnenkort"
    assert long_date("nl", "2027-13-01") == "2027-13-01"
    assert long_date("nl", "2027-00-01") == "2027-00-01"
