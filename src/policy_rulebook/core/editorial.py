"""Is a change of text editorial (spelling, punctuation, capitals, spacing) or material?

An editorial change does not change what anyone must do: it is left out of the staff
announcement, marked as editorial for legal, and needs only a patch bump. A contributor can
override the guess either way with the commit trailer ``Policy-Change: editorial`` or
``Policy-Change: material`` (read by ``changelog.history``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)
#: The most characters a word may change by and still count as a spelling fix.
MAX_SPELLING_EDITS = 2


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(folded)


def _small_edit(old: str, new: str) -> bool:
    """A word fixed by at most MAX_SPELLING_EDITS characters (a typo, not another word)."""
    if min(len(old), len(new)) < 4:
        return False
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
                  if tag != "equal")
    return changed <= MAX_SPELLING_EDITS


def is_editorial_text_change(old: str, new: str) -> bool:
    """True when ``new`` differs from ``old`` only in spelling, punctuation, capitals or spacing.

    >>> is_editorial_text_change("Reageer binnen 24 uur.", "reageer binnen 24 uur")
    True
    >>> is_editorial_text_change("Reageer binnen 24 uur.", "Reageer binnen 48 uur.")
    False
    """
    if old == new:
        return True
    before, after = _words(old), _words(new)
    if before == after:
        return True
    if len(before) != len(after):
        return False
    return all(a == b or (not a.isdigit() and not b.isdigit() and _small_edit(a, b))
               for a, b in zip(before, after, strict=True))
