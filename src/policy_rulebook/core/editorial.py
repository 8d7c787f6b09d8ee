"""Is a change of text editorial (spelling, punctuation, capitals, spacing) or material?

An editorial change does not change what anyone must do: it is left out of the staff
announcement, marked as editorial for legal, and needs only a patch bump. This module makes the
automatic guess; a contributor overrides it either way with the commit trailer
``Policy-Change: editorial`` or ``Policy-Change: material`` (read by ``changelog.history``,
weighed by ``changelog.model.decide``). It lives in core because the linter's RB902 needs it
too.

The guess errs towards *material*: a wrong "editorial" hides a change from 400 staff, a wrong
"material" costs one line in an announcement. So numbers never change editorially, nor do
words that carry the rule (niet/not, moet/must, binnen/within, ...), even one letter apart.

A changed word is a spelling fix when a dictionary of its language (``core.spelling``, the
optional extra ``spelling``) knows one of the two words and not the other, one or two letters
apart ("bronen" -> "bronnen"; the rule is symmetric, so a typo made is editorial too), or
when the two are a known confusion of that language (you/your, word/wordt, ses/ces). Without
a dictionary, words of at least four letters one or two letters apart count (a guess that
cannot tell "kind" from "king").
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from typing import Final

_WORD = re.compile(r"\w+", re.UNICODE)
#: The most characters a word may change by and still count as a spelling fix.
MAX_SPELLING_EDITS = 2
#: Shorter words are too close to other words for a spelling fix to be told from a new word.
MIN_SPELLING_LENGTH = 4

#: Words whose change changes the rule, however small the edit (nl, en, fr).
_RULE_WORDS = (
    "niet geen wel nooit altijd moet moeten mag mogen mogelijk kan kunnen zal zullen verplicht "
    "verboden binnen buiten voor na zonder met alle elke iedere enkel alleen ook nog min plus "
    "meer minder eerst laatst dag dagen week weken maand maanden jaar jaren uur uren "
    "not no never always must may might can cannot shall should will within without before "
    "after all any every only also none more less first last day days week weeks month months "
    "year years hour hours "
    "ne pas jamais toujours doit doivent peut peuvent dans sans avant après tous toute toutes "
    "seul seulement aussi plus moins jour jours semaine mois an ans heure heures"
)
RULE_WORDS: Final = frozenset(_RULE_WORDS.split())


def _fold(text: str) -> str:
    """Compatibility forms and case folded; accents kept (they are compared separately)."""
    return unicodedata.normalize("NFKC", text).casefold()


def _bare(word: str) -> str:
    """A word without accents: ``financiële`` -> ``financiele``."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


#: Pairs of real words that writers confuse (grammar, not meaning), per language.
_CONFUSED = (
    "you your, your you're, there their, their they're, than then, to too, lose loose, "
    "were where, "
    "ce se, ces ses, son sont, on ont, et est, "
    "hen hun, dat wat"
)
CONFUSED: Final = frozenset(frozenset(pair.split()) for pair in _CONFUSED.split(", "))


def _dt(old: str, new: str) -> bool:
    """A Dutch verb ending fixed: word -> wordt, gebeurd -> gebeurt."""
    return len(old) > 2 and old.endswith("d") and new in (old + "t", old[:-1] + "t")


def _small_edit(old: str, new: str, lang: str | None = None) -> bool:
    """A word fixed by at most MAX_SPELLING_EDITS characters (a typo, not another word)."""
    from policy_rulebook.core import spelling

    if _bare(old) == _bare(new):
        return True  # an accent added or fixed
    if any(c.isdigit() for c in old + new):
        return False  # art. 20 -> art. 21 is another article
    if old in RULE_WORDS or new in RULE_WORDS:
        return False
    if frozenset((old, new)) in CONFUSED or _dt(old, new) or _dt(new, old):
        return True
    if _edits(old, new) > MAX_SPELLING_EDITS:
        return False
    known = spelling.fix(old, new, (lang,) if lang else spelling.LANGUAGES)
    if known is not None:
        return known
    return min(len(old), len(new)) >= MIN_SPELLING_LENGTH


def _edits(old: str, new: str) -> int:
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def language_of(key: object) -> str | None:
    """The language a text's last key names (``text.nl`` -> ``nl``), if it names one."""
    text = str(key).rsplit(".", 1)[-1]
    return text if 2 <= len(text) <= 3 and text.isalpha() and text.islower() else None


def is_editorial_text_change(old: str, new: str, lang: str | None = None) -> bool:
    """True when ``new`` differs from ``old`` only in spelling, punctuation, capitals or spacing.

    >>> is_editorial_text_change("Reageer binnen 24 uur.", "reageer binnen 24 uur")
    True
    >>> is_editorial_text_change("Reageer binnen 24 uur.", "Reageer binnen 48 uur.")
    False
    >>> is_editorial_text_change("Stuur een e-mail.", "Stuur een email.")
    True
    """
    if old == new:
        return True
    before, after = _words(old), _words(new)
    if before == after:
        return True  # punctuation, capitals, spacing
    if "".join(before) == "".join(after):
        return True  # words joined or split: e-mail, email, e mail
    if len(before) != len(after):
        return False
    return all(a == b or _small_edit(a, b, lang) for a, b in zip(before, after, strict=True))


def verdict(markings: Sequence[str | None]) -> str | None:
    """What the ``Policy-Change:`` trailers of the commits that touched one change say together:
    ``material`` when any commit says material; ``editorial`` when every commit says editorial;
    else None (one unmarked commit may have changed the substance: the guess decides).

    >>> verdict(["editorial", None]) is None
    True
    >>> verdict(["editorial", "material"])
    'material'
    """
    if "material" in markings:
        return "material"
    if markings and all(mark == "editorial" for mark in markings):
        return "editorial"
    return None
