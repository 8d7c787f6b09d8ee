"""Texts and entries -> markdown, html, text or json. Renderers never decide what to say."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence

from policy_rulebook.changelog.model import Entry, Text
from policy_rulebook.changelog.redline import render as render_redline

FORMATS = ("markdown", "html", "text", "json")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def markdown_escape(text: str) -> str:
    """Policy words as inert Markdown on one line (the one escaper, ``core.escape``)."""
    from policy_rulebook.core import escape

    return escape.markdown(text)


def _tag(op: str, words: str) -> str:
    return f"<del>{words}</del>" if op == "-" else f"<ins>{words}</ins>"


def _wdiff(op: str, words: str) -> str:
    return f"[-{words}-]" if op == "-" else f"{{+{words}+}}"


def markdown(texts: Sequence[Text]) -> str:
    parts = []
    for text in texts:
        lines = [f"{'#' * text.level} {markdown_escape(text.title)}", ""]
        if text.intro:
            lines += [markdown_escape(text.intro), ""]
        for block in text.blocks:
            lines += [f"{'#' * (text.level + 1)} {markdown_escape(block.heading)}", ""]
            for item in block.items:
                lines.append(f"- **{markdown_escape(item.lead)}** {markdown_escape(item.text)}")
                for detail in item.details:
                    red = render_redline(detail.segments, _tag, markdown_escape)
                    lines.append(f"  - *{markdown_escape(detail.label)}*: {red}")
            lines.append("")
        if text.closing:
            lines += [markdown_escape(text.closing), ""]
        parts.append("\n".join(lines))
    return "\n".join(parts)


def plain_text(texts: Sequence[Text]) -> str:
    parts = []
    for text in texts:
        lines = [text.title, "=" * len(text.title), ""]
        if text.intro:
            lines += [text.intro, ""]
        for block in text.blocks:
            lines += [block.heading, "-" * len(block.heading)]
            for item in block.items:
                lines.append(f"* {item.lead} {item.text}")
                for detail in item.details:
                    lines.append(f"    {detail.label}: "
                                 f"{render_redline(detail.segments, _wdiff, str)}")
            lines.append("")
        if text.closing:
            lines += [text.closing, ""]
        parts.append("\n".join(lines))
    return "\n".join(parts)


def html_page(texts: Sequence[Text]) -> str:
    lang = texts[0].lang if texts else "en"
    title = html.escape(texts[0].title) if texts else ""
    out = ["<!DOCTYPE html>", f'<html lang="{html.escape(lang)}">', "<head>",
           '<meta charset="utf-8">', f"<title>{title}</title>",
           "<style>del{color:#b31d28}ins{color:#22863a}</style>", "</head>", "<body>"]
    for text in texts:
        out.append("<article>")
        out.append(f"<h{text.level}>{html.escape(text.title)}</h{text.level}>")
        if text.intro:
            out.append(f"<p>{html.escape(text.intro)}</p>")
        for block in text.blocks:
            level = text.level + 1
            out.append(f"<h{level}>{html.escape(block.heading)}</h{level}>")
            out.append("<ul>")
            for item in block.items:
                body = f"<strong>{html.escape(item.lead)}</strong> {html.escape(item.text)}"
                if item.details:
                    body += "<ul>" + "".join(
                        f"<li><em>{html.escape(d.label)}</em>: "
                        f"{render_redline(d.segments, _tag, html.escape)}</li>"
                        for d in item.details) + "</ul>"
                out.append(f"<li>{body}</li>")
            out.append("</ul>")
        if text.closing:
            out.append(f"<p>{html.escape(text.closing)}</p>")
        out.append("</article>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def render_texts(texts: Sequence[Text], fmt: str) -> str:
    if fmt == "html":
        return html_page(texts)
    if fmt == "text":
        return plain_text(texts)
    return markdown(texts)


def json_entries(entries: Sequence[Entry], single: bool) -> str:
    """One diff as ``{"from", "to", "changes"}``, or a changelog as a list of those."""
    payload = entries[0].to_dict() if single else [entry.to_dict() for entry in entries]
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
