"""Entries -> texts people read: a short announcement for staff, a full redline for legal.

Staff read the policy's own words in their language, grouped by section, without ids or YAML;
editorial changes and changes to another language's text are not theirs to read. Legal read
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
from policy_rulebook.changelog.redline import Budget, Segment, bounded, redline
from policy_rulebook.core.changes import get_path
from policy_rulebook.core.model import SECTIONS

#: The field that names an item of each kind, as staff know it.
MAIN_FIELD = {
    "rule": "text",
    "legal-item": "text",
    "value": "name",
    "tone-principle": "text",
    "escalation": "topic",
    "role": "name",
    "task": "name",
    "scenario": "title",
    "house-rule": "text",
    "channel": "handle",
}
#: Old texts up to this long are quoted after a changed text ("was: ...").
QUOTE_OLD_UP_TO = 160


def localized(value: Any, lang: str, primary: str | None) -> str | None:
    """A text in one language: its own translation, else the primary language's."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in (lang, primary):
            if isinstance(value.get(key), str):
                return str(value[key])
        return next((str(v) for v in value.values() if isinstance(v, str)), None)
    if isinstance(value, bool):
        return labels.yes_no(lang, value)
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        parts = [localized(v, lang, primary) for v in value]
        return "; ".join(p for p in parts if p) or None
    return None


def primary_language(data: dict[str, Any]) -> str | None:
    languages = get_path(data, ("meta", "languages"))
    return str(languages[0]) if isinstance(languages, list) and languages else None


def _policy_title(entry: Entry, lang: str) -> str:
    title = localized(get_path(entry.data, ("meta", "title")), lang, primary_language(entry.data))
    return title or str(get_path(entry.data, ("meta", "organisation")) or "")


def _draft(entry: Entry) -> bool:
    status = entry.new.status or get_path(entry.data, ("meta", "status"))
    return str(status).lower() == "draft"


# -- staff -----------------------------------------------------------------------------------


def for_staff(change: Change, lang: str) -> bool:
    """Whether the staff announcement in ``lang`` mentions a change."""
    return change.section != "meta" and not change.editorial and change.in_language(lang)


def staff(entry: Entry, lang: str) -> Text:
    primary = primary_language(entry.data)
    title = _policy_title(entry, lang)
    if entry.new.unreleased:
        heading = phrase(
            lang,
            "unreleased",
            title=title,
            version=(entry.old.version if entry.old else None) or "?",
        )
    else:
        heading = f"{title} {phrase(lang, 'version')} {entry.new.version}"
        effective = get_path(entry.data, ("meta", "effective_from"))
        if _draft(entry):
            heading += f" ({phrase(lang, 'draft')})"
        elif isinstance(effective, str):
            heading += " — " + phrase(lang, "effective", date=long_date(lang, effective))
    shown = [change for change in entry.changes if for_staff(change, lang)]
    blocks = []
    for section in [*SECTIONS, *sorted({c.section for c in shown} - set(SECTIONS))]:
        items = tuple(
            item
            for change in shown
            if change.section == section
            for item in _staff_items(change, lang, primary, entry.data)
        )
        if items:
            blocks.append(Block(section_title(lang, section), items))
    intro = _staff_intro(entry, lang, bool(blocks))
    why = localized(entry.why, lang, primary)
    if why:
        intro = phrase(lang, "why", why=why) + "\n\n" + intro
    email = get_path(entry.data, ("contact", "primary", "email"))
    closing = phrase(lang, "questions", email=email) if isinstance(email, str) else ""
    banner = phrase(lang, "draft_banner") if _draft(entry) else ""
    return Text(lang, heading, 1, intro, tuple(blocks), closing, banner)


def _staff_intro(entry: Entry, lang: str, anything: bool) -> str:
    if entry.old is None:
        return phrase(lang, "first")
    if anything:
        return phrase(lang, "what_changes")
    rest = [c for c in entry.changes if c.section != "meta"]
    if rest and all(not c.in_language(lang) for c in rest if not c.editorial):
        if any(not c.editorial for c in rest):
            return phrase(lang, "translation_only")
        return phrase(lang, "editorial_only")
    return phrase(lang, "nothing")


def _staff_items(
    change: Change, lang: str, primary: str | None, data: dict[str, Any]
) -> Iterator[Item]:
    if change.item_kind is not None:
        yield from _staff_item(change, lang, primary, data)
    elif change.path in ("/contact/primary", "/contact/backup"):
        yield from _staff_person(change, lang)
    else:
        yield from _staff_unit(change, lang, primary)


def _main(item: Any, kind: str, lang: str, primary: str | None) -> str:
    if not isinstance(item, dict):
        return ""
    if kind == "node":
        return localized(item.get("question", item.get("outcome")), lang, primary) or ""
    text = localized(item.get(MAIN_FIELD.get(kind, "text")), lang, primary) or ""
    if kind == "legal-item":
        topic = localized(item.get("topic"), lang, primary)
        return f"{topic}: {text}" if topic else text
    if kind == "escalation":
        return f"{text}: {_person(item)}"
    if kind == "scenario":
        return f"{phrase(lang, 'scenario')}: {text}"
    if kind == "channel":
        return f"{item.get('platform', '')} {text}".strip()
    return text


def _list_name(lang: str, pointer: str | None) -> str:
    """Where an item is, in words: "Do's and don'ts › Don'ts"."""
    path = labels.dotted(pointer or "")[:-1]
    if len(path) < 2:
        return section_title(lang, str(path[0])) if path else ""
    return f"{section_title(lang, str(path[0]))}{labels.SEPARATOR}{labels.title(lang, path)}"


def _staff_item(
    change: Change, lang: str, primary: str | None, data: dict[str, Any]
) -> Iterator[Item]:
    kind = change.item_kind or ""
    new = _main(change.new, kind, lang, primary)
    if change.kind == "added":
        yield Item(phrase(lang, "new") + ":", new)
        return
    if change.kind == "removed":
        yield Item(phrase(lang, "removed") + ":", _main(change.old, kind, lang, primary))
        return
    if change.kind == "renamed" and not change.fields:
        return  # an id is not something staff see
    old_kind = _kind_at(change.old_path) or kind
    old = _main(change.old, old_kind, lang, primary)
    notes = []
    if change.kind == "moved":
        lead = _moved_lead(change, lang)
        if old != new and old not in new and len(old) <= QUOTE_OLD_UP_TO:
            notes.append(phrase(lang, "was", text=old))
        if kind == "legal-item" and isinstance(change.new, dict):
            notes.extend(_field_notes(change, lang, primary, set(), only=("consequence",)))
    else:
        lead = phrase(lang, "changed")
        if old != new and len(old) <= QUOTE_OLD_UP_TO:
            notes.append(phrase(lang, "was", text=old))
        if kind == "node":
            notes.extend(_branch_notes(change, lang, primary, data))
        notes.extend(_field_notes(change, lang, primary, _main_keys(kind)))
    text = new + (f" ({'; '.join(notes)})" if notes else "")
    yield Item(lead + ":", text)


def _moved_lead(change: Change, lang: str) -> str:
    """Under the new section's heading: where it came from, or (same section) where it went."""
    old_path = labels.dotted(change.old_path or "")
    if old_path and old_path[0] != change.section:
        return phrase(lang, "moved_from", list=section_title(lang, str(old_path[0])))
    return phrase(lang, "moved_to", list=labels.title(lang, labels.dotted(change.path)[:-1]))


def _kind_at(pointer: str | None) -> str | None:
    from policy_rulebook.core.model import ID_KINDS

    path = tuple(str(p) for p in labels.dotted(pointer or "")[:-1])
    return next((kind for kind, paths in ID_KINDS.items() if path in paths), None)


def _branch_notes(
    change: Change, lang: str, primary: str | None, data: dict[str, Any]
) -> list[str]:
    """A changed branch of the reaction scheme, as the question or outcome it now leads to."""
    nodes = {
        item.get("id"): item
        for item in get_path(data, ("reactions", "nodes")) or []
        if isinstance(item, dict)
    }
    notes = []
    for branch in ("yes", "no"):
        if branch in change.fields and isinstance(change.new, dict):
            target = _main(nodes.get(change.new.get(branch)), "node", lang, primary)
            notes.append(phrase(lang, f"if_{branch}", target=target or str(change.new[branch])))
    return notes


def _main_keys(kind: str) -> set[str]:
    if kind == "node":
        return {"question", "outcome", "yes", "no"}
    extra = {"topic"} if kind == "legal-item" else set()
    if kind == "escalation":
        extra = {"name", "email", "phone"}
    return {MAIN_FIELD.get(kind, "text"), *extra}


def _field_notes(
    change: Change, lang: str, primary: str | None, skip: set[str], only: tuple[str, ...] = ()
) -> list[str]:
    """The other fields that changed, in words (``only``: these fields, changed or not)."""
    notes = []
    base = labels.dotted(change.path)
    keys = list(only) or [f.split(".")[0] for f in change.fields]
    for key in dict.fromkeys(keys):
        if key in skip:
            continue
        value = change.new.get(key) if isinstance(change.new, dict) else None
        text = localized(value, lang, primary)
        name = labels.label(lang, base, (key,))
        if text:
            notes.append(phrase(lang, "field_new", field=name, text=text))
        else:
            notes.append(phrase(lang, "field_removed", field=name))
    return notes


def _person(person: Any) -> str:
    if not isinstance(person, dict):
        return ""
    details = ", ".join(str(person[k]) for k in ("email", "phone") if person.get(k))
    name = str(person.get("name", ""))
    return f"{name} ({details})" if details else name


def _staff_person(change: Change, lang: str) -> Iterator[Item]:
    backup = change.path.endswith("backup")
    if change.new is None:
        yield Item(phrase(lang, "removed") + ":", phrase(lang, "no_backup"))
        return
    old_name = change.old.get("name") if isinstance(change.old, dict) else None
    who = _person(change.new)
    if old_name != change.new.get("name"):
        key = "new_backup" if backup else "new_contact"
        yield Item(phrase(lang, "new") + ":", phrase(lang, key, who=who))
    else:
        yield Item(phrase(lang, "changed") + ":", phrase(lang, "contact_details", who=who))


def _staff_unit(change: Change, lang: str, primary: str | None) -> Iterator[Item]:
    base = labels.dotted(change.path)
    value = change.new if change.kind != "removed" else change.old
    lead = {"added": "new", "removed": "removed"}.get(change.kind, "changed")
    if isinstance(value, dict) and not _is_text(value):
        subkeys = list(dict.fromkeys(f.split(".")[0] for f in change.fields)) or list(value)
        for sub in subkeys:
            text = localized(value.get(sub), lang, primary)
            if text:
                label = labels.label(lang, base, (sub,))
                yield Item(
                    phrase(lang, lead) + ":",
                    f"{labels.title(lang, base)}{labels.SEPARATOR}{label}: {text}",
                )
        return
    text = localized(value, lang, primary) or ""
    yield Item(phrase(lang, lead) + ":", f"{labels.title(lang, base)}: {text}")


def _is_text(value: dict[str, Any]) -> bool:
    """A localized text: a map from language codes to strings."""
    return bool(value) and all(
        isinstance(v, str) and len(k) <= 5 and k[:2].islower() for k, v in value.items()
    )


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
    if _draft(entry):
        title += f" — {phrase(lang, 'draft')}"
    blocks = []
    budget = Budget()  # the word diffs of one version together
    for section, changes in _legal_order(entry):
        items = tuple(_legal_item(c, lang, entry.new.commit is None, budget) for c in changes)
        blocks.append(Block(section_title(lang, section), items))
    intro = "" if entry.old is None or entry.changes else phrase(lang, "no_changes")
    why = localized(entry.why, lang, primary_language(entry.data))
    if why:
        intro = (intro + "\n\n" if intro else "") + phrase(lang, "why", why=why)
    banner = phrase(lang, "draft_banner") if _draft(entry) else ""
    return Text(lang, title, 2, intro, tuple(blocks), banner=banner)


def _legal_order(entry: Entry) -> Iterator[tuple[str, list[Change]]]:
    """The sections of a redline that have changes, legal first, each with its changes."""
    order = ["legal", *(s for s in SECTIONS if s != "legal")]
    order += sorted({c.section for c in entry.changes} - set(order))
    for section in order:
        changes = [c for c in entry.changes if c.section == section]
        if changes:
            yield section, changes


def replaced_whole(entry: Entry, lang: str) -> dict[int, list[str]]:
    """Per change (by ``id``), the labels of its texts that the redline replaces as a whole
    (too long to compare word by word), spending the budget as ``legal`` does."""
    budget = Budget()
    found: dict[int, list[str]] = {}
    for _section, changes in _legal_order(entry):
        for change in changes:
            base = labels.dotted(change.path)
            notes = [d.label for d in _legal_details(change, lang, base, budget) if d.note]
            if notes:
                found[id(change)] = notes
    return found


def _legal_item(change: Change, lang: str, working_tree: bool, budget: Budget) -> Item:
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
        for d in _legal_details(change, lang, base, budget)
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


def _legal_details(
    change: Change, lang: str, base: tuple[str | int, ...], budget: Budget
) -> Iterator[Detail]:
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
            segments, whole = bounded(a[key], b[key], budget)
            yield Detail(name, segments, phrase(lang, "replaced_whole") if whole else "")
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
    data["lang"] = lang
    data["audience"] = audience
    whole = replaced_whole(entry, lang) if audience == "legal" else {}
    for change, out in zip(entry.changes, data["changes"], strict=True):
        if id(change) in whole:  # no word-by-word redline for these texts: say so
            out["replaced_whole"] = whole[id(change)]
        base = labels.dotted(change.path)
        out["label"] = change.id if change.id is not None else labels.title(lang, base)
        out["fields_in_words"] = [labels.label(lang, base, labels.dotted(f)) for f in change.fields]
        out["shown"] = audience == "legal" or for_staff(change, lang)
    return data
