"""What legal read of a value: an item or a unit of the policy as texts, in the policy's words.

``fields`` turns an item (or a unit such as ``meta.approval``) into labelled texts: ids and
internal flags (``proper_name``) are left out, a legal basis is one citation per language ("Wetboek
van economisch recht, art. XI.174"), a field that refers to another item by id reads as that
item's words (a reaction step by its question), a status and a date are words, and references,
decisions, addresses and numbers are marked to be replaced whole. ``item_title`` names an item as
the printed policy heads it ("3.1 Beroepsgeheim"). Used by ``changelog.legal`` (the redline) and
by the Word redline, which replays these texts through their commits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, Final

from policy_rulebook.changelog.diff import Change
from policy_rulebook.changelog.phrases import long_date
from policy_rulebook.changelog.staff_items import localized, primary_language
from policy_rulebook.core import i18n, labels
from policy_rulebook.core.changes import get_path
from policy_rulebook.core.i18n import N_
from policy_rulebook.core.memo import by_identity

#: Words of the redline that are not in ``phrases``, in English; every language reads them
#: through its catalogue (``core.i18n.translated``).
WORDS: Final[dict[str, str]] = {
    "draft": N_("draft"),
    "adopted": N_("adopted"),
    "repealed": N_("repealed"),
    "retired": N_("retired"),
    "approval_line": N_("{decision} by {by} on {date}"),
    "approval_missing": N_("not approved yet"),
    "approval_unrecorded": N_("no decision on record"),
    "reference": N_("reference {reference}"),
    "yes": N_("if yes"),
    "no": N_("if no"),
    "committed_on": N_("committed on {date}"),
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
    return i18n.translated(WORDS, lang)


def status_word(lang: str, status: Any) -> str:
    """``draft`` -> "ontwerp": a status as readers say it."""
    return words(lang).get(str(status), str(status))


def label(lang: str, base: Sequence[str | int], relative: Sequence[str | int] = ()) -> str:
    """The one way this module names a field (``labels`` may move; callers need not know)."""
    return labels.label(lang, base, relative) if relative else labels.title(lang, base)


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
    if isinstance(value, list) and any(isinstance(sub, dict) for sub in value):
        # a list of records (the review answers in meta): each record's fields, numbered
        for index, sub in enumerate(value):
            record = label(lang, base)
            if isinstance(sub, dict) and isinstance(sub.get("question"), str):
                record += f" ({sub['question']})"  # which one, in the reviewer's own words
            for key, (name, text, whole) in fields(sub, kind, lang, data, (*base, index)).items():
                out[(str(index), *key)] = (f"{record}{labels.SEPARATOR}{name}", text, whole)
        return out
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


def approval_line(
    approval: Any, lang: str, data: dict[str, Any] | None = None, adopted: bool = False
) -> str:
    """``meta.approval`` in words: "Collegebesluit ... door het college op 23 november 2026";
    the body that decided (``body``) or the role by its name; without one, "not approved yet",
    or for a version known to be ``adopted`` "no decision on record" (never a contradiction of
    the adoption date beside it)."""
    w = words(lang)
    if not isinstance(approval, dict) or not (approval.get("by") or approval.get("body")):
        return w["approval_unrecorded" if adopted else "approval_missing"]
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


# -- names of items ------------------------------------------------------------------------


@by_identity
def _numbers(data: dict[str, Any]) -> dict[str, str]:
    """Every item's article number, once per version (``item_title`` is asked per change)."""
    from policy_rulebook.core.articles import numbers

    return numbers(data)


def item_title(change: Change, lang: str, data: dict[str, Any]) -> str:
    """The item as the printed policy heads it: "3.1 Beroepsgeheim" (number, then title); a
    removed item by its title as it was."""
    path = labels.dotted(change.path)
    value = change.new if change.kind != "removed" else change.old
    number = ""
    if change.kind != "removed" and change.id is not None:
        key = "/".join(str(p) for p in path[:-1])
        number = _numbers(data).get(f"{key}/{change.id}", "")
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
