"""The legal redline: every change, legal section first, meta last, as a lawyer files it.

Items are named as the printed policy names them (article number and title: "3.1
Beroepsgeheim"), never by id; every changed field is redlined in words, with every commit that
touched it (who, when, why). What legal read is the policy's own words: a legal basis is one
citation (title and article) replaced whole, a short reference or a decision number is replaced
whole, a reaction step is named by its question and points to other steps by theirs, a status
is a word ("goedgekeurd"), and no schema key or internal flag (``proper_name``) ever shows.
The changes of ``meta`` (version, dates, status, approval) are one block after the rules.

``legal_items`` gives the items with the changes and ``Field`` texts behind them, so the Word
redline can attribute each tracked word to the commit that wrote it (``changelog.authorship``).
What legal read of one value (citations, references, words for flags) is
``changelog.legal_fields``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from policy_rulebook.changelog.diff import Change, counted
from policy_rulebook.changelog.legal_fields import (
    approval_line,
    fields,
    item_title,
    label,
    words,
)
from policy_rulebook.changelog.model import Block, Detail, Entry, Item, Text
from policy_rulebook.changelog.phrases import long_date, phrase, section_title
from policy_rulebook.changelog.records import Touch
from policy_rulebook.changelog.redline import Budget, Segment, bounded
from policy_rulebook.changelog.staff_items import localized, primary_language
from policy_rulebook.core import labels
from policy_rulebook.core.changes import get_path
from policy_rulebook.core.model import SECTIONS

#: The commit body shown beside its subject in the legal redline is cut at this length.
WHY_LIMIT = 400

__all__ = ["Field", "LegalItem", "approval_line", "item_title", "legal", "legal_items"]


@dataclass(frozen=True)
class Field:
    """One line of a legal item: a labelled text, old and new (None when absent); ``key`` finds
    the same text in any form of the item (``fields``), ``whole`` says it is replaced whole."""

    label: str
    key: tuple[str, ...]
    old: str | None
    new: str | None
    whole: bool = False
    source: int = 0  # which of the item's changes it comes from

    def segments(self, budget: Budget | None = None) -> tuple[Segment, ...]:
        return self.compared(budget)[0]

    def compared(self, budget: Budget | None = None) -> tuple[tuple[Segment, ...], bool]:
        """The redline, and whether the texts were too long to compare word by word (then
        replaced as a whole: ``budget`` bounds the word diffs of one version, issue 24)."""
        if self.old is None:
            return (Segment("+", self.new or ""),), False
        if self.new is None:
            return (Segment("-", self.old),), False
        if self.old == self.new:
            return (Segment("=", self.new),), False
        if self.whole:
            pair = (Segment("-", self.old), Segment("+", self.new))
            return tuple(s for s in pair if s.text), False
        return bounded(self.old, self.new, budget or Budget())


@dataclass(frozen=True)
class LegalItem:
    """An item of the redline, the changes it shows and its fields (as ``item.details``)."""

    item: Item
    changes: tuple[Change, ...]
    fields: tuple[Field, ...]


def with_titles(
    entry: Entry, out: dict[str, Any], lang: str, audience: str = "staff"
) -> dict[str, Any]:
    """An entry's JSON (``announce.json_entry``) with each change's ``title`` as the redline
    names it: article number and title for an item, the field in words for the rest; for
    legal, ``replaced_whole``: the texts too long to compare word by word (issue 24)."""
    whole = replaced_whole(entry, lang) if audience == "legal" else {}
    for change, data in zip(entry.changes, out.get("changes", []), strict=False):
        if id(change) in whole:
            data["replaced_whole"] = whole[id(change)]
        data["title"] = (
            item_title(change, lang, entry.data)
            if change.item_kind
            else group_title(change, lang)
            if change.grouped
            else label(lang, labels.dotted(change.path))
        )
    return out


def grouped_note(change: Change, lang: str) -> str:
    """A grouped change in words: how many, from which to which (``changelog.grouping``)."""
    return phrase(lang, "grouped", change.grouped, first=change.first, last=change.last)


def group_title(change: Change, lang: str) -> str:
    """Where a grouped change's members are: a section, a list in it, or the policy."""
    if not change.path:
        return phrase(lang, "policy")
    if change.path.count("/") == 1:
        return section_title(lang, change.section)
    return _list_name(lang, change.path + "/0")  # "Do's and don'ts › Don'ts"


def legal_items(entry: Entry, lang: str) -> list[tuple[str, list[LegalItem]]]:
    """The redline's blocks: (heading, items), legal first, the other sections in the order
    of the policy, the policy's own record (meta) last as one item."""
    order = ["legal", *(s for s in SECTIONS if s not in ("legal", "meta"))]
    order += sorted({c.section for c in entry.changes} - {*order, "meta"})
    blocks: list[tuple[str, list[LegalItem]]] = []
    budget = Budget()  # the word diffs of one version together
    for section in order:
        items = [_legal_item(c, lang, entry, budget) for c in entry.changes if c.section == section]
        if items:
            blocks.append((section_title(lang, section), items))
    meta = [c for c in entry.changes if c.section == "meta" and not c.grouped]
    rest = [_grouped_item(c, lang) for c in entry.changes if c.section == "meta" and c.grouped]
    if meta or rest:
        record = [_meta_item(meta, lang, entry, budget)] if meta else []
        blocks.append((section_title(lang, "meta"), [*record, *rest]))
    return blocks


def _grouped_item(change: Change, lang: str) -> LegalItem:
    """The changes too many to show one by one, counted and named from the first to the last,
    with every commit that touched one of them (never dropped silently)."""
    who = [_touch_line(touch, lang) for touch in change.touches]
    if not who and change.commit is not None:
        who = [
            phrase(
                lang,
                "by",
                author=change.author or "?",
                commit=change.commit[:7],
                date=change.date or "?",
            )
        ]
    item = Item(group_title(change, lang), f"— {grouped_note(change, lang)}", (), "", tuple(who))
    return LegalItem(item, (change,), ())


def legal(entry: Entry, lang: str) -> Text:
    old = entry.old.version if entry.old else None
    count = counted(entry.changes)
    legal_count = counted(c for c in entry.changes if c.section == "legal")
    editorial_count = sum(1 for c in entry.changes if c.editorial)
    new = entry.new.version if not entry.new.unreleased else phrase(lang, "unreleased_short")
    # a revision whose meta holds no version (a list, a text: issue 24) says so, never "None"
    new = new or phrase(lang, "no_version")
    old = old or (phrase(lang, "no_version") if entry.old is not None else None)
    if entry.old is None:
        title = f"{phrase(lang, 'policy')} {new} ({phrase(lang, 'initial')})"
    else:
        counts = [phrase(lang, "changes", count), phrase(lang, "legal_count", legal_count)]
        if editorial_count:
            counts.append(phrase(lang, "editorial_count", editorial_count))
        title = f"{phrase(lang, 'policy')} {old} → {new} ({', '.join(counts)})"
    if entry.new.date:  # the version's own commit, never a later one
        title += ", " + words(lang)["committed_on"].format(date=long_date(lang, entry.new.date))
    if _draft(entry):
        title += f" — {phrase(lang, 'draft')}"
    blocks = tuple(
        Block(heading, tuple(found.item for found in items))
        for heading, items in legal_items(entry, lang)
    )
    intro = "" if entry.old is None or entry.changes else phrase(lang, "no_changes")
    why = localized(entry.why, lang, primary_language(entry.data))
    if why:
        intro = (intro + "\n\n" if intro else "") + phrase(lang, "why", why=why)
    banner = phrase(lang, "draft_banner") if _draft(entry) else ""
    return Text(lang, title, 2, intro, blocks, banner=banner)


def _draft(entry: Entry) -> bool:
    status = entry.new.status or get_path(entry.data, ("meta", "status"))
    return str(status).lower() == "draft"


def _who(change: Change, lang: str, working_tree: bool) -> tuple[str, list[str]]:
    """What happened and every commit that touched it (who, which, when, why)."""
    what = phrase(lang, f"{change.kind}_by")
    who = [_touch_line(touch, lang) for touch in change.touches]
    if not who and change.commit is not None:
        what += " " + phrase(
            lang,
            "by",
            author=change.author or "?",
            commit=change.commit[:7],
            date=change.date or "?",
        )
    elif not who and working_tree:
        what += f" ({phrase(lang, 'uncommitted')})"
    return what, who


def _why(touch: Any) -> str:
    """The commit's subject and, on the same line, the body under it (the why: a squash
    merge's pull-request text), shortened when long."""
    body = " ".join(str(getattr(touch, "body", "")).split())
    if len(body) > WHY_LIMIT:
        body = body[: WHY_LIMIT - 1].rstrip() + "…"
    return f"{touch.subject} — {body}" if body else str(touch.subject)


def _touch_line(touch: Touch, lang: str) -> str:
    return phrase(
        lang,
        "commit_line",
        author=touch.author,
        commit=touch.sha[:7],
        date=long_date(lang, touch.date),
        subject=_why(touch),
    ).removesuffix(": “”")


def _legal_item(change: Change, lang: str, entry: Entry, budget: Budget) -> LegalItem:
    if change.grouped:
        return _grouped_item(change, lang)
    what, who = _who(change, lang, entry.new.commit is None)
    base = labels.dotted(change.path)
    details: list[Field] = []
    if change.kind == "moved":
        where = phrase(
            lang,
            "moved_from_to",
            old=_list_name(lang, change.old_path),
            new=_list_name(lang, change.path),
        )
        details.append(Field(phrase(lang, "moved"), ("#moved",), where, where))
    lead = item_title(change, lang, entry.data) if change.item_kind else label(lang, base)
    # a single value (a version, a date) needs no label under a lead that names it already
    details += [
        dataclasses.replace(f, label="") if f.label == lead else f
        for f in _fields(change, lang, entry.data)
    ]
    item = Item(
        lead,
        f"— {what}",
        tuple(_detail(f, lang, budget) for f in details),
        _note(change, lang),
        tuple(who),
        change.editorial,
    )
    return LegalItem(item, (change,), tuple(details))


def _detail(field: Field, lang: str, budget: Budget) -> Detail:
    segments, whole = field.compared(budget)
    return Detail(field.label, segments, phrase(lang, "replaced_whole") if whole else "")


def replaced_whole(entry: Entry, lang: str) -> dict[int, list[str]]:
    """Per change (by ``id``), the labels of its texts that the redline replaces as a whole
    (too long to compare word by word), as ``legal`` words them."""
    found: dict[int, list[str]] = {}
    for _heading, items in legal_items(entry, lang):
        for item in items:
            for field, detail in zip(item.fields, item.item.details, strict=True):
                if detail.note:
                    change = item.changes[field.source]
                    found.setdefault(id(change), []).append(field.label)
    return found


def _meta_item(changes: list[Change], lang: str, entry: Entry, budget: Budget) -> LegalItem:
    """The policy's record (version, status, dates, approval) as one item after the rules."""
    found = [
        dataclasses.replace(f, source=index)
        for index, change in enumerate(changes)
        for f in _fields(change, lang, entry.data)
    ]
    touches = list(dict.fromkeys(t for c in changes for t in c.touches))
    touches.sort(key=lambda t: t.date)
    who = [_touch_line(t, lang) for t in touches]
    item = Item(
        section_title(lang, "meta"),
        f"— {phrase(lang, 'changed_by')}",
        tuple(_detail(f, lang, budget) for f in found),
        "",
        tuple(who),
        all(c.editorial for c in changes),
    )
    return LegalItem(item, tuple(changes), tuple(found))


def _fields(change: Change, lang: str, data: dict[str, Any]) -> Iterator[Field]:
    """Every field that differs; for a move, every field of the item in its new place (the
    unchanged ones kept), so legal read it whole."""
    path = labels.dotted(change.path)
    old_path = labels.dotted(change.old_path) if change.old_path else path
    a = fields(change.old, change.item_kind, lang, data, old_path)
    b = fields(change.new, change.item_kind, lang, data, path)
    for key in [*b, *(k for k in a if k not in b)]:  # as the item reads now, then what went
        if key not in b:
            yield Field(a[key][0], key, a[key][1], None, a[key][2])
        elif key not in a:
            yield Field(b[key][0], key, None, b[key][1], b[key][2])
        elif a[key][1] != b[key][1] or change.kind == "moved":
            yield Field(b[key][0], key, a[key][1], b[key][1], b[key][2])


def _list_name(lang: str, pointer: str | None) -> str:
    """Where an item is, in words: "Do's and don'ts › Don'ts"."""
    path = labels.dotted(pointer or "")[:-1]
    if len(path) < 2:
        return section_title(lang, str(path[0])) if path else ""
    return f"{section_title(lang, str(path[0]))}{labels.SEPARATOR}{label(lang, path)}"


def _note(change: Change, lang: str) -> str:
    notes = []
    if change.marking_ignored:  # a trailer said editorial where it cannot be: say who
        notes.append(phrase(lang, "editorial_refused", who=", ".join(change.marked_by)))
    elif change.editorial and change.marking and change.marked_by:
        notes.append(phrase(lang, "editorial_marked_by", who=", ".join(change.marked_by)))
    elif change.editorial and change.marking:
        notes.append(phrase(lang, "editorial_marked"))
    elif change.editorial:
        only_id = change.kind == "renamed" and not change.fields
        notes.append(phrase(lang, "editorial_id" if only_id else "editorial_guessed"))
    elif change.marking == "material" and change.guess:
        notes.append(phrase(lang, "material_marked"))
    if change.languages:
        names = ", ".join(labels.language_name(lang, code) for code in sorted(change.languages))
        notes.append(phrase(lang, "only_language", languages=names))
    return "; ".join(notes)
