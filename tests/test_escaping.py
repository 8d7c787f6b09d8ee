"""Escaping of policy text, for any text (hypothesis): Mermaid labels stay one valid quoted
string and decode back to the text; Markdown text renders back to exactly the text."""

from __future__ import annotations

import html
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from policy_rulebook.documents.graph import dot_text, mermaid_text
from policy_rulebook.documents.markdown_writer import markdown_text

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=120)
NASTY = st.text(st.sampled_from(list("<>&\"'`#|[]()*_~\\!:;{}-=. \n\tajs/")), max_size=80)
ANY = st.one_of(TEXT, NASTY)


def _decode_mermaid(label: str) -> str:
    def one(match: re.Match[str]) -> str:
        body = match.group(1)
        return chr(int(body)) if body.isdigit() else html.unescape(f"&{body};")

    return re.sub(r"#(\w+);", one, label)


@settings(max_examples=300)
@given(ANY)
def test_mermaid_label_is_one_safe_string_that_decodes_back(text: str) -> None:
    label = mermaid_text(text)
    assert not set(label) & set('"<>`|\\\n')
    assert _decode_mermaid(label) == " ".join(text.split())


@settings(max_examples=300)
@given(ANY)
def test_dot_label_has_only_escaped_quotes(text: str) -> None:
    label = dot_text(text)
    unescaped = re.sub(r"\\.", "", label)
    assert '"' not in unescaped and "\n" not in label


@settings(max_examples=300)
@given(ANY)
@example("- a list?")
@example("1. an ordered list?")
@example("12) another one")
@example("+ plus")
@example("---")
@example("=== setext")
@example("# heading")
@example("[link](javascript:alert(1))")
@example("<javascript:alert(1)>")
@example("&lt;script&gt;")
def test_markdown_text_renders_as_exactly_the_text(text: str) -> None:
    folded = " ".join(text.split())
    rendered = MarkdownIt("commonmark", {"html": True}).render(f"- {markdown_text(text)}\n")
    assert rendered.startswith("<ul>\n<li>") and rendered.endswith("</li>\n</ul>\n")
    inner = rendered[len("<ul>\n<li>") : -len("</li>\n</ul>\n")]
    assert "<" not in inner.replace("&lt;", "")  # no element of any kind
    assert html.unescape(inner) == folded


# --- core.escape: one escaper per output format, for any text ---------------------------------

from policy_rulebook.core import escape  # noqa: E402

EVERY = st.text(st.characters(), max_size=80)  # every code point, lone surrogates included
_RAW_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@settings(max_examples=500)
@given(EVERY)
def test_terminal_text_holds_nothing_a_terminal_acts_on(text: str) -> None:
    out = escape.terminal(text)
    assert not _RAW_TERMINAL.search(out)
    out.encode("utf-8")
    assert out.count("\n") == text.count("\n")
    assert escape.terminal(out) == out  # escaping twice changes nothing more


@settings(max_examples=500)
@given(EVERY)
def test_line_stays_one_line(text: str) -> None:
    out = escape.line(text)
    assert len(out.splitlines()) <= 1 and "\n" not in out and "\r" not in out
    out.encode("utf-8")


@settings(max_examples=500)
@given(EVERY)
def test_github_data_is_one_command(text: str) -> None:
    message = escape.github_data(text)
    prop = escape.github_property(text)
    assert len(f"::error file={prop}::{message}".splitlines()) == 1
    assert ":" not in prop and "," not in prop
    message.encode("utf-8")


@settings(max_examples=500)
@given(EVERY)
def test_xml_text_is_well_formed(text: str) -> None:
    import xml.etree.ElementTree as ET

    element = ET.Element("e", value=escape.xml(text))
    element.text = escape.xml(text)
    ET.fromstring(ET.tostring(element, encoding="unicode").encode("utf-8"))


@settings(max_examples=500)
@given(EVERY)
def test_json_text_is_json_and_encodable(text: str) -> None:
    import json

    out = escape.json_text(json.dumps({"v": text}, ensure_ascii=False))
    out.encode("utf-8")
    assert json.loads(out) == {"v": text}


@settings(max_examples=500)
@given(EVERY)
def test_html_has_no_markup(text: str) -> None:
    out = escape.html(text)
    assert not set(out) & set("<>\"'")
    out.encode("utf-8")


@settings(max_examples=500)
@given(EVERY)
def test_uri_path_is_ascii(text: str) -> None:
    assert escape.uri_path(text).isascii()


@settings(max_examples=300)
@given(ANY)
def test_markdown_is_one_inert_line(text: str) -> None:
    out = escape.markdown(text)
    rendered = (
        MarkdownIt("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .render(f"- {out}\n")
    )
    assert rendered.startswith("<ul>\n<li>") and rendered.endswith("</li>\n</ul>\n")
    inner = rendered[len("<ul>\n<li>") : -len("</li>\n</ul>\n")]
    assert "<" not in inner.replace("&lt;", "")


# --- the fast path: a printable text is returned as it is, without a search -------------------


def test_no_printable_character_is_one_an_escaper_replaces() -> None:
    """Over every code point: what ``str.isprintable`` passes, no escaper's pattern matches,
    so returning such a text unsearched is what the search would have returned."""
    printable = "".join(c for c in map(chr, range(0x110000)) if c.isprintable())
    for pattern in (escape._TERMINAL, escape._LINE, escape._XML):
        assert pattern.search(printable) is None


@settings(max_examples=500)
@given(st.one_of(EVERY, TEXT))
def test_the_fast_path_gives_what_the_search_gives(text: str) -> None:
    assert escape.terminal(text) == escape._TERMINAL.sub(escape._visible, text)
    assert escape.line(text) == escape._LINE.sub(escape._visible, text)
    assert escape.xml(text) == escape._XML.sub(escape._visible, text)
