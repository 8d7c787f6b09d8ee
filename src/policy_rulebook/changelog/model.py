"""What the commands hand to renderers: one entry per pair of versions, and announcement texts.

Editorial or material: ``decide`` applies what contributors said to the diff's guesses. The
history gives each change its ``touches`` (every commit that touched it, each with its
``Policy-Change:`` trailer as ``Touch.marking``; ``with_provenance`` copies them from the
history's ``Provenance`` records); a caller may also name changes by key (an item's id, or a
unit's dotted path such as ``contact.primary``) or mark a whole version.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from policy_rulebook.changelog.diff import MARKINGS, Change
from policy_rulebook.changelog.redline import Segment
from policy_rulebook.core.changes import is_wording
from policy_rulebook.core.editorial import verdict


def decide(
    changes: Sequence[Change],
    editorial: Collection[str] = (),
    material: Collection[str] = (),
    version: str | None = None,
) -> tuple[Change, ...]:
    """Each change with ``marking`` set from what contributors said, strongest first:

    1. its key in ``material`` or ``editorial`` (material wins when in both);
    2. the ``Policy-Change:`` trailers of the commits that touched it: ``material`` when any
       commit says material, ``editorial`` when every commit says editorial (one unmarked
       commit leaves the decision to the guess: it may have changed the substance);
    3. ``version``, a marking for the whole version (e.g. from its bump commit);
    4. else nothing: the automatic guess stands (``Change.editorial``).

    ``editorial`` is followed only for a change of wording (``core.changes.is_wording``): an
    addition, removal, move or change of legal basis stays material, and the change keeps
    ``marking_ignored`` to say a marking was not followed. ``marked_by`` names who marked it.
    """
    decided = []
    for change in changes:
        if change.grouped:  # changes too many to show one by one stay material
            decided.append(change)
            continue
        marked: str | None = None
        if change.key in material:
            marked = "material"
        elif change.key in editorial:
            marked = "editorial"
        else:
            marked = verdict([touch.marking for touch in change.touches])
        if marked is None and version in MARKINGS:
            marked = version
        by = tuple(dict.fromkeys(t.author for t in change.touches if t.marking))
        if marked == "editorial" and not is_wording(change):
            change = change.but(marking_ignored=marked)
            marked = None
        if by:
            change = change.but(marked_by=by)
        decided.append(change.but(marking=marked) if marked else change)
    return tuple(decided)


def with_provenance(changes: Sequence[Change], found: Sequence[Any]) -> tuple[Change, ...]:
    """The changes with the touches of the history's provenance records (same order; each
    record has ``touches``, oldest first), ready for ``decide``."""
    return tuple(
        change.but(touches=tuple(record.touches))
        for change, record in zip(changes, found, strict=True)
    )


@dataclass(frozen=True)
class Endpoint:
    """One side of a comparison: a version at a commit (``commit`` None: the working tree)."""

    version: str | None
    commit: str | None
    date: str | None = None
    subject: str | None = None  # the commit's subject line (the why of a bump)
    status: str | None = None  # meta.status: draft, adopted, ...
    unreleased: bool = False  # changes since the last version that no bump carries yet

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "commit": self.commit,
            "date": self.date,
            "subject": self.subject,
            "status": self.status,
            "unreleased": self.unreleased,
        }


@dataclass(frozen=True)
class Entry:
    """The changes from ``old`` to ``new``; ``old`` is None for the first version."""

    old: Endpoint | None
    new: Endpoint
    changes: tuple[Change, ...]
    data: dict[str, Any] = field(repr=False)  # the newer rulebook, as plain data
    #: a short reason for the version: one text, or one per language ({"nl": ..., "en": ...}),
    #: from the bump commit's message or a field of the policy (the history decides)
    why: str | dict[str, str] = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of a diff."""
        return {
            "from": self.old.to_dict() if self.old else None,
            "to": self.new.to_dict(),
            "why": self.why or None,
            "changes": [change.to_dict() for change in self.changes],
        }


@dataclass(frozen=True)
class Detail:
    """A line under an item: a label and a redline (or plain words, all kept)."""

    label: str
    segments: tuple[Segment, ...]
    #: Said after the redline, e.g. that a text too long to compare was replaced as a whole.
    note: str = ""


@dataclass(frozen=True)
class Item:
    """One bullet: a bold lead and the words after it."""

    lead: str
    text: str = ""
    details: tuple[Detail, ...] = ()
    note: str = ""  # a marking after the text, set apart: "editorial", "only the English text"
    who: tuple[str, ...] = ()  # provenance lines for legal: who, which commit, when, why
    editorial: bool = False
    #: the text with its new words marked (kept ``=`` and inserted ``+`` segments); when set,
    #: renderers show it instead of ``text`` and mark the new words (bold, underlined)
    marked: tuple[Segment, ...] = ()
    after: str = ""  # plain words after the (marked) text: "(was: ...)"


@dataclass(frozen=True)
class Block:
    heading: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Text:
    """An announcement or a redline for one version, ready for any renderer."""

    lang: str
    title: str
    level: int
    intro: str
    blocks: tuple[Block, ...]
    closing: str = ""
    banner: str = ""  # said first and loudly: DRAFT / ONTWERP


@dataclass(frozen=True)
class Page:
    """What heads a whole HTML document: the policy's title and lines under it (the audience,
    the versions, the date it was made)."""

    title: str
    lines: tuple[str, ...] = ()
