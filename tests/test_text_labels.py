"""Messages name a text people can find: by its field, or by its place in a list."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_rulebook.core import loader
from policy_rulebook.core.texts import text_label
from policy_rulebook.linter import engine
from policy_rulebook.linter.checks import Context
from tests.helpers import TODAY, overlay

# Written against the English wording (the bundled policy is Dutch; see test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")


def test_text_label_names_fields_and_list_items() -> None:
    assert text_label("/brand/mission") == "`mission`"  # the title says no more than the key
    assert text_label("/meta/owner") == "`owner`"
    assert text_label("/legal/items/0/consequence") == "`consequence`"
    assert text_label("/meta/distribution/1") == (
        "item 2 of how staff learn about it (`distribution`)"
    )
    assert text_label("/x-unknown/field") == "`field`"  # no title: the key alone


def test_text_label_speaks_the_readers_language() -> None:
    """The field's name from the schema's titles, in the reader's language, with its key to
    find it by in the file."""
    from policy_rulebook.core import i18n

    with i18n.language("nl"):
        assert text_label("/brand/mission") == "missie (`mission`)"
        assert text_label("/contact/primary/phone") == "telefoonnummer (`phone`)"
    with i18n.language("fr"):
        assert text_label("/meta/distribution/0").startswith("l’élément 1 de ")


def test_placeholder_in_a_list_of_texts_is_named_by_its_place(tmp_path: Path) -> None:
    policy = overlay(
        tmp_path,
        """
meta:
  organisation: Stad Lindebeek
  version: 1.0.0
  status: draft
  owner: {nl: Dienst Communicatie, en: Communications}
  adopted_on: 2026-01-01
  review_by: 2999-01-01
  languages: [nl, en]
  distribution:
    - {nl: Een infosessie., en: An info session.}
    - {nl: TODO, en: A social media café.}
""",
    )
    report = engine.lint(loader.load(policy), Context(today=TODAY))
    messages = [f.message for f in report.findings if f.code == "RB103"]
    assert messages == [
        "the text of item 2 of how staff learn about it (`distribution`) in `nl` is only a "
        "placeholder "
        "('TODO'), which counts as empty: write the real text"
    ]
