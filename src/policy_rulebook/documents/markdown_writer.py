"""The policy's blocks (``documents.model``) as Markdown: headings, lists, pipe tables, the
scheme as a Mermaid block. Every text goes through ``markdown_text``: policy text can
hold no HTML, links, emphasis or blocks of its own."""

from __future__ import annotations

from typing import Any

from policy_rulebook.documents.blocks import (
    Block,
    Figure,
    Group,
    Heading,
    Inline,
    Item,
    Part,
    Policy,
    Table,
    Text,
)


def markdown_text(value: Any) -> str:
    """Policy text as inert Markdown on one line: no HTML, no links, no emphasis, no blocks.

    ``<``, ``>`` and ``&`` become entities (no raw HTML, no autolinks such as
    ``<javascript:...>``), the characters that start inline syntax are backslash-escaped (no
    ``[text](javascript:...)`` links, no emphasis or code), and line breaks become spaces (no
    headings, lists or tables inside a rule).
    """
    if value is None:
        return ""
    from policy_rulebook.core import escape

    return escape.markdown(" ".join(str(value).split()))


md = markdown_text


def inline(runs: Inline) -> str:
    """The words; a web address is written after its text (Markdown here holds no links)."""
    out = []
    for run in runs:
        # A run keeps the one space at its edges (", " between a name and a role).
        before = " " if run.text[:1].isspace() else ""
        after = " " if run.text[-1:].isspace() and run.text.strip() else ""
        out.append(before + md(run.text) + after)
        if run.href and run.href.startswith(("http://", "https://")) and run.href != run.text:
            out.append(f" ({md(run.href)})")
    return "".join(out)


def markdown(policy: Policy) -> str:
    lines = [f"# {inline(policy.title)}", "", md(policy.organisation), ""]
    lines.append("| " + " | ".join(md(f.label) for f in policy.facts) + " |")
    lines.append("|" + "---|" * len(policy.facts))
    lines.append("| " + " | ".join(inline(f.value) for f in policy.facts) + " |")
    if policy.summary:
        lines += ["", inline(policy.summary)]
    for part in policy.parts:
        lines += _part(part)
    return "\n".join(lines).rstrip("\n") + "\n"


def _part(part: Part) -> list[str]:
    lines = ["", f"## {part.number}. {md(part.title)}"]
    for block in part.blocks:
        lines += ["", *_block(block)]
    return lines


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        number = f"{block.number} " if block.number else ""
        return [f"### {number}{md(block.title)}"]
    if isinstance(block, Text):
        if block.quote:
            return [f"{md(block.label)}:", "", f"> {inline(block.value)}"]
        label = f"{md(block.label)}: " if block.label else ""
        return [label + inline(block.value)]
    if isinstance(block, Group):
        return _group(block)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        return ["```mermaid", block.mermaid.rstrip("\n"), "```"]
    return []


def _lead(item: Item) -> str:
    number = f"{item.number} " if item.number else ""
    tag = f"{md(item.tag)}: " if item.tag else ""
    return f"{number}{tag}{inline(item.lead)}"


def _field_lines(item: Item, indent: str) -> list[str]:
    return [indent + (f"{md(f.label)}: " if f.label else "") + inline(f.value) for f in item.fields]


def _group(group: Group) -> list[str]:
    lines: list[str] = []
    if group.style in ("titled", "cards"):
        level = "####" if group.style == "cards" or group.kind == "people" else "###"
        for item in group.items:
            if lines:
                lines.append("")
            lines += [f"{level} {_lead(item)}"]
            for line in _field_lines(item, ""):
                lines += ["", line]
        return lines
    for item in group.items:
        lines.append(f"- **{_lead(item)}**")
        lines += _field_lines(item, "  ")
    return lines


def _table(table: Table) -> list[str]:
    lines = [
        "| " + " | ".join(md(c) for c in table.columns) + " |",
        "|" + "---|" * len(table.columns),
    ]
    for row in table.rows:
        number = f"{row.number} " if row.number else ""
        head = f"**{number}{inline(row.head)}**" + (f": {inline(row.detail)}" if row.detail else "")
        lines.append("| " + " | ".join([head, *(inline(c) for c in row.cells)]) + " |")
    return lines
