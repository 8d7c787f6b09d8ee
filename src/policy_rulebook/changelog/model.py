"""What the commands hand to renderers: one entry per pair of versions, and announcement texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policy_rulebook.changelog.diff import Change
from policy_rulebook.changelog.redline import Segment


@dataclass(frozen=True)
class Endpoint:
    """One side of a comparison: a version at a commit (``commit`` None: the working tree)."""

    version: str | None
    commit: str | None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "commit": self.commit}


@dataclass(frozen=True)
class Entry:
    """The changes from ``old`` to ``new``; ``old`` is None for the first version."""

    old: Endpoint | None
    new: Endpoint
    changes: tuple[Change, ...]
    data: dict[str, Any] = field(repr=False)  # the newer rulebook, as plain data

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of a diff."""
        return {
            "from": self.old.to_dict() if self.old else None,
            "to": self.new.to_dict(),
            "changes": [change.to_dict() for change in self.changes],
        }


@dataclass(frozen=True)
class Detail:
    """A line under an item: a label and a redline (or plain words, all kept)."""

    label: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Item:
    """One bullet: a bold lead and the words after it."""

    lead: str
    text: str = ""
    details: tuple[Detail, ...] = ()


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
