"""Word-level redline of two texts: the words struck and the words inserted, as people read them.

A redline that alternates single words (``<del>Hanne</del> <ins>Pieter</ins> <del>Wuyts</del>
<ins>Goossens</ins>``) is hard to read and easy to misread. So, after a word diff:

- changes separated only by spaces or punctuation, or by a kept stretch shorter than the changes
  on both sides, become one deletion and one insertion (a name, a phrase);
- a change that touches a number grows over the whole number group or date around it, so a
  phone number (``+32 3 123 45 67``) or a date (``1 maart 2027``) changes as one unit;
- a short value without sentences (an e-mail address, a phone number, a date, a name of up to
  three words) is shown whole, old then new.

The word diff is bounded (issue 24): difflib compares every token of one text with every token
of the other, so time grows with the product of their lengths (8,000 words reordered: 30 s).
Above ``MAX_TOKEN_PAIRS`` for one text, or once a ``Budget`` (one version's redline) is spent,
a text is shown replaced as a whole, old then new, and ``bounded`` says so, for the reader's
note ("text replaced as a whole: too long to compare word by word").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from policy_rulebook.core.dates import month_names
from policy_rulebook.core.i18n import LANGUAGES

#: Words and the white space between them; punctuation at the edge of a word is its own token,
#: so that "toestemming," and "toestemming." differ by the comma only.
_TOKEN = re.compile(r"\s+|[^\s]+")
_EDGE = re.compile(r"^([(\[\"'“‘«]*)(.*?)([)\]\"'”’».,;:!?…]*)$", re.DOTALL)
#: Tokens that make up a number group or a date (with the months of every language we know).
_NUMBERISH = re.compile(r"^[+(]?\d[\d.,:/()\-]*$")
_SEPARATOR = re.compile(r"^(\s|[-/.:])$")


@cache
def _months() -> frozenset[str]:
    """The month names of every language we have a catalogue for (read once, when needed)."""
    return frozenset(m.casefold() for lang in LANGUAGES for m in month_names(lang))


#: Values of up to this many words without a full stop are shown whole when they change.
WHOLE_VALUE_WORDS = 3
#: The most token pairs (tokens of the old text times those of the new) one word diff may
#: compare (about 0.4 s here: two texts of some 500 words each) ...
MAX_TOKEN_PAIRS = 1_000_000
#: ... and all the word diffs of one redline (one version) together.
MAX_TOTAL_TOKEN_PAIRS = 6_000_000


class Budget:
    """The token pairs left for the word diffs of one redline."""

    def __init__(self, pairs: int = MAX_TOTAL_TOKEN_PAIRS) -> None:
        self.left = pairs

    def take(self, pairs: int) -> bool:
        """Spend ``pairs`` if one text may have them and they are left; else False."""
        if pairs > MAX_TOKEN_PAIRS or pairs > self.left:
            return False
        self.left -= pairs
        return True


@dataclass(frozen=True)
class Segment:
    """A run of text that is kept (``=``), deleted (``-``) or inserted (``+``)."""

    op: str
    text: str


def tokens(text: str) -> list[str]:
    """Words, the punctuation at their edges and the white space between them (kept, so that
    joining the tokens gives the text back)."""
    out: list[str] = []
    for raw in _TOKEN.findall(text):
        if raw.isspace():
            out.append(raw)
            continue
        match = _EDGE.match(raw)
        assert match is not None  # the pattern matches any text
        lead, core, tail = match.groups()
        out.extend(part for part in (lead, core, tail) if part)
    return out


def redline(old: str, new: str) -> tuple[Segment, ...]:
    """The segments that turn ``old`` into ``new``, in units people read."""
    return bounded(old, new, Budget())[0]


def bounded(old: str, new: str, budget: Budget) -> tuple[tuple[Segment, ...], bool]:
    """The redline of ``old`` to ``new`` within ``budget``, and whether the texts were too
    long to compare word by word (then shown replaced as a whole)."""
    if old == new:
        return ((Segment("=", old),) if old else ()), False
    if _whole_value(old) or _whole_value(new):
        return _whole(old, new), False
    # Words and spaces alone are a lower bound of the tokens: a text far too long is known
    # before splitting off the punctuation of every word (400,000 words: 4 s).
    if len(_TOKEN.findall(old)) * len(_TOKEN.findall(new)) > min(MAX_TOKEN_PAIRS, budget.left):
        return _whole(old, new), True
    a, b = tokens(old), tokens(new)
    if not budget.take(len(a) * len(b)):
        return _whole(old, new), True
    return _word_diff(a, b), False


def _whole(old: str, new: str) -> tuple[Segment, ...]:
    return tuple(s for s in (Segment("-", old), Segment("+", new)) if s.text)


def _word_diff(a: list[str], b: list[str]) -> tuple[Segment, ...]:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    blocks = [[op == "equal", i1, i2, j1, j2] for op, i1, i2, j1, j2 in matcher.get_opcodes()]
    blocks = _join_changes(_grow_numbers(blocks, a, b))
    blocks = _absorb_small_equals(blocks, a, b)
    segments: list[Segment] = []
    for equal, i1, i2, j1, j2 in blocks:
        if equal:
            _add(segments, "=", "".join(a[i1:i2]))
        else:
            _add(segments, "-", "".join(a[i1:i2]))
            _add(segments, "+", "".join(b[j1:j2]))
    return tuple(_merge(segments))


def _whole_value(text: str) -> bool:
    """A short value rather than a sentence: no words to keep apart (an address, a number)."""
    stripped = text.strip()
    if not stripped or (any(mark in stripped for mark in ".!?") and " " in stripped):
        return False
    words = stripped.split()
    return len(words) == 1 or (
        len(words) <= WHOLE_VALUE_WORDS
        and not stripped.endswith(":")
        and all(_NUMBERISH.match(w) or w[:1].isupper() for w in words)
    )


def _numberish(token: str) -> bool:
    return bool(_NUMBERISH.match(token)) or token.casefold() in _months()


def _grow_numbers(blocks: list[list[int]], a: list[str], b: list[str]) -> list[list[int]]:
    """Let a change that touches a number or a month take in the rest of its group."""
    for index, block in enumerate(blocks):
        if block[0]:
            continue
        if not any(_numberish(t) for t in [*a[block[1] : block[2]], *b[block[3] : block[4]]]):
            continue
        # grow to the left over the equal block before
        if index and blocks[index - 1][0]:
            before = blocks[index - 1]
            take = _group_edge(a[before[1] : before[2]], reverse=True)
            _shift(before, block, -take)
        if index + 1 < len(blocks) and blocks[index + 1][0]:
            after = blocks[index + 1]
            take = _group_edge(a[after[1] : after[2]], reverse=False)
            _shift_right(block, after, take)
    return [block for block in blocks if block[1] != block[2] or block[3] != block[4]]


def _join_changes(blocks: list[list[int]]) -> list[list[int]]:
    """Adjacent changes as one (a kept run between them may have been taken in)."""
    joined: list[list[int]] = []
    for block in blocks:
        if joined and not block[0] and not joined[-1][0]:
            joined[-1] = [False, joined[-1][1], block[2], joined[-1][3], block[4]]
        else:
            joined.append(block)
    return joined


def _group_edge(run: list[str], reverse: bool) -> int:
    """How many tokens at the edge of an equal run belong to a number group next to it."""
    seq = list(reversed(run)) if reverse else run
    count = 0
    while count < len(seq):
        token = seq[count]
        joins = (
            len(token) == 1
            and bool(_SEPARATOR.match(token))
            and count + 1 < len(seq)
            and _numberish(seq[count + 1])
        )
        if _numberish(token) or joins:
            count += 1
        else:
            break
    # never end on a separator
    while count and _SEPARATOR.match(seq[count - 1]):
        count -= 1
    return count


def _shift(equal: list[int], change: list[int], delta: int) -> None:
    """Move ``-delta`` tokens from the end of ``equal`` into the start of ``change``."""
    equal[2] += delta
    equal[4] += delta
    change[1] += delta
    change[3] += delta


def _shift_right(change: list[int], equal: list[int], take: int) -> None:
    change[2] += take
    change[4] += take
    equal[1] += take
    equal[3] += take


def _absorb_small_equals(blocks: list[list[int]], a: list[str], b: list[str]) -> list[list[int]]:
    """Join changes around a kept run that is only spaces and punctuation, or shorter than
    the changes on both sides (after diff-match-patch's semantic clean-up)."""
    changed = True
    while changed:
        changed = False
        for index in range(1, len(blocks) - 1):
            left, mid, right = blocks[index - 1], blocks[index], blocks[index + 1]
            if not mid[0] or left[0] or right[0]:
                continue
            kept = "".join(a[mid[1] : mid[2]])
            size = len(kept.strip())
            left_size = max(_size(a[left[1] : left[2]]), _size(b[left[3] : left[4]]))
            right_size = max(_size(a[right[1] : right[2]]), _size(b[right[3] : right[4]]))
            if not any(c.isalnum() for c in kept) or (size <= left_size and size <= right_size):
                blocks[index - 1 : index + 2] = [[False, left[1], right[2], left[3], right[4]]]
                changed = True
                break
    return blocks


def _size(run: list[str]) -> int:
    return len("".join(run).strip())


def _add(segments: list[Segment], op: str, text: str) -> None:
    if text:
        segments.append(Segment(op, text))


#: How a change is marked: ``mark(op, words, escape)`` with the words as written, so that a mark
#: that keeps punctuation outside (``render.hug``) splits the words before they are escaped, never
#: an escape (``&#x27;``, ``&amp;``) in two.
Mark = Callable[[str, str, Callable[[str], str]], str]


def render(segments: tuple[Segment, ...], mark: Mark, escape: Callable[[str], str]) -> str:
    """The redline as one text: ``mark`` around each change; white space at the edges of a
    change stays outside the marks, so they hug the words."""
    out = []
    for index, segment in enumerate(segments):
        if (
            index
            and segment.op == "+"
            and segments[index - 1].op == "-"
            and any(c.isalnum() for c in segment.text + segments[index - 1].text)
        ):
            out.append(" ")  # between words; a changed comma hugs its word
        if segment.op == "=":
            out.append(escape(segment.text))
            continue
        core = segment.text.strip()
        if not core:
            out.append(escape(segment.text) if segment.op == "+" else "")
            continue
        lead = segment.text[: len(segment.text) - len(segment.text.lstrip())]
        tail = segment.text[len(segment.text.rstrip()) :]
        out.append(escape(lead) + mark(segment.op, core, escape) + escape(tail))
    return "".join(out)


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and merged[-1].op == segment.op:
            merged[-1] = Segment(segment.op, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged
