"""The line at the foot of every printed page: the approval in the one wording the legal
redline uses too (changelog.legal_fields.approval_line)."""

from __future__ import annotations

from typing import Any

from policy_rulebook.changelog.legal_fields import approval_line
from policy_rulebook.core import loader
from policy_rulebook.documents.footer import approval, footer_line
from tests.helpers import BUNDLED


def _data() -> dict[str, Any]:
    return dict(loader.load(BUNDLED).data)


def test_an_approval_without_a_date_names_the_role_not_its_id() -> None:
    data = _data()
    meta = dict(data["meta"])
    meta["approval"] = {"by": "communications-officer", "decision": "Besluit 12"}
    data["meta"] = meta
    line = footer_line(data, "en")
    assert "Besluit 12 by Communications officer on ?" in line, line
    assert "communications-officer" not in line
    assert approval(data, "en") == approval_line(meta["approval"], "en", data)


def test_a_dated_approval_is_its_date_in_the_footer() -> None:
    assert footer_line(_data(), "nl").endswith("· Goedgekeurd op 23 november 2026"), footer_line(
        _data(), "nl"
    )


def test_no_approval_an_adopted_policy_says_when_it_was_adopted() -> None:
    data = _data()
    meta = {k: v for k, v in data["meta"].items() if k != "approval"}
    data["meta"] = meta
    assert approval(data, "en") == "Adopted on 23 November 2026"  # meta.adopted_on
    meta["status"] = "draft"
    assert approval(data, "en") is None
