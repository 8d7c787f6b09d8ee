"""Escaping of policy text, for any text (hypothesis): Mermaid labels stay one valid quoted
string and decode back to the text; Markdown text renders back to exactly the text."""

from __future__ import annotations

import html
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from policy_rulebook.documents.graph import dot_text, mermaid_text
from policy_rulebook.documents.render import markdown_text

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
    inner = rendered[len("<ul>\n<li>"):-len("</li>\n</ul>\n")]
    assert "<" not in inner.replace("&lt;", "")  # no element of any kind
    assert html.unescape(inner) == folded
