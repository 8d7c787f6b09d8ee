"""The legal redline as a Word document whose changes are real tracked changes.

``changelog --audience legal --format docx`` and ``diff --format docx``. A title page (the
organisation, the policy, the versions compared, their dates, status and approval), then per
version one heading per section in the chosen language, legal first as in the Markdown
redline. Each change is a paragraph saying what it is, who made it, in which commit and when,
marked when it is editorial; under it one paragraph per changed text whose words are tracked
insertions and deletions (``w:ins``/``w:del``) by the author and on the date of the commit that
made the change. Accepting all of them in Word gives the newer version's texts, rejecting them
the older ones. Every text goes through ``escape.xml``: git data (an author name, a commit
subject) may hold control characters that XML 1.0 cannot (issue 24, 12).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from policy_rulebook.changelog.announce import legal, localized, primary_language
from policy_rulebook.changelog.diff import Change
from policy_rulebook.changelog.model import Entry
from policy_rulebook.changelog.phrases import long_date, phrase
from policy_rulebook.core.changes import get_path
from policy_rulebook.core.escape import xml
from policy_rulebook.core.model import SECTIONS
from policy_rulebook.documents.docx_revisions import Revisions, styled_paragraph

#: The words of the document around the policy's own, per language (others: English).
WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "redline": "Wijzigingen met revisiemarkeringen",
        "organisation": "Organisatie",
        "versions": "Versies",
        "version": "Versie",
        "committed": "Vastgelegd op",
        "status": "Status",
        "adopted_on": "Goedgekeurd op",
        "effective_from": "Van kracht vanaf",
        "approval": "Goedkeuring",
        "approval_line": "{decision} door {by} op {date}",
        "approval_missing": "nog niet goedgekeurd",
        "editorial": "redactioneel",
        "uncommitted": "niet gecommit",
        "how": "De wijzigingen staan als revisies in dit document: in Word onder Controleren, "
        "in LibreOffice onder Bewerken > Wijzigingen bijhouden. Alles aanvaarden geeft "
        "de tekst van de nieuwe versie.",
        "draft": "ontwerp",
        "adopted": "goedgekeurd",
        "retired": "ingetrokken",
    },
    "en": {
        "redline": "Changes with tracked revisions",
        "organisation": "Organisation",
        "versions": "Versions",
        "version": "Version",
        "committed": "Committed on",
        "status": "Status",
        "adopted_on": "Adopted on",
        "effective_from": "Effective from",
        "approval": "Approval",
        "approval_line": "{decision} by {by} on {date}",
        "approval_missing": "not approved yet",
        "editorial": "editorial",
        "uncommitted": "not committed",
        "how": "The changes are revisions in this document: in Word under Review, in "
        "LibreOffice under Edit > Track Changes. Accepting all gives the text of the "
        "new version.",
        "draft": "draft",
        "adopted": "adopted",
        "retired": "retired",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang.split("-")[0], WORDS["en"])


def section_order(entry: Entry) -> list[str]:
    """The sections in the order of the legal redline (``announce.legal``): legal first."""
    order = ["legal", *(s for s in SECTIONS if s != "legal")]
    return order + sorted({c.section for c in entry.changes} - set(order))


def ordered_changes(entry: Entry) -> list[Change]:
    return [c for s in section_order(entry) for c in entry.changes if c.section == s]


def redline_docx(entries: Sequence[Entry], lang: str) -> bytes:
    """The Word file (bytes) for ``entries`` (newest first, as the changelog lists them)."""
    from docx import Document as Word
    from docx.enum.text import WD_BREAK

    document = Word()
    newest = entries[0] if entries else None
    data = newest.data if newest else {}
    w = words(lang)
    _title_page(document, entries, data, lang)
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    revisions = Revisions()
    for entry in entries:
        text = legal(entry, lang)
        document.add_heading(xml(text.title), level=1)
        if text.intro:
            document.add_paragraph(xml(text.intro))
        changes = iter(ordered_changes(entry))
        for block in text.blocks:
            document.add_heading(xml(block.heading), level=2)
            for item in block.items:
                change = next(changes)
                lead = styled_paragraph(document, "List Bullet")
                lead.add_run(xml(item.lead)).bold = True
                lead.add_run(xml(f" {item.text}"))
                if getattr(change, "editorial", False):
                    lead.add_run(f" ({w['editorial']})").italic = True
                for line in item.who:  # every commit that touched it: who, which, when, why
                    styled_paragraph(document, "List Continue", xml(line))
                author = change.author or w["uncommitted"]
                for detail in item.details:
                    paragraph = styled_paragraph(document, "List Continue")
                    if detail.label:  # a single value under a lead that names it has none
                        paragraph.add_run(xml(f"{detail.label}: ")).italic = True
                    for segment in detail.segments:
                        if segment.op == "=":
                            paragraph.add_run(xml(segment.text))
                        elif segment.op == "+":
                            revisions.insert(paragraph, segment.text, author, change.date)
                        else:
                            revisions.delete(paragraph, segment.text, author, change.date)
                    if detail.note:
                        paragraph.add_run(xml(f" ({detail.note})")).italic = True
    out = io.BytesIO()
    document.core_properties.title = w["redline"]
    document.core_properties.language = lang
    document.save(out)
    return out.getvalue()


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
    if entries:
        oldest, newest = entries[-1], entries[0]
        first = oldest.old or oldest.new
        row(
            w["versions"],
            phrase(lang, "from_to", old=str(first.version), new=str(newest.new.version))
            if first.version != newest.new.version
            else str(newest.new.version),
        )
        for endpoint in dict.fromkeys([first, newest.new]):
            stamp = long_date(lang, endpoint.date) if endpoint.date else w["uncommitted"]
            commit = f" ({endpoint.commit[:7]})" if endpoint.commit else ""
            row(f"{w['version']} {endpoint.version}", f"{w['committed']} {stamp}{commit}")
    status = meta.get("status")
    if status is not None:
        row(w["status"], w.get(str(status), str(status)))
    for key in ("adopted_on", "effective_from"):
        value = meta.get(key)
        if value:
            row(w[key], long_date(lang, str(value)))
    row(w["approval"], approval_line(meta, lang, data.get("roles")))
    document.add_paragraph()
    document.add_paragraph(w["how"])


def approval_line(meta: dict[str, Any], lang: str, roles: dict[str, Any] | None = None) -> str:
    """``meta.approval`` ({by, decision, date}) in words, the role by its name where ``roles``
    (the policy's ``roles``) has it; "not approved yet" without an approval."""
    w = words(lang)
    approval = get_path(meta, ("approval",))
    if not isinstance(approval, dict) or not approval.get("by"):
        return w["approval_missing"]
    primary = None
    decision = localized(approval.get("decision"), lang, primary) or w["adopted"]
    date = approval.get("date")
    by = str(approval["by"])
    team = roles.get("team") if isinstance(roles, dict) else None
    for role in team if isinstance(team, list) else ():
        if isinstance(role, dict) and role.get("id") == by:
            by = localized(role.get("name"), lang, primary) or by
    line = w["approval_line"].format(
        decision=decision, by=by, date=long_date(lang, str(date)) if date else "?"
    )
    return line[0].upper() + line[1:]
