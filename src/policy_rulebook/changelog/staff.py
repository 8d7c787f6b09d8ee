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

from policy_rulebook.changelog.diff import Change
from policy_rulebook.changelog.model import Block, Entry, Item, Text
from policy_rulebook.changelog.phrases import long_date, phrase, section_title
from policy_rulebook.changelog.staff_items import (
    REFERENCE_FIELDS,
    colon,
    item_items,
    joined,
    localized,
    person_items,
    primary_language,
    source_only,
    source_phrase,
    unit_items,
)
from policy_rulebook.core import labels
from policy_rulebook.core.changes import get_path
from policy_rulebook.core.model import SECTIONS

_URL = re.compile(r"https?://[^\s<>\"')]+[^\s<>\"').,;:!?]")


@cache
def announced_meta() -> frozenset[str]:
    """The meta fields that reach staff: those marked ``"x-announce": true`` in the schema."""
    from policy_rulebook.core.schema import load_schema

    meta = load_schema().get("$defs", {}).get("meta", {}).get("properties", {})
    return frozenset(k for k, v in meta.items() if isinstance(v, dict) and v.get("x-announce"))


def _meta_key(change: Change) -> str:
    path = labels.dotted(change.path)
    return str(path[1]) if len(path) > 1 else ""


def for_staff(change: Change, lang: str, primary: str | None = None) -> bool:
    """Whether the staff announcement in ``lang`` mentions a change; a grouped one when staff
    would read one of its changes in meta, and always elsewhere (they are not judged)."""
    if change.grouped:
        if change.section == "meta":
            return any(_meta_key(one) in announced_meta() for one in change.members)
        return True
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
        return source_phrase(lang, "source_changed", primary)
    if shown:
        return phrase(lang, "what_changes")
    rest = [c for c in entry.changes if c.section != "meta"]
    if any(not c.editorial for c in rest):
        return phrase(lang, "translation_only")
    if rest:
        return phrase(lang, "editorial_only")
    return phrase(lang, "nothing")


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
        after=joined([phrase(lang, "nothing_for_you")]),
    )


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _paired_nodes(shown: list[Change]) -> set[int]:
    """Added and removed nodes of the reaction scheme that a changed branch already names (the
    branch reads "if yes: <new step> (was: <old step>)"): not announced twice."""
    targets: set[str] = set()
    for change in shown:
        if change.item_kind == "node" and change.kind == "changed":
            for branch in (b for b in ("yes", "no") if b in change.fields):
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
    if change.grouped:
        from policy_rulebook.changelog.legal import group_title, grouped_note

        yield Item(group_title(change, lang) + colon(lang), grouped_note(change, lang))
    elif change.section == "meta":
        yield from unit_items(change, lang, primary)
    elif change.item_kind is not None:
        yield from item_items(change, lang, primary, data, gone)
    elif change.path in ("/contact/primary", "/contact/backup"):
        yield from person_items(change, lang, primary)
    else:
        yield from unit_items(change, lang, primary)
