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
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from policy_rulebook.changelog import labels
from policy_rulebook.changelog.announce import localized, primary_language
from policy_rulebook.changelog.diff import Change, Touch
from policy_rulebook.changelog.model import Block, Detail, Entry, Item, Text
from policy_rulebook.changelog.phrases import long_date, phrase, section_title
from policy_rulebook.changelog.redline import Segment, redline
from policy_rulebook.core.changes import get_path
from policy_rulebook.core.model import SECTIONS

#: Words of the redline that are not in ``phrases`` (others: English).
WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "draft": "ontwerp",
        "adopted": "goedgekeurd",
        "repealed": "opgeheven",
        "retired": "ingetrokken",
        "approval_line": "{decision} door {by} op {date}",
        "approval_missing": "nog niet goedgekeurd",
        "reference": "referentie {reference}",
        "yes": "bij ja",
        "no": "bij nee",
        "committed_on": "vastgelegd op {date}",
    },
    "en": {
        "draft": "draft",
        "adopted": "adopted",
        "repealed": "repealed",
        "retired": "retired",
        "approval_line": "{decision} by {by} on {date}",
        "approval_missing": "not approved yet",
        "reference": "reference {reference}",
        "yes": "if yes",
        "no": "if no",
        "committed_on": "committed on {date}",
    },
    "fr": {
        "draft": "projet",
        "adopted": "adoptée",
        "repealed": "abrogée",
        "retired": "retirée",
        "approval_line": "{decision} par {by} le {date}",
        "approval_missing": "pas encore approuvée",
        "reference": "référence {reference}",
        "yes": "si oui",
        "no": "si non",
        "committed_on": "enregistrée le {date}",
    },
}
#: Fields replaced whole when they change: a reference or a decision number is cited as one.
WHOLE_FIELDS = frozenset({"reference", "decision", "url", "email", "phone", "handle", "platform"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Internal flags that say how to check the policy, not what it says.
HIDDEN_FIELDS = frozenset({"id", "proper_name"})
#: The field that titles an item of each kind in the printed policy.
TITLE_FIELD = {
    "legal-item": "topic",
    "value": "name",
    "escalation": "topic",
    "role": "name",
    "task": "name",
    "scenario": "title",
    "house-rule": "category",
    "rule": "text",
    "tone-principle": "text",
}
#: A title taken from a rule's text is cut here (at a word), the article number says the rest.
TITLE_UP_TO = 60


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang.split("-")[0].lower(), WORDS["en"])


def status_word(lang: str, status: Any) -> str:
    """``draft`` -> "ontwerp": a status as readers say it."""
    return words(lang).get(str(status), str(status))


def label(lang: str, base: Sequence[str | int], relative: Sequence[str | int] = ()) -> str:
    """The one way this module names a field (``labels`` may move; callers need not know)."""
    return labels.label(lang, base, relative) if relative else labels.title(lang, base)


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

    def segments(self) -> tuple[Segment, ...]:
        if self.old is None:
            return (Segment("+", self.new or ""),)
        if self.new is None:
            return (Segment("-", self.old),)
        if self.old == self.new:
            return (Segment("=", self.new),)
        if self.whole:
            return tuple(s for s in (Segment("-", self.old), Segment("+", self.new)) if s.text)
        return redline(self.old, self.new)


@dataclass(frozen=True)
class LegalItem:
    """An item of the redline, the changes it shows and its fields (as ``item.details``)."""

    item: Item
    changes: tuple[Change, ...]
    fields: tuple[Field, ...]


# -- what legal read of a value --------------------------------------------------------------


def fields(
    value: Any, kind: str | None, lang: str, data: dict[str, Any], base: tuple[str | int, ...]
) -> dict[tuple[str, ...], tuple[str, str, bool]]:
    """Every text of an item or unit as legal read it: ``{key: (label, text, whole)}``.

    Ids and flags are left out, a legal basis is one citation per language, a branch of the
    reaction scheme is the question or outcome it leads to, a yes-or-no is a word."""
    out: dict[tuple[str, ...], tuple[str, str, bool]] = {}
    if base and base[-1] == "approval" and value is not None:
        return {(): (label(lang, base), approval_line(value, lang, data), True)}
    target = _reference(base[:-1], str(base[-1])) if base else None
    if target is not None and isinstance(value, str):  # the start of the reaction scheme
        return {(): (label(lang, base), _named(value, target, data, lang), True)}
    if not isinstance(value, dict):
        if value is not None:
            out[()] = (label(lang, base), _word(value, lang, base), _whole_path(base))
        return out
    for key, sub in value.items():
        if key in HIDDEN_FIELDS:
            continue
        if key == "basis" and isinstance(sub, list):
            for index, entry in enumerate(sub):
                for code, text in _citations(entry, lang):
                    name = label(lang, base, ("basis", index))
                    if code:
                        name += f" ({labels.language_name(lang, code)})"
                    out[("basis", str(index), code)] = (name, text, True)
            continue
        target = _reference(base, key)
        if target is not None and isinstance(sub, (str, list)):
            name = (
                words(lang)[key].capitalize()
                if kind == "node" and key in ("yes", "no")
                else label(lang, base, (key,))
            )
            ids = [sub] if isinstance(sub, str) else [str(v) for v in sub]
            out[(key,)] = (name, "; ".join(_named(i, target, data, lang) for i in ids), True)
            continue
        if key == "approval" and isinstance(sub, dict):
            out[(key,)] = (label(lang, base, (key,)), approval_line(sub, lang, data), True)
            continue
        for path, text in _leaves(sub, lang, (key,)):
            whole = bool(WHOLE_FIELDS & set(path)) or key in ("status", "version")
            shown = status_word(lang, text) if path == ("status",) else text
            out[path] = (label(lang, base, path), shown, whole)
    return out


def _word(value: Any, lang: str, base: tuple[str | int, ...]) -> str:
    if base and base[-1] == "status":
        return status_word(lang, value)
    text = localized(value, lang, None) or ""
    return long_date(lang, text) if _ISO_DATE.match(text) else text


def _whole_path(base: tuple[str | int, ...]) -> bool:
    return bool(base) and (str(base[-1]) in WHOLE_FIELDS or base[-1] in ("status", "version"))


def _leaves(
    value: Any, lang: str, prefix: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(value, dict) and value:
        for key, sub in value.items():
            if key not in HIDDEN_FIELDS:
                yield from _leaves(sub, lang, (*prefix, str(key)))
    elif isinstance(value, list) and value:
        for index, sub in enumerate(value):
            yield from _leaves(sub, lang, (*prefix, str(index)))
    elif isinstance(value, bool):
        yield prefix, labels.yes_no(lang, value)
    elif value is not None:
        text = value if isinstance(value, str) else str(value)
        yield prefix, long_date(lang, text) if _ISO_DATE.match(text) else text


def _citations(entry: Any, lang: str) -> list[tuple[str, str]]:
    """A legal basis as citations: "Wetboek van economisch recht, art. XI.174", one per
    language of its title ("" when the title is one text)."""
    if not isinstance(entry, dict):
        return [("", str(entry))]
    title = entry.get("title")
    tail = [str(entry[k]) for k in ("reference",) if entry.get(k)]
    if entry.get("url"):
        tail.append(f"<{entry['url']}>")
    titles = (
        [(str(code), str(text)) for code, text in title.items()]
        if isinstance(title, dict) and len(title) > 1
        else [("", localized(title, lang, None) or "")]
    )
    return [(code, ", ".join([text, *tail]) if text else ", ".join(tail)) for code, text in titles]


def _reference(base: tuple[str | int, ...], key: str) -> str | None:
    """The kind of item a field refers to by id (``core.model.REFERENCES``), or None."""
    from policy_rulebook.core.model import REFERENCES, SINGLE_REFERENCES

    where = tuple(str(p) for p in base)
    for path, field, kind in REFERENCES:
        if field == key and where[:-1] == path:
            return kind
    for path, field, kind in SINGLE_REFERENCES:
        if field == key and where == path and path != ("meta", "approval"):
            return kind
    return None


def _named(item_id: str, kind: str, data: dict[str, Any], lang: str) -> str:
    """An item that another refers to by id, by its words: a reaction step by its question,
    a role by its name (as staff read it)."""
    from policy_rulebook.core.changes import index_items

    found = index_items(data).get((kind, item_id))
    title = _title(found.item, kind, lang, data, cut=False) if found else ""
    return title or item_id  # an item that no longer exists keeps the name it had


def approval_line(approval: Any, lang: str, data: dict[str, Any] | None = None) -> str:
    """``meta.approval`` in words: "Collegebesluit ... door het college op 23 november 2026";
    the body that decided (``body``) or the role by its name; "not approved yet" without."""
    w = words(lang)
    if not isinstance(approval, dict) or not (approval.get("by") or approval.get("body")):
        return w["approval_missing"]
    primary = primary_language(data or {})
    decision = localized(approval.get("decision"), lang, primary) or w["adopted"]
    if approval.get("reference"):
        decision += f" ({w['reference'].format(reference=approval['reference'])})"
    by = localized(approval.get("body"), lang, primary) or str(approval.get("by"))
    for role in get_path(data or {}, ("roles", "team")) or []:
        if (
            isinstance(role, dict)
            and role.get("id") == approval.get("by")
            and not approval.get("body")
        ):
            by = localized(role.get("name"), lang, primary) or by
    date = approval.get("date")
    line = w["approval_line"].format(
        decision=decision, by=by, date=long_date(lang, str(date)) if date else "?"
    )
    return line[0].upper() + line[1:]


# -- the items -------------------------------------------------------------------------------


def item_title(change: Change, lang: str, data: dict[str, Any]) -> str:
    """The item as the printed policy heads it: "3.1 Beroepsgeheim" (number, then title); a
    removed item by its title as it was."""
    from policy_rulebook.core.articles import numbers

    path = labels.dotted(change.path)
    value = change.new if change.kind != "removed" else change.old
    number = ""
    if change.kind != "removed" and change.id is not None:
        key = "/".join(str(p) for p in path[:-1])
        number = numbers(data).get(f"{key}/{change.id}", "")
    title = _title(value, change.item_kind or "", lang, data)
    if not title:  # a kind without a title: its kind in words
        title = label(lang, (*path[:-1], 0))
    return f"{number} {title}".strip()


def _title(value: Any, kind: str, lang: str, data: dict[str, Any], cut: bool = True) -> str:
    if not isinstance(value, dict):
        return ""
    primary = primary_language(data)
    if kind == "node":
        text = localized(value.get("question", value.get("outcome")), lang, primary) or ""
    elif kind == "channel":
        text = f"{value.get('platform', '')} {value.get('handle', '')}".strip()
    else:
        text = localized(value.get(TITLE_FIELD.get(kind, "text")), lang, primary) or ""
    if cut and len(text) > TITLE_UP_TO:
        text = text[:TITLE_UP_TO].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return text


def with_titles(entry: Entry, out: dict[str, Any], lang: str) -> dict[str, Any]:
    """An entry's JSON (``announce.json_entry``) with each change's ``title`` as the redline
    names it: article number and title for an item, the field in words for the rest."""
    for change, data in zip(entry.changes, out.get("changes", []), strict=False):
        data["title"] = (
            item_title(change, lang, entry.data)
            if change.item_kind
            else label(lang, labels.dotted(change.path))
        )
    return out


def legal_items(entry: Entry, lang: str) -> list[tuple[str, list[LegalItem]]]:
    """The redline's blocks: (heading, items), legal first, the other sections in the order
    of the policy, the policy's own record (meta) last as one item."""
    order = ["legal", *(s for s in SECTIONS if s not in ("legal", "meta"))]
    order += sorted({c.section for c in entry.changes} - {*order, "meta"})
    blocks: list[tuple[str, list[LegalItem]]] = []
    for section in order:
        items = [_legal_item(c, lang, entry) for c in entry.changes if c.section == section]
        if items:
            blocks.append((section_title(lang, section), items))
    meta = [c for c in entry.changes if c.section == "meta"]
    if meta:
        blocks.append((section_title(lang, "meta"), [_meta_item(meta, lang, entry)]))
    return blocks


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


def _touch_line(touch: Touch, lang: str) -> str:
    return phrase(
        lang,
        "commit_line",
        author=touch.author,
        commit=touch.sha[:7],
        date=long_date(lang, touch.date),
        subject=touch.subject,
    ).removesuffix(": “”")


def _legal_item(change: Change, lang: str, entry: Entry) -> LegalItem:
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
        tuple(Detail(f.label, f.segments()) for f in details),
        _note(change, lang),
        tuple(who),
        change.editorial,
    )
    return LegalItem(item, (change,), tuple(details))


def _meta_item(changes: list[Change], lang: str, entry: Entry) -> LegalItem:
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
        tuple(Detail(f.label, f.segments()) for f in found),
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
