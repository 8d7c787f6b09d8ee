"""Is a changed word a spelling fix? A dictionary of the language decides, when one is installed.

The word lists are pyspellchecker's (a maintained, pure-Python package whose wheel ships word
frequency lists for Dutch, English, French and others; no system library): the optional extra
``spelling`` (``pip install 'policy-rulebook[spelling]'``). Without it, ``fix`` answers None and
``core.editorial`` falls back to its length rule. A list is loaded the first time a word of its
language needs it (about half a second each), never on the linter's ordinary path.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final

#: The languages whose word lists are consulted when a text's language is not known.
LANGUAGES: Final = ("nl", "en", "fr")


@cache
def _dictionary(lang: str) -> Any:
    """The word list of ``lang`` (a mapping of lower-case words), or None."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    try:
        checker = SpellChecker(language=lang.split("-")[0].lower(), distance=1)
    except (ValueError, OSError):  # a language without a list
        return None
    return checker.word_frequency.dictionary


def available(lang: str = "en") -> bool:
    """Whether a dictionary for ``lang`` is installed."""
    return _dictionary(lang) is not None


def fix(old: str, new: str, languages: tuple[str, ...] = LANGUAGES) -> bool | None:
    """True when exactly one of the two is a word of these languages (a typo fixed, or made:
    either way a matter of spelling, and the answer is the same both ways); False when both are
    words (another word) or neither is (a name, a term: erring towards material); None when no
    dictionary of these languages is installed."""
    found = [d for d in (_dictionary(lang) for lang in languages) if d is not None]
    if not found:
        return None
    old_known = any(old in words for words in found)
    new_known = any(new in words for words in found)
    return old_known != new_known
