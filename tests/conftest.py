"""Every test starts with messages chosen by neither a policy nor an earlier test: English,
as from an environment without a language (tests that want another say so)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from policy_rulebook.core import i18n


@pytest.fixture(autouse=True)
def _english_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "RULEBOOK_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.set_language(None)
    yield
    i18n.set_language(None)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English whatever the policy's language (``RULEBOOK_LANG=en``, as ``--lang
    en``), for tests written against the English wording; in-process and in child processes."""
    monkeypatch.setenv("RULEBOOK_LANG", "en")
