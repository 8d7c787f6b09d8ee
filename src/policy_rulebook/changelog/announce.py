"""Entries -> texts people read: a short announcement for staff, a full redline for legal.

Staff read the policy's own words in their language, grouped by section, without ids or YAML.
Legal read every change, legal section first, with a word-level redline and who made it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from policy_rulebook.changelog.diff import Change, get_path
from policy_rulebook.changelog.model import Block, Detail, Entry, Item, Text
from policy_rulebook.changelog.phrases import field_name, long_date, phrase, section_title
from policy_rulebook.changelog.redline import Segment, redline
from policy_rulebook.core.model import SECTIONS

#: The field that names an item of each kind, as staff know it.
MAIN_FIELD = {
    "rule": "text", "legal-item": "text", "value": "name", "tone-principle": "text",
    "escalation": "topic", "role": "name", "task": "name", "scenario": "title",
    "house-rule": "text", "channel": "handle",
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
    if isinstance(value, (int, float, bool)):
        return str(value).lower() if isinstance(value, bool) else str(value)
    if isinstance(value, list):
        parts = [localized(v, lang, primary) for v in value]
        return "; ".join(p for p in parts if p) or None
    return None


def primary_language(data: dict[str, Any]) -> str | None:
    languages = get_path(data, ("meta", "languages"))
    return str(languages[0]) if isinstance(languages, list) and languages else None


# -- staff -----------------------------------------------------------------------------------


def staff(entry: Entry, lang: str) -> Text:
    primary = primary_language(entry.data)
    title = localized(get_path(entry.data, ("meta", "title")), lang, primary)
    title = title or str(get_path(entry.data, ("meta", "organisation")) or "")
    heading = f"{title} {phrase(lang, 'version')} {entry.new.version}"
    effective = get_path(entry.data, ("meta", "effective_from"))
    if isinstance(effective, str):
        heading += " — " + phrase(lang, "effective", date=long_date(lang, effective))
    blocks = []
    for section in SECTIONS:
        items = tuple(item for change in entry.changes if change.section == section
                      for item in _staff_items(change, lang, primary, entry.data))
        if items and section != "meta":
            blocks.append(Block(section_title(lang, section), items))
    if entry.old is None:
        intro = phrase(lang, "first")
    else:
        intro = phrase(lang, "what_changes") if blocks else phrase(lang, "nothing")
    email = get_path(entry.data, ("contact", "primary", "email"))
    closing = phrase(lang, "questions", email=email) if isinstance(email, str) else ""
    return Text(lang, heading, 1, intro, tuple(blocks), closing)


def _staff_items(change: Change, lang: str, primary: str | None,
                 data: dict[str, Any]) -> Iterator[Item]:
    if change.item_kind is not None:
        yield from _staff_item(change, lang, primary, data)
    elif change.path in ("/contact/primary", "/contact/backup"):
        yield from _staff_person(change, lang, primary)
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


def _staff_item(change: Change, lang: str, primary: str | None,
                data: dict[str, Any]) -> Iterator[Item]:
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
    old = _main(change.old, kind, lang, primary)
    notes = []
    if old != new and len(old) <= QUOTE_OLD_UP_TO:
        notes.append(phrase(lang, "was", text=old))
    if kind == "node":
        notes.extend(_branch_notes(change, lang, primary, data))
    notes.extend(_field_notes(change, lang, primary, skip=_main_keys(kind)))
    lead = phrase(lang, "changed")
    if change.kind == "moved":
        lead = phrase(lang, "moved_to", list=field_name(lang, change.path.split("/")[-2]))
    text = new + (f" ({'; '.join(notes)})" if notes else "")
    yield Item(lead + ":", text)


def _branch_notes(change: Change, lang: str, primary: str | None,
                  data: dict[str, Any]) -> list[str]:
    """A changed branch of the reaction scheme, as the question or outcome it now leads to."""
    nodes = {item.get("id"): item for item in get_path(data, ("reactions", "nodes")) or []
             if isinstance(item, dict)}
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


def _field_notes(change: Change, lang: str, primary: str | None, skip: set[str]) -> list[str]:
    notes = []
    seen: list[str] = []
    for dotted in change.fields:
        key = dotted.split(".")[0]
        if key in skip or key in seen:
            continue
        seen.append(key)
        value = change.new.get(key) if isinstance(change.new, dict) else None
        text = localized(value, lang, primary)
        if text:
            notes.append(phrase(lang, "field_new", field=field_name(lang, key), text=text))
        else:
            notes.append(phrase(lang, "field_removed", field=field_name(lang, key)))
    return notes


def _person(person: Any) -> str:
    if not isinstance(person, dict):
        return ""
    details = ", ".join(str(person[k]) for k in ("email", "phone") if person.get(k))
    name = str(person.get("name", ""))
    return f"{name} ({details})" if details else name


def _staff_person(change: Change, lang: str, primary: str | None) -> Iterator[Item]:
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
    key = change.path.split("/")[-1]
    value = change.new if change.kind != "removed" else change.old
    lead = {"added": "new", "removed": "removed"}.get(change.kind, "changed")
    if isinstance(value, dict) and not _is_text(value):
        subkeys = list(dict.fromkeys(f.split(".")[0] for f in change.fields)) or list(value)
        for sub in subkeys:
            text = localized(value.get(sub), lang, primary)
            label = f"{field_name(lang, key)}, {field_name(lang, sub).lower()}"
            if text:
                yield Item(phrase(lang, lead) + ":", f"{label}: {text}")
        return
    text = localized(value, lang, primary) or ""
    yield Item(phrase(lang, lead) + ":", f"{field_name(lang, key)}: {text}")


def _is_text(value: dict[str, Any]) -> bool:
    """A localized text: a map from language codes to strings."""
    return bool(value) and all(isinstance(v, str) and len(k) <= 5 and k[:2].islower()
                               for k, v in value.items())


# -- legal -----------------------------------------------------------------------------------


def legal(entry: Entry, lang: str) -> Text:
    old = entry.old.version if entry.old else None
    count = len(entry.changes)
    legal_count = sum(1 for c in entry.changes if c.section == "legal")
    if entry.old is None:
        title = f"{phrase(lang, 'policy')} {entry.new.version} ({phrase(lang, 'initial')})"
    else:
        title = (f"{phrase(lang, 'policy')} {old} → {entry.new.version} "
                 f"({phrase(lang, 'changes', count)}, {phrase(lang, 'legal_count', legal_count)})")
    order = ["legal", *(s for s in SECTIONS if s != "legal")]
    order += sorted({c.section for c in entry.changes} - set(order))
    blocks = []
    for section in order:
        items = tuple(_legal_item(c, lang, entry.new.commit is None)
                      for c in entry.changes if c.section == section)
        if items:
            blocks.append(Block(section_title(lang, section), items))
    intro = "" if entry.old is None or entry.changes else phrase(lang, "no_changes")
    return Text(lang, title, 2, intro, tuple(blocks))


def _legal_item(change: Change, lang: str, working_tree: bool) -> Item:
    what = phrase(lang, f"{change.kind}_by")
    if change.commit is not None:
        what += " " + phrase(lang, "by", author=change.author or "?", commit=change.commit[:7],
                             date=change.date or "?")
    elif working_tree:
        what += f" ({phrase(lang, 'uncommitted')})"
    details: list[Detail] = []
    if change.kind == "renamed":
        details.append(Detail("id", redline(change.old_id or "", change.id or "")))
    if change.kind == "moved":
        details.append(Detail("list", redline(_dotted(change.old_path), _dotted(change.path))))
    details.extend(_legal_details(change))
    return Item(change.label, f"— {what}", tuple(details))


def _dotted(ptr: str | None) -> str:
    """The list an item is in, dotted: ``/conduct/dos/3`` -> ``conduct.dos``."""
    return ".".join((ptr or "").split("/")[1:-1])


def _legal_details(change: Change) -> Iterator[Detail]:
    old = _content(change.old, change)
    new = _content(change.new, change)
    root = "" if isinstance(old, dict) or isinstance(new, dict) else change.path.split("/")[-1]
    a, b = dict(deep_leaves(old, root)), dict(deep_leaves(new, root))
    for key in [*a, *(k for k in b if k not in a)]:
        if key not in b:
            yield Detail(key, (Segment("-", a[key]),))
        elif key not in a:
            yield Detail(key, (Segment("+", b[key]),))
        elif a[key] != b[key]:
            yield Detail(key, redline(a[key], b[key]))


def _content(value: Any, change: Change) -> Any:
    if change.item_kind is not None and isinstance(value, dict):
        return {k: v for k, v in value.items() if k != "id"}
    return value


def deep_leaves(value: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every leaf as (dotted path, text), lists included (``basis.0.title.nl``)."""
    if isinstance(value, dict) and value:
        for key, sub in value.items():
            yield from deep_leaves(sub, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list) and value:
        for index, sub in enumerate(value):
            yield from deep_leaves(sub, f"{prefix}.{index}" if prefix else str(index))
    elif value is not None:
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        yield prefix or "value", text
