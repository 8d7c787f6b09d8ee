"""The staff announcement as an e-mail message ready to send (``--format eml``, issue 23).

A standards-conforming message (RFC 5322, MIME) from the standard library's ``email`` package:
multipart/alternative with a plain-text part and an HTML part, both UTF-8; a subject naming the
organisation, the policy and the version; ``X-Unsent: 1`` so Outlook opens it as a draft to send.
The HTML has every style inline on its element (Outlook ignores much of a ``<style>`` block),
a table-free single column, and no external resources (no images, fonts or links to load).
From and To are left out unless given (``mail-from`` / ``mail-to`` in the configuration).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from policy_rulebook.changelog.model import Item, Text
from policy_rulebook.changelog.redline import render as render_redline

#: Inline styles per element; a system font stack, dark text, one accent colour.
_FONT = "font-family:Calibri,Arial,Helvetica,sans-serif;color:#1a1a1a"
STYLES = {
    "body": f"{_FONT};font-size:15px;line-height:1.5;margin:0;padding:16px",
    "h1": f"{_FONT};font-size:22px;margin:0 0 12px 0;color:#0b4f8a",
    "h2": f"{_FONT};font-size:17px;margin:20px 0 6px 0;color:#0b4f8a",
    "p": f"{_FONT};font-size:15px;margin:0 0 12px 0",
    "banner": f"{_FONT};font-size:15px;font-weight:bold;color:#a1261b;border:2px solid #a1261b;"
    "padding:6px 10px;margin:0 0 12px 0",
    "ul": "margin:0 0 12px 0;padding-left:22px",
    "li": f"{_FONT};font-size:15px;margin:0 0 8px 0",
    "new": "font-weight:bold;text-decoration:underline",
    "after": "color:#555555",
    "note": "color:#555555;font-style:italic",
}


def _mark(op: str, words: str, escape: Callable[[str], str]) -> str:
    from policy_rulebook.changelog.render import hug

    return hug(words, f'<span style="{STYLES["new"]}">', "</span>", escape)


def _item(item: Item) -> str:
    body = (
        render_redline(item.marked, _mark, html.escape) if item.marked else html.escape(item.text)
    )
    parts = [f"<strong>{html.escape(item.lead)}</strong> {body}"]
    if item.after:
        parts.append(f' <span style="{STYLES["after"]}">{html.escape(item.after)}</span>')
    if item.note:
        parts.append(f' <span style="{STYLES["note"]}">({html.escape(item.note)})</span>')
    return f'<li style="{STYLES["li"]}">{"".join(parts)}</li>'


_LINK = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)]")


def linked(escaped: str) -> str:
    """Web addresses in escaped text as links (a link is no resource: nothing loads)."""
    return _LINK.sub(
        lambda m: f'<a href="{m.group(0)}" style="color:#0b4f8a">{m.group(0)}</a>', escaped
    )


def _paragraphs(text: str) -> list[str]:
    return [part for part in text.split("\n\n") if part]


def html_body(texts: Sequence[Text]) -> str:
    """The HTML part: one self-contained document with inline styles only."""
    lang = texts[0].lang if texts else "en"
    title = texts[0].title if texts else ""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(lang)}">',
        '<head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title></head>",
        f'<body style="{STYLES["body"]}">',
    ]
    for text in texts:
        out.append(f'<h1 style="{STYLES["h1"]}">{html.escape(text.title)}</h1>')
        if text.banner:
            out.append(f'<p style="{STYLES["banner"]}">{html.escape(text.banner)}</p>')
        out += [f'<p style="{STYLES["p"]}">{html.escape(p)}</p>' for p in _paragraphs(text.intro)]
        for block in text.blocks:
            out.append(f'<h2 style="{STYLES["h2"]}">{html.escape(block.heading)}</h2>')
            out.append(f'<ul style="{STYLES["ul"]}">')
            out += [_item(item) for item in block.items]
            out.append("</ul>")
        closing = _paragraphs(text.closing)
        out += [f'<p style="{STYLES["p"]}">{linked(html.escape(p))}</p>' for p in closing]
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def subject(organisation: str, title: str) -> str:
    """The organisation (once), the policy and the version."""
    if organisation and organisation not in title:
        return f"{organisation}: {title}"
    return title


def eml(
    texts: Sequence[Text],
    plain: str,
    organisation: str,
    title: str,
    sender: str | None = None,
    to: str | None = None,
) -> bytes:
    """The message as bytes (CRLF line ends, as a .eml file holds it)."""
    from email.message import EmailMessage
    from email.policy import default

    # RFC 2047-encoded headers (ASCII on the wire) and CRLF line ends, as a .eml file has them
    message = EmailMessage(policy=default.clone(linesep="\r\n"))
    message["Subject"] = subject(organisation, title)
    if sender:
        message["From"] = sender
    if to:
        message["To"] = to
    message["X-Unsent"] = "1"
    message.set_content(plain, subtype="plain", charset="utf-8")
    message.add_alternative(html_body(texts), subtype="html", charset="utf-8")
    message["Content-Language"] = texts[0].lang if texts else "en"  # after set_content
    return message.as_bytes()
