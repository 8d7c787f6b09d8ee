"""What the staff announcement (``changelog.staff``) and the legal redline
(``changelog.legal``) share: the head of a whole document, the JSON of an entry with each
change's label in the reader's language, and the leaves of a value in words.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from policy_rulebook.changelog.model import Entry, Page
from policy_rulebook.changelog.phrases import phrase
from policy_rulebook.changelog.staff import for_staff
from policy_rulebook.changelog.staff_items import localized, primary_language
from policy_rulebook.core import labels


def _policy_title(entry: Entry, lang: str) -> str:
    from policy_rulebook.core.changes import get_path

    title = localized(get_path(entry.data, ("meta", "title")), lang, primary_language(entry.data))
    return title or str(get_path(entry.data, ("meta", "organisation")) or "")


# -- legal (the redline itself is changelog.legal) -----------------------------------------


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
        if change.grouped:
            from policy_rulebook.changelog.legal import group_title, grouped_note

            out["label"] = group_title(change, lang)
            out["note"] = grouped_note(change, lang)
    return data
