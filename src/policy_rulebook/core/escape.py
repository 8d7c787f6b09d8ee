"""One escaper per output format, shared by every reporter and document (tested by property).

Policy texts, file names and git data come from many hands: none of them may change the shape
of what we write. Each function takes any ``str`` (lone surrogates from a file name that is not
UTF-8 included) and returns text that its format shows as written:

- ``terminal``: control characters visible (``\\x1b``; C1, bidi overrides, surrogates and
  non-characters as ``\\u009b``), line breaks and tabs kept. ``line``: the same, and the text
  stays on one line (``\\n`` shown as ``\\x0a``). The escapes are valid inside a JSON string.
- ``markdown``: inert inline Markdown on one line (no HTML, links, emphasis, strike-through,
  headings, lists or tables). ``html``: text and attribute values.
- ``github_data`` / ``github_property``: a GitHub Actions workflow command's message and
  properties; the command stays one line whatever the text.
- ``xml``: characters XML 1.0 cannot hold (U+FFFF, surrogates, C0) made visible; ElementTree
  does the rest. ``json_text``: dumped JSON made safe for a terminal and any UTF-8 writer.
- ``uri_path``: a file name as a URI path, its bytes percent-encoded (any file name).

Replaced characters are never dropped silently: each becomes its visible code, so a reader sees
what was there (``\\ud800``).

Fast path: a text that ``str.isprintable`` (no character of Unicode's categories Cc, Cf, Cs,
Co, Cn, Zl, Zp, and no space but U+0020) holds none of the characters the escapers replace, and
is returned as it is without a search.
"""

from __future__ import annotations

import os
import re

#: Surrogates (unencodable), non-characters (U+FFFE/U+FFFF of every plane, U+FDD0-U+FDEF);
#: those of the first plane apart, for ``has_control``'s quick search.
_UNENCODABLE_FIRST_PLANE = r"\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
_UNENCODABLE = _UNENCODABLE_FIRST_PLANE + (
    r"\U0001fffe\U0001ffff\U0002fffe"
    r"\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff\U0005fffe\U0005ffff"
    r"\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff\U0009fffe"
    r"\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    r"\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe"
    r"\U0010ffff"
)
#: What a terminal could act on: C0 (but tab and line feed), DEL and C1 (``\x9b`` is a
#: one-character CSI), line and paragraph separators, bidi embeddings, overrides and isolates
#: (text shown in another order than written), and what cannot be encoded.
_TERMINAL_CONTROLS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_TERMINAL = re.compile(rf"[{_TERMINAL_CONTROLS}{_UNENCODABLE}]")
_LINE = re.compile(rf"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069{_UNENCODABLE}]")
#: Not allowed in XML 1.0 at all, or a non-character.
_XML = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f{_UNENCODABLE}]")
#: What ``json.dumps(ensure_ascii=False)`` leaves raw and a terminal or encoder trips over.
_JSON = re.compile(rf"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069{_UNENCODABLE}]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def visible(character: str) -> str:
    """One character as its code: ``\\x1b`` below U+0020, else ``\\u009b`` / ``\\U0001ffff``."""
    code = ord(character)
    if code < 0x20:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _visible(match: re.Match[str]) -> str:
    return visible(match.group())


def _json_visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # a JSON string escapes astral code points
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"  # as a surrogate pair


def terminal(text: str) -> str:
    """Text for a terminal or a log: control characters visible, line breaks and tabs kept."""
    if text.isprintable():  # the common case, at a tenth of the search's cost
        return text
    return _TERMINAL.sub(_visible, text)


def line(text: str) -> str:
    """Text for one line of a line-based format: as ``terminal``, line breaks visible too."""
    if text.isprintable():
        return text
    return _LINE.sub(_visible, text)


#: ``_TERMINAL`` without the planes above the first: a class of few ranges is searched some six
#: times faster, and only a text with such a character needs the whole class.
_TERMINAL_BMP = re.compile(rf"[{_TERMINAL_CONTROLS}{_UNENCODABLE_FIRST_PLANE}]")
_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")


def has_control(text: str) -> bool:
    """True if ``terminal`` would change the text."""
    if _TERMINAL_BMP.search(text) is not None:
        return True
    return _ASTRAL.search(text) is not None and _TERMINAL.search(text) is not None


def markdown(text: str) -> str:
    """Text as inert Markdown on one line: no HTML (``<``, ``>``, ``&`` as entities), no links,
    emphasis, code or strike-through (their characters backslash-escaped), no headings, lists
    or tables (line breaks become spaces; a list or rule marker at the start is escaped).
    White space at the ends is kept (a redline joins pieces), runs of it become one space."""
    text = line(re.sub(r"\s+", " ", text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    body = text.lstrip(" ")
    lead = text[: len(text) - len(body)]
    if re.match(r"[-+](\s|$)", body) or re.fullmatch(r"[-=\s]+", body):
        return lead + "\\" + body
    number = re.match(r"(\d{1,9})[.)](\s|$)", body)
    if number:
        return f"{lead}{number.group(1)}\\{body[len(number.group(1)) :]}"
    return text


def html(text: str, quote: bool = True) -> str:
    """Text for HTML content or a quoted attribute value; control characters visible."""
    import html as _html  # imported when used: the linter's start-up stays small

    return _html.escape(xml(text), quote=quote)


def github_data(text: str) -> str:
    """The message of a workflow command: one line, no command of its own."""
    return line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_property(text: str) -> str:
    """A property value of a workflow command (``file=``, ``title=``)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def xml(text: str) -> str:
    """Text that XML 1.0 can hold: what it cannot (and non-characters) made visible."""
    if text.isprintable():  # every Word run and HTML text passes here
        return text
    return _XML.sub(_visible, text)


def json_text(dumped: str) -> str:
    """JSON from ``json.dumps(..., ensure_ascii=False)`` made safe to print and encode: the
    characters a terminal acts on or UTF-8 cannot hold become ``\\u`` escapes (still JSON)."""
    return _JSON.sub(_json_visible, dumped)


def clean(text: str) -> str:
    """A value for a structured format (JSON, SARIF): surrogates and non-characters visible,
    every other character kept."""
    return re.sub(f"[{_UNENCODABLE}]", _visible, text)


def uri_path(name: str) -> str:
    """A relative file name as a URI path: its bytes (as the file system has them, so also a
    name that is not UTF-8) percent-encoded, ``/`` kept."""
    from urllib.parse import quote  # imported when used, as above

    try:
        data = os.fsencode(name)  # undoes the surrogateescape of a name read from disk
    except UnicodeEncodeError:  # any other lone surrogate: its (invalid) UTF-8 bytes
        data = name.encode("utf-8", "surrogatepass")
    return quote(data, safe="/")
