"""The items of the staff announcement: one bullet per change, what changed first.

``changelog.staff`` decides which changes staff read and puts the announcement together; this
module words each change (issue 21): a new consequence leads before its rule, new words are
marked and the old text follows ("was: ..."), a reaction-scheme branch reads as what to do, a
contact's change names the fields that changed, a source-language change says the translation
follows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from policy_rulebook.changelog.diff import Change
from policy_rulebook.changelog.model import Item
from policy_rulebook.changelog.phrases import phrase, section_title
from policy_rulebook.changelog.redline import Segment, redline
from policy_rulebook.core import labels
from policy_rulebook.core.changes import get_path

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


def source_only(change: Change, lang: str, primary: str | None) -> bool:
    """Only the primary language's text changed and ``lang`` is another language: its readers
    are told, for their translation follows."""
    return (
        change.languages is not None
        and primary is not None
        and primary in change.languages
        and lang not in change.languages
    )


def source_phrase(lang: str, key: str, primary: str | None) -> str:
    """ "The Dutch text changed; the English translation follows", in ``lang``."""
    source = labels.language_name(lang, primary or "")
    return phrase(lang, key, source=source, target=labels.language_name(lang, lang))


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _main(item: Any, kind: str, lang: str, primary: str | None) -> str:
    if not isinstance(item, dict):
        return ""
    if kind == "node":
        return localized(item.get("question", item.get("outcome")), lang, primary) or ""
    text = localized(item.get(MAIN_FIELD.get(kind, "text")), lang, primary) or ""
    if kind == "legal-item":
        topic = localized(item.get("topic"), lang, primary)
        return f"{topic}{colon(lang)} {text}" if topic else text
    if kind == "escalation":
        return f"{text}{colon(lang)} {_person(item)}"
    if kind == "scenario":
        return f"{phrase(lang, 'scenario')}{colon(lang)} {text}"
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


def item_items(
    change: Change, lang: str, primary: str | None, data: dict[str, Any], gone: dict[Any, Any]
) -> Iterator[Item]:
    kind = change.item_kind or ""
    text_lang = primary if primary and source_only(change, lang, primary) else lang
    said = ""
    if text_lang != lang:
        said = source_phrase(lang, "source_only", primary)
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
        yield Item(_moved_lead(change, lang) + colon(lang), new, after=joined(notes))
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
        after=joined(notes),
        note=said,
    )


def joined(notes: list[str]) -> str:
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
    notes = joined([was(lang, old, new)])
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
            after=joined([was(lang, old_target, target)]),
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


def person_items(change: Change, lang: str, primary: str | None) -> Iterator[Item]:
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


def unit_items(change: Change, lang: str, primary: str | None) -> Iterator[Item]:
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
                yield Item(
                    lead, f"{words(lang, base)}{labels.SEPARATOR}{label}{colon(lang)} {text}"
                )
        return
    text = localized(value, lang, primary) or ""
    name = words(lang, base)
    if change.kind == "changed":
        old = localized(change.old, lang, primary) or ""
        yield Item(
            lead,
            f"{name}{colon(lang)} {text}",
            marked=(Segment("=", f"{name}{colon(lang)} "), *marked(old, text)),
            after=joined([was(lang, old, text)]),
        )
        return
    yield Item(lead, f"{name}{colon(lang)} {text}")


def _is_text(value: dict[str, Any]) -> bool:
    """A localized text: a map from language codes to strings."""
    return bool(value) and all(
        isinstance(v, str) and len(k) <= 5 and k[:2].islower() for k, v in value.items()
    )
