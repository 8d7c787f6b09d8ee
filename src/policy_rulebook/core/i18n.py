"""Messages in the reader's language: every user-facing string of ours goes through ``_``.

Write messages with named placeholders and format after translating, so that a translation
may reorder them: ``_("{path}: missing section {section}").format(path=..., section=...)``.
``N_`` marks a string for the catalogue where it is defined (a table, a constant) and is
translated with ``_`` where it is shown.

The catalogues are gettext ``.po`` files in ``policy_rulebook/locale/LANG/LC_MESSAGES``, compiled
to ``.mo`` (shipped as package data) by ``scripts/update_catalogues.py`` with Babel; reading them
needs only the standard library. A message missing from a catalogue is shown in English.

The language: ``set_language`` or ``with language("fr"):``. An explicit choice (``--lang``, or
the ``RULEBOOK_LANG`` environment variable, e.g. in CI) wins; otherwise the policy's first
language once a policy is read (``use_policy_language``), else ``LC_ALL`` / ``LC_MESSAGES`` /
``LANG``, else English.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

DOMAIN = "rulebook"
#: The languages with a complete catalogue, the one list: ``--lang`` accepts these, the
#: catalogue script updates these, the i18n tests run over these (and fail for a language
#: declared here but not complete). English is the language of the source.
LANGUAGES = ("nl", "en", "fr")
DEFAULT = "en"
#: An explicit choice from the environment, as ``--lang`` on the command line.
ENVIRONMENT_VARIABLE = "RULEBOOK_LANG"
#: A plain path (os.path, not pathlib): ``rulebook --help`` reads LANGUAGES for its help text
#: and stays light (tests/test_imports.py).
LOCALE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locale")

# (language, chosen explicitly): None until something chooses, then the environment decides.
_state: ContextVar[tuple[str, bool] | None] = ContextVar("rulebook_language", default=None)


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def supported(lang: str | None) -> str | None:
    """The catalogue for a language tag (``nl``, ``nl_BE.UTF-8``, ``fr-BE``), or None."""
    if not lang:
        return None
    base = lang.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return base if base in LANGUAGES else None


def from_environment() -> str:
    """The language of ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` (the first one set), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return supported(value) or DEFAULT
    return DEFAULT


def _explicit_from_environment() -> str | None:
    return supported(os.environ.get(ENVIRONMENT_VARIABLE)) or (
        DEFAULT if os.environ.get(ENVIRONMENT_VARIABLE) else None
    )


def current() -> str:
    """The language messages are in now."""
    state = _state.get()
    if state is not None and (state[1] or _explicit_from_environment() is None):
        return state[0]
    return _explicit_from_environment() or (state[0] if state else from_environment())


def set_language(lang: str | None, *, explicit: bool = True) -> str:
    """Choose the language of messages (``None``: back to the environment's); returns it.

    An unknown language gives English (the messages of a German policy are English)."""
    if lang is None:
        _state.set(None)
        return current()
    chosen = supported(lang) or DEFAULT
    _state.set((chosen, explicit))
    return chosen


def use_policy_language(languages: Sequence[str]) -> bool:
    """Speak the policy's first language unless a language was chosen explicitly; True when
    that changed the language (then messages made before are in the other one)."""
    state = _state.get()
    if (state is not None and state[1]) or _explicit_from_environment() is not None:
        return False
    wanted = supported(languages[0]) if languages else None
    if wanted is None or wanted == current():
        return False
    _state.set((wanted, False))
    return True


@contextmanager
def language(lang: str | None) -> Iterator[str]:
    """``with language("fr"):`` messages in French inside the block (an explicit choice)."""
    token = _state.set(_state.get())
    try:
        yield set_language(lang)
    finally:
        _state.reset(token)


def _(message: str) -> str:
    """``message`` in the chosen language (English where the catalogue lacks it)."""
    return _translations(current()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count`` in the chosen language."""
    return _translations(current()).ngettext(singular, plural, count)


def translated(table: dict[str, str], lang: str) -> dict[str, str]:
    """A table of English words (keys to texts, marked with ``N_``) in ``lang``, through its
    catalogue: a new dict each time, the table itself is never changed."""
    with language(lang):
        return {key: _(text) for key, text in table.items()}


#: The thousands separator of each language (CLDR): "262,144" reads as a fraction in Dutch.
_GROUP_SEPARATORS = {"en": ",", "nl": ".", "fr": "\u202f"}


class Count(int):
    """A whole number whose ``{n:,}`` in a message groups its thousands as the reader's
    language does (262,144; 262.144; 262 144): ``.format(limit=Count(limit))``. The
    catalogues keep the ``{limit:,}`` of the English message."""

    def __format__(self, spec: str) -> str:
        text = format(int(self), spec)
        if "," not in spec:
            return text
        return text.replace(",", _GROUP_SEPARATORS.get(current(), ","))


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it here."""
    return message
