"""The whole policy as a Word file (``render --format docx``), as printed for the annex.

The same content, order and article numbers (``documents.articles``) as the HTML page and the
PDF; the reaction scheme as a picture (``documents.scheme_picture``) followed by its steps in
words; the version, effective date and approval in the footer of every page; a draft says
DRAFT / ONTWERP in every page's header.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from policy_rulebook.core.document import Document, text_or_primary
from policy_rulebook.core.scheme import Scheme
from policy_rulebook.documents.articles import SECTION_NUMBERS, list_number, numbers
from policy_rulebook.documents.docx_revisions import styled_paragraph
from policy_rulebook.documents.render import email_address, footer_line, labels


def policy_docx(document: Document, scheme: Scheme | None, language: str | None) -> bytes:
    from docx import Document as Word
    from docx.shared import Cm, Pt, RGBColor

    primary = document.primary_language
    lang = language or primary or "en"
    data = document.data
    L = labels(lang)
    num = numbers(data)

    def t(value: Any) -> str:
        return text_or_primary(value, lang, primary) or ""

    word = Word()
    word.core_properties.language = lang
    meta: Mapping[str, Any] = data.get("meta") or {}
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    footer = section.footer.paragraphs[0]
    footer.text = footer_line(data, lang, t)
    footer.runs[0].font.size = Pt(8)
    if meta.get("status") == "draft":
        mark = section.header.paragraphs[0].add_run(L["draft"].upper())
        mark.bold, mark.font.size = True, Pt(28)
        mark.font.color.rgb = RGBColor(0xA0, 0x00, 0x00)
    word.add_heading(t(meta.get("title")) or str(meta.get("organisation", "")), level=0)
    word.add_paragraph(str(meta.get("organisation", "")))
    rows = [
        (L["version"], str(meta.get("version", ""))),
        (L["status"], L.get(str(meta.get("status")), str(meta.get("status", "")))),
    ]
    for key in ("adopted_on", "effective_from", "review_by"):
        if meta.get(key):
            from policy_rulebook.core.dates import long_date

            rows.append((L[key], long_date(lang, str(meta[key]))))
    if meta.get("owner"):
        rows.append((L["owner"], t(meta.get("owner"))))
    table = word.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    if meta.get("summary"):
        word.add_paragraph(t(meta.get("summary")))

    def item(number: str | None, lead: str, *lines: tuple[str, str]) -> None:
        paragraph = styled_paragraph(word)
        if number:
            paragraph.add_run(f"{number}  ").bold = True
        paragraph.add_run(lead).bold = True
        for label, text in lines:
            if text:
                extra = styled_paragraph(word, "List Continue")
                if label:
                    extra.add_run(f"{label}: ").italic = True
                extra.add_run(text)

    def person(p: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(p, Mapping):
            return ()
        return (
            (L["email"], email_address(p["email"]) if p.get("email") else ""),
            (L["phone"], str(p.get("phone") or "")),
            (L["hours"], t(p.get("hours"))),
        )

    for key, number in SECTION_NUMBERS.items():
        part = data.get(key)
        if not isinstance(part, Mapping):
            continue
        word.add_heading(f"{number}. {L[key]}", level=1)
        if part.get("intro"):
            word.add_paragraph(t(part.get("intro")))
        if key == "brand":
            for field in ("mission", "vision", "online_behaviour"):
                if part.get(field):
                    word.add_heading(L[field], level=2)
                    word.add_paragraph(t(part.get(field)))
            if part.get("values"):
                word.add_heading(f"{list_number(('brand', 'values'))} {L['values']}", level=2)
                for v in part["values"]:
                    item(
                        num.get(f"brand/values/{v.get('id')}"),
                        t(v.get("name")),
                        ("", t(v.get("description"))),
                    )
            tone = part.get("tone_of_voice")
            if isinstance(tone, Mapping):
                word.add_heading(
                    f"{list_number(('brand', 'tone_of_voice', 'principles'))} {L['tone_of_voice']}",
                    level=2,
                )
                word.add_paragraph(t(tone.get("description")))
                for p in tone.get("principles") or []:
                    item(
                        num.get(f"brand/tone_of_voice/principles/{p.get('id')}"),
                        t(p.get("text")),
                        (L["example"], t(p.get("example"))),
                    )
        elif key == "conduct":
            capacity = part.get("speaking_capacity")
            if isinstance(capacity, Mapping):
                word.add_heading(L["speaking_capacity"], level=2)
                for field in ("own_name", "on_behalf", "disclaimer"):
                    if capacity.get(field):
                        word.add_paragraph(f"{L[field]}: {t(capacity.get(field))}")
            for name in ("dos", "donts"):
                word.add_heading(f"{list_number(('conduct', name))} {L[name]}", level=2)
                for r in part.get(name) or []:
                    item(
                        num.get(f"conduct/{name}/{r.get('id')}"),
                        t(r.get("text")),
                        (L["why"], t(r.get("rationale"))),
                        (L["example"], t(r.get("example"))),
                    )
        elif key == "legal":
            for entry in part.get("items") or []:
                basis = "; ".join(
                    t(b.get("title")) + (f", {b['reference']}" if b.get("reference") else "")
                    for b in entry.get("basis") or []
                    if isinstance(b, Mapping)
                )
                item(
                    num.get(f"legal/items/{entry.get('id')}"),
                    t(entry.get("topic")),
                    ("", t(entry.get("text"))),
                    (L["basis"], basis),
                    (L["consequence"], t(entry.get("consequence"))),
                    ("", L["private"] + "." if entry.get("applies_to_private_accounts") else ""),
                )
        elif key == "contact":
            for field in ("primary", "backup"):
                p = part.get(field)
                if isinstance(p, Mapping):
                    word.add_heading(L[field], level=2)
                    item(
                        None,
                        str(p.get("name", "")) + (f", {t(p.get('role'))}" if p.get("role") else ""),
                        *person(p),
                    )
            if part.get("escalation"):
                word.add_heading(L["escalation"], level=2)
                for e in part["escalation"]:
                    item(
                        num.get(f"contact/escalation/{e.get('id')}"),
                        f"{t(e.get('topic'))}: {e.get('name', '')}",
                        *person(e),
                    )
        elif key == "roles":
            team = {r.get("id"): t(r.get("name")) for r in part.get("team") or []}
            word.add_heading(f"{list_number(('roles', 'team'))} {L['team']}", level=2)
            for r in part.get("team") or []:
                holder = f" ({r['holder']})" if r.get("holder") else ""
                item(
                    num.get(f"roles/team/{r.get('id')}"),
                    t(r.get("name")) + holder,
                    ("", t(r.get("description"))),
                )
            word.add_heading(f"{list_number(('roles', 'tasks'))} {L['tasks']}", level=2)
            for task in part.get("tasks") or []:
                item(
                    num.get(f"roles/tasks/{task.get('id')}"),
                    t(task.get("name")),
                    ("", t(task.get("description"))),
                    (L["task_owner"], team.get(task.get("owner"), str(task.get("owner", "")))),
                    (L["backup"], team.get(task.get("backup"), str(task.get("backup") or ""))),
                    (L["frequency"], t(task.get("frequency"))),
                )
            if part.get("initiative"):
                word.add_heading(L["initiative"], level=2)
                word.add_paragraph(t(part.get("initiative")))
        elif key == "reactions":
            _reactions(word, part, scheme, lang, L, num, item, t)
        elif key == "house_rules":
            for r in part.get("rules") or []:
                item(
                    num.get(f"house_rules/rules/{r.get('id')}"),
                    t(r.get("category")),
                    ("", t(r.get("text"))),
                    (L["action"], L.get(str(r.get("action")), "")),
                )
        elif key == "channels":
            for a in part.get("accounts") or []:
                item(
                    num.get(f"channels/accounts/{a.get('id')}"),
                    f"{a.get('platform', '')} {a.get('handle', '')}".strip(),
                    (L["purpose"], t(a.get("purpose"))),
                    (L["response_time"], t(a.get("response_time"))),
                )
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _reactions(
    word: Any,
    part: Mapping[str, Any],
    scheme: Scheme | None,
    lang: str,
    L: dict[str, str],
    num: dict[str, str],
    item: Any,
    t: Any,
) -> None:
    from docx.shared import Cm

    from policy_rulebook.documents.graph import answer_words
    from policy_rulebook.documents.layout import drawable, layout
    from policy_rulebook.documents.scheme_picture import scheme_png

    if scheme is not None and scheme.nodes:
        yes, no = answer_words(lang)
        word.add_heading(f"{list_number(('reactions', 'nodes'))} {L['scheme']}", level=2)
        picture = scheme_png(layout(scheme, lang, (yes, no))) if drawable(scheme) else None
        if not drawable(scheme):
            word.add_paragraph(L["too_large"]).runs[0].italic = True
        elif picture is not None:
            word.add_picture(io.BytesIO(picture), width=Cm(16))
            word.add_paragraph(L["scheme_alt"]).runs[0].italic = True
        for node_id, node in scheme.nodes.items():
            number = num.get(f"reactions/nodes/{node_id}")
            if node.kind == "question":
                item(
                    number,
                    t(node.data.get("question")),
                    (L["help"], t(node.data.get("help"))),
                    (yes.capitalize(), scheme.label(node.yes, lang) if node.yes else ""),
                    (no.capitalize(), scheme.label(node.no, lang) if node.no else ""),
                )
            else:
                action = node.data.get("action")
                item(
                    number,
                    t(node.data.get("outcome")),
                    (L["action"], L.get(str(action), str(action or ""))),
                    (L["guidance"], t(node.data.get("guidance"))),
                )
    if part.get("scenarios"):
        word.add_heading(f"{list_number(('reactions', 'scenarios'))} {L['scenarios']}", level=2)
        for s in part["scenarios"]:
            item(
                num.get(f"reactions/scenarios/{s.get('id')}"),
                t(s.get("title")),
                (L["situation"], t(s.get("question"))),
                (L["answer"], t(s.get("answer"))),
            )
