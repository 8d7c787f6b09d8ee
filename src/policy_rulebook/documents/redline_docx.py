"""The legal redline as a Word document whose changes are real tracked changes.

``changelog --audience legal --format docx`` and ``diff --format docx``. A title page (the
organisation, the policy, the versions compared, their dates, status and approval), then per
version one heading per section in the chosen language, legal first as in the Markdown
redline. Each change is a paragraph saying what it is, who made it, in which commit and when,
marked when it is editorial; under it one paragraph per changed text whose words are tracked
insertions and deletions (``w:ins``/``w:del``), each by the author and on the date of the commit
that wrote those words (``changelog.authorship`` replays the text through its commits), not of
the last commit that touched the item. Accepting all of them in Word gives the newer version's
texts, rejecting them the older ones. A4 paper; the file's properties name the organisation and
the policy. A draft's title page never shows the approval or dates of the version before it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any, Final

from policy_rulebook.changelog.authorship import attribute
from policy_rulebook.changelog.diff import Change
from policy_rulebook.changelog.legal import Field, legal, legal_items
from policy_rulebook.changelog.legal_fields import approval_line, fields, status_word
from policy_rulebook.changelog.model import Endpoint, Entry
from policy_rulebook.changelog.phrases import long_date, phrase
from policy_rulebook.changelog.provenance import DataAt, forms
from policy_rulebook.changelog.redline import Segment
from policy_rulebook.changelog.staff_items import localized, primary_language
from policy_rulebook.core import i18n
from policy_rulebook.core.changes import get_path
from policy_rulebook.core.escape import xml
from policy_rulebook.core.i18n import N_
from policy_rulebook.core.labels import dotted, title
from policy_rulebook.documents.docx_page import a4, properties
from policy_rulebook.documents.docx_revisions import Revisions
from policy_rulebook.documents.docx_runs import BOLD, ITALIC, Body, run

#: The words of the document around the policy's own, in English; every language reads them
#: through its catalogue, field names through the schema's titles (``core.labels``).
WORDS: Final[dict[str, str]] = {
    "redline": N_("Changes with tracked revisions"),
    "organisation": N_("Organisation"),
    "versions": N_("Versions"),
    "committed": N_("Committed on"),
    "approval": N_("Approval"),
    "editorial": N_("editorial"),
    "uncommitted": N_("not committed"),
    "unreleased": N_("Unreleased changes"),
    "how": N_(
        "The changes are revisions in this document: in Word under Review, in "
        "LibreOffice under Edit > Track Changes. Accepting all gives the text of the "
        "new version."
    ),
}
#: Field names: the schema's titles.
FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "version": ("meta", "version"),
    "status": ("meta", "status"),
    "adopted_on": ("meta", "adopted_on"),
    "effective_from": ("meta", "effective_from"),
}


def words(lang: str) -> dict[str, str]:
    found = i18n.translated(WORDS, lang)
    found.update({key: title(lang, path) for key, path in FIELDS.items()})
    return found


def redline_docx(entries: Sequence[Entry], lang: str, data_at: DataAt | None = None) -> bytes:
    """The Word file (bytes) for ``entries`` (newest first, as the changelog lists them);
    ``data_at`` (the rulebook at a commit) lets each word carry the commit that wrote it."""
    from policy_rulebook.documents.extras import require

    require("documents", "--format docx")
    from docx import Document as Word
    from docx.enum.text import WD_BREAK

    document = Word()
    a4(document)
    newest = entries[0] if entries else None
    data = newest.data if newest else {}
    w = words(lang)
    _title_page(document, entries, data, lang)
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    revisions = Revisions()
    body = Body(document)  # python-docx from here on through body.document
    for entry in entries:
        text = legal(entry, lang)
        body.document.add_heading(xml(text.title), level=1)
        if text.banner:
            body.document.add_paragraph().add_run(xml(text.banner)).bold = True
        if text.intro:
            body.document.add_paragraph(xml(text.intro))
        for heading, items in legal_items(entry, lang):
            body.document.add_heading(xml(heading), level=2)
            for found in items:
                item = found.item
                lead = body.paragraph("List Bullet")  # runs escaped by docx_runs
                run(lead, item.lead, BOLD)
                run(lead, f" {item.text}")
                if item.note:  # as in Markdown, text and HTML: who marked it, which language
                    run(lead, f" · {item.note}", ITALIC)
                elif item.editorial:
                    run(lead, f" ({w['editorial']})", ITALIC)
                for line in item.who:  # every commit that touched it: who, which, when, why
                    body.paragraph("List Continue", line)
                for field, detail in zip(found.fields, found.item.details, strict=True):
                    change = found.changes[field.source]
                    paragraph = body.paragraph("List Continue")
                    if field.label:  # a single value under a lead that names it has none
                        run(paragraph, f"{field.label}: ", ITALIC)
                    authored = _authored(
                        field, detail.segments, bool(detail.note), change, entry, lang, data_at
                    )
                    for segment, author, date in authored:
                        if segment.op == "=":
                            run(paragraph, segment.text)
                        elif segment.op == "+":
                            revisions.insert(
                                paragraph, segment.text, author or w["uncommitted"], date
                            )
                        else:
                            revisions.delete(
                                paragraph, segment.text, author or w["uncommitted"], date
                            )
                    if detail.note:  # too long to compare word by word (issue 24)
                        run(paragraph, f" ({detail.note})", ITALIC)
    out = io.BytesIO()
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    assert isinstance(meta, dict)
    organisation = str(meta.get("organisation") or "")
    title = localized(meta.get("title"), lang, primary_language(data)) or organisation
    version = str(newest.new.version) if newest and newest.new.version else ""
    document = body.document  # every paragraph in place
    properties(document, organisation, f"{title} — {w['redline']}", w["redline"], lang, version)
    document.save(out)
    return out.getvalue()


def _authored(
    field: Field,
    segments: tuple[Segment, ...],
    too_long: bool,
    change: Change,
    entry: Entry,
    lang: str,
    data_at: DataAt | None,
) -> list[tuple[Segment, str | None, str | None]]:
    """The field's segments, each with the author and date of the commit that wrote them;
    the change's last commit where the words cannot be traced (out of bounds, replaced as a
    whole, the working tree, no history at hand)."""
    fallback = [(s, change.author, change.date) for s in segments]
    if data_at is None or not change.touches or field.old == field.new or too_long:
        return fallback
    steps = []
    path = dotted(change.path)
    for touch, value in forms(change, data_at):
        found = fields(value, change.item_kind, lang, entry.data, path).get(field.key)
        steps.append((touch, found[1] if found else ""))
    if entry.new.commit is None and (not steps or steps[-1][1] != (field.new or "")):
        return fallback  # the last form is in the working tree: no commit wrote it yet
    runs = attribute(field.old or "", field.new or "", steps, segments)
    if runs is None:
        return fallback
    return [
        (segment, touch.author, touch.date)
        if touch is not None
        else (segment, change.author, change.date)
        for segment, touch in runs
    ]


def _title_page(document: Any, entries: Sequence[Entry], data: dict[str, Any], lang: str) -> None:
    w = words(lang)
    primary = primary_language(data)
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    assert isinstance(meta, dict)
    organisation = str(meta.get("organisation") or "")
    title = localized(meta.get("title"), lang, primary) or organisation
    document.add_heading(xml(title), level=0)
    document.add_paragraph(w["redline"]).runs[0].bold = True
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"

    def row(label: str, value: str) -> None:
        cells = table.add_row().cells
        cells[0].text = xml(label)
        cells[1].text = xml(value)

    row(w["organisation"], organisation)
    newest_end: Endpoint | None = None
    if entries:
        oldest, newest = entries[-1], entries[0]
        first = oldest.old or oldest.new
        newest_end = newest.new
        last = (
            phrase(lang, "unreleased_short") if newest_end.unreleased else str(newest_end.version)
        )
        row(
            w["versions"],
            phrase(lang, "from_to", old=str(first.version), new=last)
            if first.version != last
            else last,
        )
        # the last version before unreleased changes is named with its own commit too
        released = newest.old if newest_end.unreleased and newest.old else first
        for endpoint in dict.fromkeys([first, released, newest_end]):
            # each version dated by its own commit; unreleased changes are named as such
            name = w["unreleased"] if endpoint.unreleased else f"{w['version']} {endpoint.version}"
            stamp = long_date(lang, endpoint.date) if endpoint.date else w["uncommitted"]
            commit = f" ({endpoint.commit[:7]})" if endpoint.commit else ""
            row(name, f"{w['committed']} {stamp}{commit}")
    status = (newest_end.status if newest_end else None) or meta.get("status")
    draft = str(status) in ("draft", "unreleased") or bool(newest_end and newest_end.unreleased)
    if newest_end is not None and newest_end.unreleased:
        row(w["status"], phrase(lang, "unreleased_short"))
    elif status is not None:
        row(w["status"], status_word(lang, status))
    if not draft:  # a draft's dates and approval are still the version's before it
        for key in ("adopted_on", "effective_from"):
            value = meta.get(key)
            if value:
                row(w[key], long_date(lang, str(value)))
    approval = None if draft else get_path(meta, ("approval",))
    row(w["approval"], approval_line(approval, lang, data, adopted=not draft))
    document.add_paragraph()
    document.add_paragraph(w["how"])
