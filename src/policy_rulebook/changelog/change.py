"""One change between two versions of a rulebook (``changelog.diff`` makes them): plain data
that the history attributes, ``changelog.model.decide`` marks and the renderers word."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from policy_rulebook.changelog.records import Touch

KINDS = ("added", "removed", "changed", "moved", "renamed", "grouped")


#: A contributor's word on a change (the commit trailer ``Policy-Change:``).
MARKINGS = ("editorial", "material")


def touch_dict(touch: Touch) -> dict[str, Any]:
    return {
        "commit": touch.sha,
        "author": touch.author,
        "email": touch.email,
        "date": touch.date,
        "subject": touch.subject,
        "body": touch.body,
        "marking": touch.marking,
    }


@dataclass(frozen=True)
class Change:
    """One change between two versions. ``old``/``new`` are plain data (``None`` when absent).

    ``id`` is the item's id (the new id of a renamed item) or ``None`` for a unit of a section;
    ``path`` is the JSON pointer in the newer version (the older one for a removal); ``fields``
    are the leaves that differ, dotted, with the language last (``text.nl``). ``commit``,
    ``author`` and ``date`` say who gave the change its final form, where known; ``touches``
    lists every commit that touched it, oldest first (the provenance, filled by the history).

    ``editorial`` is what the readers are told: the automatic guess (``guess``) unless a
    contributor marked the change (``marking``: ``editorial`` or ``material``; see
    ``changelog.model.decide``); ``marked_by`` names the authors whose trailers marked it,
    ``marking_ignored`` a marking that was not followed (``editorial`` on a change that is not
    one of wording: ``core.changes.is_wording``). ``languages`` holds the languages whose texts
    changed when nothing else did (None: the change concerns every language).

    A ``grouped`` change stands for ``grouped`` changes of the mapping or list at ``path``
    (``members``, in reading order, as the diff made them: not judged, never editorial).
    """

    kind: str
    section: str
    path: str
    id: str | None = None
    item_kind: str | None = None
    old: Any = None
    new: Any = None
    fields: tuple[str, ...] = ()
    old_id: str | None = None
    old_path: str | None = None
    commit: str | None = None
    author: str | None = None
    date: str | None = None
    touches: tuple[Touch, ...] = ()
    guess: bool = False
    marking: str | None = None
    languages: frozenset[str] | None = None
    marked_by: tuple[str, ...] = ()
    marking_ignored: str | None = None
    grouped: int = 0
    members: tuple[Change, ...] = field(default=(), repr=False, compare=False)

    def but(self, **values: Any) -> Change:
        """A copy with ``values`` changed: ``dataclasses.replace`` without its checks, five
        times cheaper (it runs for each change in several steps)."""
        copy = object.__new__(Change)
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(values)
        return copy

    @property
    def first(self) -> str:
        """A grouped change's first member, named within the group's mapping or list."""
        return self._member_name(self.members[0]) if self.members else ""

    @property
    def last(self) -> str:
        return self._member_name(self.members[-1]) if self.members else ""

    def _member_name(self, member: Change) -> str:
        prefix = self.label + "." if self.label else ""
        name = member.label
        return name[len(prefix) :] if prefix and name.startswith(prefix) else name

    @property
    def editorial(self) -> bool:
        return self.marking == "editorial" if self.marking in MARKINGS else self.guess

    @property
    def key(self) -> str:
        """What a contributor names to mark this change: the item's id, else the dotted path
        (``contact.primary``); see ``changelog.model.decide``."""
        return self.label

    def in_language(self, lang: str) -> bool:
        """Whether a reader in ``lang`` sees anything change (its text, or a shared field)."""
        return self.languages is None or lang in self.languages

    @property
    def label(self) -> str:
        """The item's id, or the unit's dotted path (``contact.primary``)."""
        if self.id is not None:
            return self.id
        return ".".join(self.path.split("/")[1:])

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of one change (a grouped one also has ``grouped``, ``first`` and
        ``last``)."""
        found = {
            "kind": self.kind,
            "section": self.section,
            "id": self.id,
            "path": self.path,
            "old": self.old,
            "new": self.new,
            "commit": self.commit,
            "author": self.author,
            "date": self.date,
            "fields": list(self.fields),
            "old_id": self.old_id,
            "old_path": self.old_path,
            "editorial": self.editorial,
            "editorial_guess": self.guess,
            "marking": self.marking,
            "marked_by": list(self.marked_by),
            "marking_ignored": self.marking_ignored,
            "languages": sorted(self.languages) if self.languages is not None else None,
            "touches": [touch_dict(touch) for touch in self.touches],
        }
        if self.grouped:
            found.update(grouped=self.grouped, first=self.first, last=self.last)
        return found


def counted(changes: Iterable[Change]) -> int:
    """How many changes these are, each grouped one counting those it stands for."""
    return sum(change.grouped or 1 for change in changes)
