"""Entries -> texts people read: a short announcement for staff, a full redline for legal.

Staff read the policy's own words in their language, grouped by section, without ids or YAML
(``changelog.staff``, re-exported here). Legal read
every change, legal section first, each with a word-level redline, every commit that touched it
(who, when, why) and whether it is editorial.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from policy_rulebook.changelog import labels
from policy_rulebook.changelog.diff import Change
from policy_rulebook.changelog.model import Block, Detail, Entry, Item, Page, Text
from policy_rulebook.changelog.phrases import long_date, phrase, section_title
from policy_rulebook.changelog.redline import Segment, redline
from policy_rulebook.changelog.staff import draft, for_staff, staff
from policy_rulebook.changelog.staff_items import (
    MAIN_FIELD,
    QUOTE_OLD_UP_TO,
    localized,
    primary_language,
)
from policy_rulebook.core.model import SECTIONS


def _policy_title(entry: Entry, lang: str) -> str:
    from policy_rulebook.core.changes import get_path

    title = localized(get_path(entry.data, ("meta", "title")), lang, primary_language(entry.data))
    return title or str(get_path(entry.data, ("meta", "organisation")) or "")


def _list_name(lang: str, pointer: str | None) -> str:
    """Where an item is, in words: "Do's and don'ts › Don'ts"."""
    path = labels.dotted(pointer or "")[:-1]
    if len(path) < 2:
        return section_title(lang, str(path[0])) if path else ""
    return f"{section_title(lang, str(path[0]))}{labels.SEPARATOR}{labels.title(lang, path)}"


__all__ = ["MAIN_FIELD", "QUOTE_OLD_UP_TO", "for_staff", "localized", "primary_language", "staff"]

# -- legal -----------------------------------------------------------------------------------


def legal(entry: Entry, lang: str) -> Text:
    old = entry.old.version if entry.old else None
    count = len(entry.changes)
    legal_count = sum(1 for c in entry.changes if c.section == "legal")
    editorial_count = sum(1 for c in entry.changes if c.editorial)
    new = entry.new.version if not entry.new.unreleased else phrase(lang, "unreleased_short")
    if entry.old is None:
        title = f"{phrase(lang, 'policy')} {new} ({phrase(lang, 'initial')})"
    else:
        counts = [phrase(lang, "changes", count), phrase(lang, "legal_count", legal_count)]
        if editorial_count:
            counts.append(phrase(lang, "editorial_count", editorial_count))
        title = f"{phrase(lang, 'policy')} {old} → {new} ({', '.join(counts)})"
    if draft(entry):
        title += f" — {phrase(lang, 'draft')}"
    order = ["legal", *(s for s in SECTIONS if s != "legal")]
    order += sorted({c.section for c in entry.changes} - set(order))
    blocks = []
    for section in order:
        items = tuple(
            _legal_item(c, lang, entry.new.commit is None)
            for c in entry.changes
            if c.section == section
        )
        if items:
            blocks.append(Block(section_title(lang, section), items))
    intro = "" if entry.old is None or entry.changes else phrase(lang, "no_changes")
    why = localized(entry.why, lang, primary_language(entry.data))
    if why:
        intro = (intro + "\n\n" if intro else "") + phrase(lang, "why", why=why)
    banner = phrase(lang, "draft_banner") if draft(entry) else ""
    return Text(lang, title, 2, intro, tuple(blocks), banner=banner)


def _legal_item(change: Change, lang: str, working_tree: bool) -> Item:
    what = phrase(lang, f"{change.kind}_by")
    who: list[str] = []
    for touch in change.touches:
        who.append(
            phrase(
                lang,
                "commit_line",
                author=touch.author,
                commit=touch.sha[:7],
                date=long_date(lang, touch.date),
                subject=touch.subject,
            ).removesuffix(": “”")
        )
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
    details: list[Detail] = []
    base = labels.dotted(change.path)
    if change.kind == "renamed":
        details.append(
            Detail(labels.title(lang, (*base, "id")), redline(change.old_id or "", change.id or ""))
        )
    if change.kind == "moved":
        where = phrase(
            lang,
            "moved_from_to",
            old=_list_name(lang, change.old_path),
            new=_list_name(lang, change.path),
        )
        details.append(Detail(phrase(lang, "moved"), (Segment("=", where),)))
    if change.id is not None:  # the kind in words, then the stable id legal can cite
        lead = f"{labels.title(lang, (*base[:-1], 0))} {change.id}"
    else:
        lead = labels.title(lang, base)
    # a single value (a version, a date) needs no label under a lead that names it already
    details.extend(
        dataclasses.replace(d, label="") if d.label == lead else d
        for d in _legal_details(change, lang, base)
    )
    return Item(
        lead, f"— {what}", tuple(details), _note(change, lang), tuple(who), change.editorial
    )


def _note(change: Change, lang: str) -> str:
    notes = []
    if change.editorial and change.marking:
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


def _legal_details(change: Change, lang: str, base: tuple[str | int, ...]) -> Iterator[Detail]:
    """Every field that differs, redlined; for a move, every field of the item in its new
    place (the unchanged ones kept as they are), so legal read it whole."""
    old = _content(change.old, change)
    new = _content(change.new, change)
    a, b = dict(deep_leaves(old, lang)), dict(deep_leaves(new, lang))
    old_base = labels.dotted(change.old_path) if change.old_path else base
    for key in [*b, *(k for k in a if k not in b)]:  # as the item reads now, then what went
        name = labels.label(lang, old_base if key not in b else base, key)
        if key not in b:
            yield Detail(name, (Segment("-", a[key]),))
        elif key not in a:
            yield Detail(name, (Segment("+", b[key]),))
        elif a[key] != b[key]:
            yield Detail(name, redline(a[key], b[key]))
        elif change.kind == "moved":
            yield Detail(name, (Segment("=", b[key]),))


def _content(value: Any, change: Change) -> Any:
    if change.item_kind is not None and isinstance(value, dict):
        return {k: v for k, v in value.items() if k != "id"}
    return value


def deep_leaves(
    value: Any, lang: str = "en", prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every leaf as (path of keys, text), lists included (``("basis", "0", "title", "nl")``);
    a yes-or-no in words."""
    if isinstance(value, dict) and value:
        for key, sub in value.items():
            yield from deep_leaves(sub, lang, (*prefix, str(key)))
    elif isinstance(value, list) and value:
        for index, sub in enumerate(value):
            yield from deep_leaves(sub, lang, (*prefix, str(index)))
    elif value is not None:
        if isinstance(value, bool):
            yield prefix, labels.yes_no(lang, value)
        else:
            yield prefix, value if isinstance(value, str) else str(value)


# -- whole documents and JSON ----------------------------------------------------------------


def page(entries: list[Entry], lang: str, audience: str, generated: str) -> Page:
    """The head of an HTML document: the policy's title, the versions, audience and date."""
    if not entries:
        return Page(phrase(lang, "policy"))
    newest, oldest = entries[0], entries[-1]
    first = oldest.old.version if oldest.old and audience == "legal" else oldest.new.version
    last = newest.new.version if not newest.new.unreleased else phrase(lang, "unreleased_short")
    versions = (
        phrase(lang, "versions", first=first or "?", last=last or "?")
        if first != last
        else f"{phrase(lang, 'version').capitalize()} {last}"
    )
    kind = phrase(lang, "legal_redline" if audience == "legal" else "staff_announcement")
    return Page(
        _policy_title(newest, lang) or phrase(lang, "policy"),
        (f"{kind} · {versions}", phrase(lang, "generated", date=generated)),
    )


def json_entry(entry: Entry, lang: str, audience: str) -> dict[str, Any]:
    """An entry's JSON with its language and audience; each change with its label in that
    language and whether that audience's text shows it."""
    data = entry.to_dict()
    primary = primary_language(entry.data)
    data["lang"] = lang
    data["audience"] = audience
    for change, out in zip(entry.changes, data["changes"], strict=True):
        base = labels.dotted(change.path)
        out["label"] = change.id if change.id is not None else labels.title(lang, base)
        out["fields_in_words"] = [labels.label(lang, base, labels.dotted(f)) for f in change.fields]
        out["shown"] = audience == "legal" or for_staff(change, lang, primary)
    return data
