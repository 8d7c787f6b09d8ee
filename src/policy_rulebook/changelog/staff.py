"""The staff announcement: what changes for staff, in their language and the policy's own words.

Written as a comms officer would write it by hand (issue 21):

- what changed leads each item ("Nieuw gevolg: ..." before the rule it belongs to), with the new
  words marked and the old words shown ("was: ..."), at any length;
- a version that only brings the legal references up to date says so, and that nothing changes
  for staff; a removal is only announced for something that existed;
- a change of the reaction scheme reads as what to do ("Bedreigt iemand je? Zo ja: ...");
- a change of a contact names what changed (the hours), not what did not;
- a change of the primary language's text is never "only the translation": readers of another
  language are told the source text changed and their translation follows;
- meta fields that change who the policy applies to or how it reaches staff are announced; which
  ones is declared in the schema (``"x-announce": true`` on a property of ``$defs/meta``);
- a short note for staff from the author (``Policy-Note:`` commit trailer, see docs/versions.md)
  heads the items, and the closing links to the policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from policy_rulebook.changelog import labels
from policy_rulebook.changelog.diff import Change
from policy_rulebook.changelog.model import Block, Entry, Item, Text
from policy_rulebook.changelog.phrases import long_date, phrase, section_title
from policy_rulebook.changelog.redline import Segment, redline
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
#: Old texts up to this long are quoted whole after a changed text; longer ones are quoted
#: around what changed ("was: … online. …").
QUOTE_OLD_UP_TO = 160
#: Words of context either side of a change in a shortened "was: ...".
CONTEXT_WORDS = 4
#: Fields of a legal item that are references, not rules: a change there changes nothing staff do.
REFERENCE_FIELDS = frozenset({"basis"})
#: The fields of a person that reach staff, in the order they are named.
PERSON_FIELDS = ("name", "role", "email", "phone", "hours")
_URL = re.compile(r"https?://[^\s<>\"')]+[^\s<>\"').,;:!?]")


def words(lang: str, path: tuple[str | int, ...], relative: tuple[str | int, ...] = ()) -> str:
    """The one place where staff texts look up the schema's words for a field or section."""
    return labels.label(lang, path, relative) if relative else labels.title(lang, path)


def colon(lang: str) -> str:
    """A colon as the language writes it: French puts a (no-break) space before it."""
    return "\u00a0:" if lang.split("-")[0].lower() == "fr" else ":"


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


@cache
def announced_meta() -> frozenset[str]:
    """The meta fields that reach staff: those marked ``"x-announce": true`` in the schema."""
    from policy_rulebook.core.schema import load_schema

    meta = load_schema().get("$defs", {}).get("meta", {}).get("properties", {})
    return frozenset(k for k, v in meta.items() if isinstance(v, dict) and v.get("x-announce"))


def _meta_key(change: Change) -> str:
    path = labels.dotted(change.path)
    return str(path[1]) if len(path) > 1 else ""


def source_only(change: Change, lang: str, primary: str | None) -> bool:
    """Only the primary language's text changed and ``lang`` is another language: its readers
    are told, for their translation follows."""
    return (
        change.languages is not None
        and primary is not None
        and primary in change.languages
        and lang not in change.languages
    )


def for_staff(change: Change, lang: str, primary: str | None = None) -> bool:
    """Whether the staff announcement in ``lang`` mentions a change."""
    if change.editorial:
        return False
    if change.section == "meta":
        return _meta_key(change) in announced_meta() and change.in_language(lang)
    return change.in_language(lang) or source_only(change, lang, primary)


def policy_link(data: dict[str, Any], configured: str | None = None) -> str | None:
    """Where staff read the whole policy: the configured URL, else the first web address in
    ``meta.distribution``."""
    if configured:
        return configured
    for item in get_path(data, ("meta", "distribution")) or []:
        texts = item.values() if isinstance(item, dict) else [item]
        for text in texts:
            found = _URL.search(str(text))
            if found:
                return found.group(0)
    return None


#: The commit trailer that carries the note for staff: ``Policy-Note:`` in the policy's primary
#: language, ``Policy-Note-en:`` (``-fr``, ...) per other language.
NOTE_TRAILER = "policy-note"


def note_from_trailers(trailers: Iterable[tuple[str, str]], primary: str | None) -> dict[str, str]:
    """The note per language from the trailers of a version's commits (the last one of each
    language wins: a later commit corrects the note)."""
    found: dict[str, str] = {}
    for key, value in trailers:
        name = key.strip().lower()
        if name == NOTE_TRAILER and value.strip():
            found[primary or ""] = value.strip()
        elif name.startswith(NOTE_TRAILER + "-") and value.strip():
            found[name.removeprefix(NOTE_TRAILER + "-")] = value.strip()
    return found


def note(entry: Entry, lang: str) -> str:
    """The author's note for staff (``Policy-Note:`` trailers, in ``Entry.why``)."""
    return localized(entry.why, lang, primary_language(entry.data)) or "" if entry.why else ""


def _policy_title(entry: Entry, lang: str) -> str:
    title = localized(get_path(entry.data, ("meta", "title")), lang, primary_language(entry.data))
    return title or str(get_path(entry.data, ("meta", "organisation")) or "")


def draft(entry: Entry) -> bool:
    status = entry.new.status or get_path(entry.data, ("meta", "status"))
    return str(status).lower() == "draft"


def short_title(entry: Entry, lang: str) -> str:
    """The policy and the version, for a mail's subject or a file's title."""
    if entry.new.unreleased:
        return heading(entry, lang)
    suffix = f" ({phrase(lang, 'draft')})" if draft(entry) else ""
    version = f"{phrase(lang, 'version')} {entry.new.version}{suffix}"
    return f"{_policy_title(entry, lang)}, {version}"


def heading(entry: Entry, lang: str) -> str:
    title = _policy_title(entry, lang)
    if entry.new.unreleased:
        old = (entry.old.version if entry.old else None) or "?"
        return phrase(lang, "unreleased", title=title, version=old)
    text = f"{title} {phrase(lang, 'version')} {entry.new.version}"
    effective = get_path(entry.data, ("meta", "effective_from"))
    if draft(entry):
        return text + f" ({phrase(lang, 'draft')})"
    if isinstance(effective, str):
        return text + " — " + phrase(lang, "effective", date=long_date(lang, effective))
    return text


def staff(entry: Entry, lang: str, link: str | None = None) -> Text:
    """The announcement of one version (or of the unreleased changes) in ``lang``."""
    primary = primary_language(entry.data)
    shown = [c for c in entry.changes if for_staff(c, lang, primary)]
    skip = _paired_nodes(shown)
    gone = {c.id: c.old for c in entry.changes if c.item_kind == "node" and c.kind == "removed"}
    references = [c for c in shown if _references_only(c)]
    rest = [c for c in shown if c not in references and id(c) not in skip]
    blocks = []
    extra = sorted({c.section for c in shown} - set(SECTIONS))
    order = [*(s for s in SECTIONS if s != "meta"), *extra, "meta"]  # the policy's facts last
    for section in dict.fromkeys(order):
        items = [
            item
            for change in rest
            if change.section == section
            for item in _items(change, lang, primary, entry.data, gone)
        ]
        if section == "legal" and references:
            items.append(_references_item(references, lang, primary))
        if items:
            blocks.append(Block(section_title(lang, section), tuple(items)))
    intro = _intro(entry, lang, primary, shown, references)
    said = note(entry, lang)
    if said:
        intro = said + "\n\n" + intro
    email = get_path(entry.data, ("contact", "primary", "email"))
    closing = [phrase(lang, "questions", email=email)] if isinstance(email, str) else []
    url = policy_link(entry.data, link)
    if url:
        closing.insert(0, phrase(lang, "read_policy", url=url))
    banner = ""
    if draft(entry):
        banner = phrase(lang, "draft_banner")
    elif entry.new.unreleased:
        banner = phrase(lang, "unreleased_banner")
    return Text(lang, heading(entry, lang), 1, intro, tuple(blocks), "\n\n".join(closing), banner)


def _intro(
    entry: Entry, lang: str, primary: str | None, shown: list[Change], references: list[Change]
) -> str:
    if entry.old is None:
        return phrase(lang, "first")
    if shown and len(references) == len(shown):
        return phrase(lang, "references_only")
    if shown and all(source_only(c, lang, primary) for c in shown):
        return _source_phrase(lang, "source_changed", primary)
    if shown:
        return phrase(lang, "what_changes")
    rest = [c for c in entry.changes if c.section != "meta"]
    if any(not c.editorial for c in rest):
        return phrase(lang, "translation_only")
    if rest:
        return phrase(lang, "editorial_only")
    return phrase(lang, "nothing")


def _source_phrase(lang: str, key: str, primary: str | None) -> str:
    """ "The Dutch text changed; the English translation follows", in ``lang``."""
    source = labels.language_name(lang, primary or "")
    return phrase(lang, key, source=source, target=labels.language_name(lang, lang))


def _references_only(change: Change) -> bool:
    if change.item_kind != "legal-item" or change.kind != "changed":
        return False
    keys = {f.split(".")[0] for f in change.fields}
    return bool(keys) and keys <= REFERENCE_FIELDS


def _references_item(changes: list[Change], lang: str, primary: str | None) -> Item:
    topics = [localized(_get(c.new, "topic"), lang, primary) or c.id or "" for c in changes]
    return Item(
        phrase(lang, "references_updated") + colon(lang),
        ", ".join(topics),
        after=_join([phrase(lang, "nothing_for_you")]),
    )


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _paired_nodes(shown: list[Change]) -> set[int]:
    """Added and removed nodes of the reaction scheme that a changed branch already names (the
    branch reads "if yes: <new step> (was: <old step>)"): not announced twice."""
    targets: set[str] = set()
    for change in shown:
        if change.item_kind == "node" and change.kind == "changed":
            for branch in ("yes", "no"):
                for side in (change.old, change.new):
                    if isinstance(_get(side, branch), str):
                        targets.add(str(side[branch]))
    return {
        id(c)
        for c in shown
        if c.item_kind == "node" and c.kind in ("added", "removed") and c.id in targets
    }


def _items(
    change: Change, lang: str, primary: str | None, data: dict[str, Any], gone: dict[Any, Any]
) -> Iterator[Item]:
    if change.section == "meta":
        yield from _unit(change, lang, primary)
    elif change.item_kind is not None:
        yield from _item(change, lang, primary, data, gone)
    elif change.path in ("/contact/primary", "/contact/backup"):
        yield from _person_change(change, lang, primary)
    else:
        yield from _unit(change, lang, primary)


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


def marked(old: str, new: str) -> tuple[Segment, ...]:
    """``new`` with its new words marked: the kept and inserted segments of the redline."""
    return tuple(s for s in redline(old, new) if s.op != "-")


def was(lang: str, old: str, new: str) -> str:
    """The old text as "was: ...": whole when short, else the words around each change."""
    if not old or old == new:
        return ""
    if len(old) <= QUOTE_OLD_UP_TO:
        return phrase(lang, "was", text=old)
    parts: list[str] = []
    segments = redline(old, new)
    for index, segment in enumerate(segments):
        if segment.op != "-" or not segment.text.strip():
            continue
        before = "".join(s.text for s in segments[:index] if s.op != "+").split()
        after = "".join(s.text for s in segments[index + 1 :] if s.op != "+").split()
        left = before[-CONTEXT_WORDS:] if before else []
        right = after[:CONTEXT_WORDS]
        text = " ".join([*left, segment.text.strip(), *right])
        parts.append(("… " if len(before) > CONTEXT_WORDS else "") + text)
        if len(after) > CONTEXT_WORDS:
            parts[-1] += " …"
    return phrase(lang, "was", text=" ".join(parts)) if parts else ""


def _item(
    change: Change, lang: str, primary: str | None, data: dict[str, Any], gone: dict[Any, Any]
) -> Iterator[Item]:
    kind = change.item_kind or ""
    text_lang = primary if primary and source_only(change, lang, primary) else lang
    said = ""
    if text_lang != lang:
        said = _source_phrase(lang, "source_only", primary)
    new = _main(change.new, kind, text_lang, primary)
    if change.kind == "added":
        yield Item(phrase(lang, "new") + colon(lang), new, note=said)
        return
    if change.kind == "removed":
        yield Item(phrase(lang, "removed") + colon(lang), _main(change.old, kind, lang, primary))
        return
    if change.kind == "renamed" and not change.fields:
        return  # an id is not something staff see
    old = _main(change.old, _kind_at(change.old_path) or kind, text_lang, primary)
    if change.kind == "moved":
        notes = [was(lang, old, new)] if old != new and old not in new else []
        notes += _consequence_notes(change, lang, primary)
        yield Item(_moved_lead(change, lang) + colon(lang), new, after=_join(notes))
        return
    keys = list(dict.fromkeys(f.split(".")[0] for f in change.fields))
    if kind == "node" and any(k in keys for k in ("yes", "no")):
        yield from _branches(change, lang, primary, data, gone)
        return
    if old == new and kind == "legal-item" and "consequence" in keys:
        yield _consequence_item(change, lang, primary)
        return
    notes = [was(lang, old, new)]
    notes += _field_notes(change, lang, primary, _main_keys(kind) | REFERENCE_FIELDS)
    yield Item(
        phrase(lang, "changed") + colon(lang),
        new,
        marked=marked(old, new),
        after=_join(notes),
        note=said,
    )


def _join(notes: list[str]) -> str:
    found = [n for n in notes if n]
    return f"({'; '.join(found)})" if found else ""


def _consequence_notes(change: Change, lang: str, primary: str | None) -> list[str]:
    """A moved item's consequence, only when it differs: never a removal of nothing."""
    old = localized(_get(change.old, "consequence"), lang, primary)
    new = localized(_get(change.new, "consequence"), lang, primary)
    if old == new:
        return []
    field = words(lang, labels.dotted(change.path), ("consequence",))
    if new:
        return [phrase(lang, "field_new", field=field, text=new)]
    return [phrase(lang, "field_removed", field=field)]


def _consequence_item(change: Change, lang: str, primary: str | None) -> Item:
    """A new, changed or dropped sanction leads ("New consequence for Image rights: ..."); the
    rule it belongs to follows."""
    old = localized(_get(change.old, "consequence"), lang, primary) or ""
    new = localized(_get(change.new, "consequence"), lang, primary) or ""
    topic = localized(_get(change.new, "topic"), lang, primary) or change.id or ""
    rule = localized(_get(change.new, "text"), lang, primary) or ""
    context = phrase(lang, "the_rule", rule=rule)
    if not old:
        return Item(phrase(lang, "new_consequence", topic=topic) + colon(lang), new, after=context)
    if not new:
        return Item(
            phrase(lang, "consequence_removed", topic=topic) + colon(lang), old, after=context
        )
    notes = _join([was(lang, old, new)])
    return Item(
        phrase(lang, "consequence_changed", topic=topic) + colon(lang),
        new,
        marked=marked(old, new),
        after=f"{notes} {context}".strip(),
    )


def _branches(
    change: Change, lang: str, primary: str | None, data: dict[str, Any], gone: dict[Any, Any]
) -> Iterator[Item]:
    """A changed branch of the reaction scheme as what to do: "<question> Zo ja: <step>" (was:
    the step it led to before, from this version or from the steps it removed)."""
    nodes = {
        **gone,
        **{
            item.get("id"): item
            for item in get_path(data, ("reactions", "nodes")) or []
            if isinstance(item, dict)
        },
    }
    question = _main(change.new, "node", lang, primary)
    for branch in ("yes", "no"):
        if branch not in change.fields:
            continue
        target = _main(nodes.get(_get(change.new, branch)), "node", lang, primary)
        old_target = _main(nodes.get(_get(change.old, branch)), "node", lang, primary)
        text = f"{question} {phrase(lang, f'then_{branch}', step=target)}"
        lead = text[: len(text) - len(target)] if text.endswith(target) else ""
        yield Item(
            phrase(lang, "changed") + colon(lang),
            text,
            marked=(Segment("=", lead), *marked(old_target, target)) if lead else (),
            after=_join([was(lang, old_target, target)]),
        )


def _moved_lead(change: Change, lang: str) -> str:
    """Under the new section's heading: where it came from, or (same section) where it went."""
    old_path = labels.dotted(change.old_path or "")
    if old_path and old_path[0] != change.section:
        return phrase(lang, "moved_from", list=section_title(lang, str(old_path[0])))
    return phrase(lang, "moved_to", list=words(lang, labels.dotted(change.path)[:-1]))


def _kind_at(pointer: str | None) -> str | None:
    from policy_rulebook.core.model import ID_KINDS

    path = tuple(str(p) for p in labels.dotted(pointer or "")[:-1])
    return next((kind for kind, paths in ID_KINDS.items() if path in paths), None)


def _main_keys(kind: str) -> set[str]:
    if kind == "node":
        return {"question", "outcome", "yes", "no"}
    extra = {"topic"} if kind == "legal-item" else set()
    if kind == "escalation":
        extra = {"name", "email", "phone"}
    return {MAIN_FIELD.get(kind, "text"), *extra}


def _field_notes(change: Change, lang: str, primary: str | None, skip: set[str]) -> list[str]:
    """The other fields that changed, in words, each with what it was."""
    notes = []
    base = labels.dotted(change.path)
    for key in dict.fromkeys(f.split(".")[0] for f in change.fields):
        if key in skip:
            continue
        new = localized(_get(change.new, key), lang, primary)
        old = localized(_get(change.old, key), lang, primary)
        name = words(lang, base, (key,))
        if new:
            short = phrase(lang, "was", text=old) if old and len(old) <= QUOTE_OLD_UP_TO else ""
            text = phrase(lang, "field_new", field=name, text=new)
            notes.append(text + (f", {short}" if short else ""))
        elif old:
            notes.append(phrase(lang, "field_removed", field=name))
    return notes


def _person(person: Any) -> str:
    if not isinstance(person, dict):
        return ""
    details = ", ".join(str(person[k]) for k in ("email", "phone") if person.get(k))
    name = str(person.get("name", ""))
    return f"{name} ({details})" if details else name


def _person_change(change: Change, lang: str, primary: str | None) -> Iterator[Item]:
    backup = change.path.endswith("backup")
    if change.new is None:
        yield Item(phrase(lang, "removed") + colon(lang), phrase(lang, "no_backup"))
        return
    old = change.old if isinstance(change.old, dict) else {}
    if old.get("name") != change.new.get("name"):
        key = "new_backup" if backup else "new_contact"
        yield Item(phrase(lang, "new") + colon(lang), phrase(lang, key, who=_person(change.new)))
        return
    base = labels.dotted(change.path)
    parts = []
    for key in PERSON_FIELDS:
        before = localized(old.get(key), lang, primary) or ""
        now = localized(change.new.get(key), lang, primary) or ""
        if before != now:
            name = words(lang, base, (key,))
            short = f" ({phrase(lang, 'was', text=before)})" if before else ""
            parts.append(f"{name}{colon(lang)} {now or '—'}{short}")
    if parts:
        who = f"{words(lang, base)} {change.new.get('name', '')}".strip()
        yield Item(phrase(lang, "changed") + colon(lang), f"{who} — " + "; ".join(parts))


def _unit(change: Change, lang: str, primary: str | None) -> Iterator[Item]:
    base = labels.dotted(change.path)
    value = change.new if change.kind != "removed" else change.old
    lead = phrase(lang, {"added": "new", "removed": "removed"}.get(change.kind, "changed")) + colon(
        lang
    )
    if isinstance(value, dict) and not _is_text(value):
        subkeys = list(dict.fromkeys(f.split(".")[0] for f in change.fields)) or list(value)
        for sub in subkeys:
            text = localized(value.get(sub), lang, primary)
            if text:
                label = words(lang, base, (sub,))
                yield Item(lead, f"{words(lang, base)}{labels.SEPARATOR}{label}: {text}")
        return
    text = localized(value, lang, primary) or ""
    name = words(lang, base)
    if change.kind == "changed":
        old = localized(change.old, lang, primary) or ""
        yield Item(
            lead,
            f"{name}: {text}",
            marked=(Segment("=", f"{name}: "), *marked(old, text)),
            after=_join([was(lang, old, text)]),
        )
        return
    yield Item(lead, f"{name}: {text}")


def _is_text(value: dict[str, Any]) -> bool:
    """A localized text: a map from language codes to strings."""
    return bool(value) and all(
        isinstance(v, str) and len(k) <= 5 and k[:2].islower() for k, v in value.items()
    )
