"""Who wrote which words: a redline's insertions and deletions, each by the commit that made it.

Legal sign what Word shows, so a tracked change must carry the author and date of the commit
that wrote those words, not of the last commit that touched the item. When a DPO rewrites a
clause and a colleague later changes one "." to "!", the rewrite stays the DPO's and only the
"!" is the colleague's.

``attribute`` replays a text through its commits: the text before the range, then the text
after each commit that touched it. Every word keeps the commit that inserted it (or, for a word
of the old text, the commit that deleted it); the final redline's segments are then split into
runs by commit. Kept words that the redline shows as replaced (it joins changes into units
people read) take the commit of the change next to them. The replay is bounded: beyond
``MAX_STEPS`` commits or ``MAX_TOKENS`` words it gives up, and the caller falls back to the
last commit (as before).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Generic, TypeVar

from policy_rulebook.changelog.redline import Segment, tokens

#: Beyond these, a replay costs more than it tells: the caller attributes to the last commit.
MAX_STEPS = 64
MAX_TOKENS = 4000

T = TypeVar("T")


class _Origin(Generic[T]):
    """Where a token of the current text comes from: the old text (its index) or a commit."""

    __slots__ = ("by", "index")

    def __init__(self, index: int | None, by: T | None) -> None:
        self.index = index
        self.by = by


def attribute(
    old: str, new: str, steps: Sequence[tuple[T, str]], segments: Sequence[Segment]
) -> list[tuple[Segment, T | None]] | None:
    """``segments`` (the redline of ``old`` -> ``new``) split into runs, each with the step
    (``steps``: (who, text after it), oldest first) that inserted or deleted those words; a
    kept run has None. None when the replay is out of bounds or does not end at ``new``."""
    if len(steps) > MAX_STEPS:
        return None
    current = tokens(old)
    if len(current) > MAX_TOKENS:
        return None
    origins: list[_Origin[T]] = [_Origin(i, None) for i in range(len(current))]
    deleted_by: list[T | None] = [None] * len(current)
    last: T | None = None  # the last step that changed the text: words nobody else claims
    for who, text in steps:
        after = tokens(text)
        if after != current:
            last = who
        if len(after) > MAX_TOKENS:
            return None
        matcher = difflib.SequenceMatcher(None, current, after, autojunk=False)
        moved: list[_Origin[T]] = []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                moved.extend(origins[i1:i2])
                continue
            for origin in origins[i1:i2]:
                if origin.index is not None:
                    deleted_by[origin.index] = who
            moved.extend(_Origin(None, who) for _ in range(j2 - j1))
        current, origins = after, moved
    if "".join(current) != new:
        return None
    inserted = _per_char(current, [o.by for o in origins])
    removed = _per_char(tokens(old), deleted_by)
    out: list[tuple[Segment, T | None]] = []
    at_old = at_new = 0
    for segment in segments:
        size = len(segment.text)
        if segment.op == "=":
            out.append((segment, None))
            at_old += size
            at_new += size
        elif segment.op == "+":
            out.extend(_runs(segment, inserted[at_new : at_new + size], last))
            at_new += size
        else:
            out.extend(_runs(segment, removed[at_old : at_old + size], last))
            at_old += size
    return out


def _per_char(parts: Sequence[str], who: Sequence[T | None]) -> list[T | None]:
    chars: list[T | None] = []
    for part, by in zip(parts, who, strict=True):
        chars.extend([by] * len(part))
    return chars


def _runs(segment: Segment, who: list[T | None], last: T | None) -> list[tuple[Segment, T | None]]:
    """A segment split where its commit changes; characters no commit changed (white space,
    or words the redline joined into the change) take the commit before them, else after,
    else ``last`` (the last commit that changed the text)."""
    known = [w for w in who if w is not None]
    if not known:
        return [(segment, last)]
    filled: list[T | None] = []
    before: T | None = None
    for by in who:
        before = by if by is not None else before
        filled.append(before)
    first = next(w for w in filled if w is not None)
    filled = [first if w is None else w for w in filled]
    runs: list[tuple[Segment, T | None]] = []
    start = 0
    for index in range(1, len(filled) + 1):
        if index == len(filled) or filled[index] != filled[start]:
            runs.append((Segment(segment.op, segment.text[start:index]), filled[start]))
            start = index
    return runs
