"""Texts and entries -> markdown, html, text or json. Renderers never decide what to say.

Every word of the policy or of git (names, commit subjects) is escaped: ``markdown_escape`` for
Markdown, ``html.escape`` for HTML. The HTML page follows the offline rules of ``render``: one
self-contained file, a Content-Security-Policy of ``default-src 'none'``, inline CSS only, no
external resources, a print style.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from collections.abc import Callable, Sequence
from typing import Any

from policy_rulebook.changelog.model import Entry, Item, Page, Text
from policy_rulebook.changelog.redline import render as render_redline

FORMATS = ("markdown", "html", "text", "json")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def markdown_escape(text: str) -> str:
    """Policy words as inert Markdown on one line (the one escaper, ``core.escape``)."""
    from policy_rulebook.core import escape

    return escape.markdown(text)


def generation_date() -> dt.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` (reproducible builds; the tests set it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def _tag(op: str, words: str, escape: Callable[[str], str]) -> str:
    return f"<del>{escape(words)}</del>" if op == "-" else f"<ins>{escape(words)}</ins>"


def _wdiff(op: str, words: str, escape: Callable[[str], str]) -> str:
    return f"[-{escape(words)}-]" if op == "-" else f"{{+{escape(words)}+}}"


_EDGES = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)


def hug(words: str, open_mark: str, close_mark: str, escape: Callable[[str], str]) -> str:
    """Marks around the words only: punctuation at the edges stays outside ("online,
    **ook niet ...**."), which CommonMark needs to read the bold and readers expect. The words
    are split as written and each part escaped after, so an escape is never cut in two."""
    match = _EDGES.match(words)
    assert match is not None  # the pattern matches any text
    lead, core, tail = match.groups()
    if not core:
        return escape(words)
    return f"{escape(lead)}{open_mark}{escape(core)}{close_mark}{escape(tail)}"


def _strong_md(op: str, words: str, escape: Callable[[str], str]) -> str:
    return hug(words, "**", "**", escape)


def _strong_text(op: str, words: str, escape: Callable[[str], str]) -> str:
    return hug(words, "*", "*", escape)


def _strong_html(op: str, words: str, escape: Callable[[str], str]) -> str:
    return hug(words, f'<strong style="{NEW_WORDS_STYLE}">', "</strong>", escape)


#: New words in a staff announcement: bold and underlined, inline (survives mail clients).
NEW_WORDS_STYLE = "font-weight:bold;text-decoration:underline"


def item_text(item: Item, mark: Any, escape: Any) -> str:
    """An item's words after its lead: the marked text (new words marked) or the plain text,
    then what follows it ("(was: ...)")."""
    body = render_redline(item.marked, mark, escape) if item.marked else escape(item.text)
    return f"{body} {escape(item.after)}".strip() if item.after else body


# -- markdown --------------------------------------------------------------------------------


def _paragraphs(text: str) -> list[str]:
    return [part for part in text.split("\n\n") if part]


def markdown(texts: Sequence[Text]) -> str:
    parts = []
    for text in texts:
        lines = [f"{'#' * text.level} {markdown_escape(text.title)}", ""]
        if text.banner:
            lines += [f"> **{markdown_escape(text.banner)}**", ""]
        for paragraph in _paragraphs(text.intro):
            lines += [markdown_escape(paragraph), ""]
        for block in text.blocks:
            lines += [f"{'#' * (text.level + 1)} {markdown_escape(block.heading)}", ""]
            for item in block.items:
                lines.extend(_markdown_item(item))
            lines.append("")
        for paragraph in _paragraphs(text.closing):
            lines += [markdown_escape(paragraph), ""]
        parts.append("\n".join(lines))
    return "\n".join(parts)


def _markdown_item(item: Item) -> list[str]:
    head = f"- **{markdown_escape(item.lead)}** {item_text(item, _strong_md, markdown_escape)}"
    head = head.rstrip()
    if item.note:
        head += f" · *{markdown_escape(item.note)}*"
    lines = [head]
    lines += [f"  - {markdown_escape(who)}" for who in item.who]
    for detail in item.details:
        red = render_redline(detail.segments, _tag, markdown_escape)
        label = f"*{markdown_escape(detail.label)}*: " if detail.label else ""
        note = f" · *{markdown_escape(detail.note)}*" if detail.note else ""
        lines.append(f"  - {label}{red}{note}")
    return lines


# -- plain text ------------------------------------------------------------------------------


def plain_text(texts: Sequence[Text]) -> str:
    parts = []
    for text in texts:
        lines = [text.title, "=" * len(text.title), ""]
        if text.banner:
            lines += [text.banner, ""]
        for paragraph in _paragraphs(text.intro):
            lines += [paragraph, ""]
        for block in text.blocks:
            lines += [block.heading, "-" * len(block.heading)]
            for item in block.items:
                head = f"* {item.lead} {item_text(item, _strong_text, str)}".rstrip()
                lines.append(head + (f" · {item.note}" if item.note else ""))
                lines += [f"    {who}" for who in item.who]
                for detail in item.details:
                    label = f"{detail.label}: " if detail.label else ""
                    note = f" · {detail.note}" if detail.note else ""
                    red = render_redline(detail.segments, _wdiff, str)
                    lines.append(f"    {label}{red}{note}")
            lines.append("")
        for paragraph in _paragraphs(text.closing):
            lines += [paragraph, ""]
        parts.append("\n".join(lines))
    return "\n".join(parts)


# -- html ------------------------------------------------------------------------------------

_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_CSS = """
  :root { color-scheme: light; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
         sans-serif; color: #1a1a1a; background: #fff; line-height: 1.55; margin: 0; }
  header.doc, main { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }
  header.doc { padding-top: 2rem; padding-bottom: .75rem; border-bottom: 3px solid #0b4f8a; }
  header.doc h1 { font-size: 1.9rem; margin: 0 0 .35rem; }
  header.doc p { margin: .1rem 0; color: #333; }
  article { margin: 2rem 0 3rem; }
  article > h1, article > h2 { font-size: 1.45rem; border-bottom: 1px solid #c8c8c8;
                               padding-bottom: .2rem; }
  article h2 + *, article h3 + * { margin-top: .4rem; }
  h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; color: #0b4f8a; }
  .banner { border: 2px solid #a1261b; color: #a1261b; font-weight: 700; padding: .5rem .75rem;
            border-radius: 4px; }
  ul.changes { list-style: none; padding: 0; margin: 0; }
  ul.changes > li { margin: 0 0 1rem; padding: .45rem .75rem; border-left: 4px solid #9aa5b1;
                    background: #f8f9fb; }
  ul.changes > li.editorial { border-left-color: #c8c8c8; background: #fbfbfb; }
  .lead strong { font-weight: 650; }
  .note { display: inline-block; margin-left: .35rem; padding: 0 .4rem; border-radius: 3px;
          font-size: .85em; font-weight: 400; background: #eceff3; color: #333; }
  .editorial .note { background: #fff4c2; }
  ul.who { list-style: none; margin: .2rem 0 .3rem; padding: 0; font-size: .9em; color: #444; }
  dl.details { margin: .3rem 0 0; }
  dl.details dt { font-size: .85em; color: #555; margin-top: .35rem; }
  dl.details dd { margin: 0 0 0 1rem; }
  del { color: #8b1a10; background: #fde7e4; text-decoration: line-through; }
  ins { color: #14532d; background: #dcf5e3; text-decoration: underline; }
  footer.doc { max-width: 52rem; margin: 0 auto 2rem; padding: 0 1.25rem; color: #555;
               font-size: .85em; }
  @media print {
    body { font-size: 10.5pt; }
    header.doc { border-bottom: 2px solid #000; }
    article { break-before: page; page-break-before: always; }
    article:first-of-type { break-before: auto; page-break-before: auto; }
    ul.changes > li { break-inside: avoid; page-break-inside: avoid; background: none;
                      border-left-color: #000; }
    h2, h3 { break-after: avoid; page-break-after: avoid; }
    del { color: #000; background: none; }
    ins { color: #000; background: none; }
    .note { border: 1px solid #000; background: none; }
  }
"""


def _html_item(item: Item) -> str:
    css = ' class="editorial"' if item.editorial else ""
    out = [
        f"<li{css}>",
        f'<div class="lead"><strong>{html.escape(item.lead)}</strong> '
        + item_text(item, _strong_html, html.escape),
    ]
    if item.note:
        out.append(f' <span class="note">{html.escape(item.note)}</span>')
    out.append("</div>")
    if item.who:
        out.append(
            '<ul class="who">' + "".join(f"<li>{html.escape(w)}</li>" for w in item.who) + "</ul>"
        )
    if item.details:
        out.append(
            '<dl class="details">'
            + "".join(
                (f"<dt>{html.escape(d.label)}</dt>" if d.label else "")
                + f"<dd>{render_redline(d.segments, _tag, html.escape)}"
                + (f' <span class="note">{html.escape(d.note)}</span>' if d.note else "")
                + "</dd>"
                for d in item.details
            )
            + "</dl>"
        )
    out.append("</li>")
    return "".join(out)


def html_page(texts: Sequence[Text], page: Page | None = None) -> str:
    lang = texts[0].lang if texts else "en"
    page = page or Page(texts[0].title if texts else "")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        f"<title>{html.escape(page.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        '<header class="doc">',
        f"<h1>{html.escape(page.title)}</h1>",
    ]
    out += [f"<p>{html.escape(line)}</p>" for line in page.lines]
    out += ["</header>", "<main>"]
    for text in texts:
        level = min(text.level + 1, 6) if text.level == 1 else text.level
        out.append("<article>")
        out.append(f"<h{level}>{html.escape(text.title)}</h{level}>")
        if text.banner:
            out.append(f'<p class="banner">{html.escape(text.banner)}</p>')
        out += [f"<p>{html.escape(p)}</p>" for p in _paragraphs(text.intro)]
        for block in text.blocks:
            out.append(f"<section><h3>{html.escape(block.heading)}</h3>")
            out.append('<ul class="changes">')
            out += [_html_item(item) for item in block.items]
            out.append("</ul></section>")
        out += [f"<p>{html.escape(p)}</p>" for p in _paragraphs(text.closing)]
        out.append("</article>")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def render_texts(texts: Sequence[Text], fmt: str, page: Page | None = None) -> str:
    if fmt == "html":
        return html_page(texts, page)
    if fmt == "text":
        return plain_text(texts)
    return markdown(texts)


def output(
    entries: Sequence[Entry],
    fmt: str,
    audience: str,
    lang: str,
    single: bool = False,
    link: str | None = None,
) -> str:
    """What ``diff`` (one entry, ``single``) and ``changelog`` print: JSON, or the texts for
    the audience in ``lang`` (an HTML page headed by the policy's title, versions and date);
    ``link``: the policy page the staff announcement links to."""
    from policy_rulebook.changelog import announce, legal
    from policy_rulebook.changelog.staff import staff
    from policy_rulebook.core.dates import long_date

    if fmt == "json":
        return json_entries(entries, single, lang, audience)
    if audience == "staff":
        texts = [staff(entry, lang, link) for entry in entries]
    else:
        texts = [legal.legal(entry, lang) for entry in entries]
    page = None
    if fmt == "html":
        page = announce.page(
            list(entries), lang, audience, long_date(lang, generation_date().isoformat())
        )
    return render_texts(texts, fmt, page)


def json_entries(
    entries: Sequence[Entry], single: bool, lang: str | None = None, audience: str = "legal"
) -> str:
    """One diff as ``{"from", "to", "changes", ...}``, or a changelog as a list of those; with
    ``lang``, each entry says its language and audience and each change carries its label in
    that language and whether that audience's text shows it (``shown``)."""
    from policy_rulebook.changelog.announce import json_entry
    from policy_rulebook.changelog.legal import with_titles

    dicts = [
        with_titles(entry, json_entry(entry, lang, audience), lang, audience)
        if lang
        else entry.to_dict()
        for entry in entries
    ]
    payload = dicts[0] if single else dicts
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
