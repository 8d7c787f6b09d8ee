"""``rulebook render``: the policy as one offline HTML file or a Markdown page, every text in
the chosen language, policy text escaped (injection attempts come out inert), atomic -o."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markupsafe import escape

from policy_rulebook.core import loader
from policy_rulebook.core.texts import iter_texts
from tests.helpers import BUNDLED, EXAMPLES, Golden, overlay, run

# Written against the English wording (the bundled policy is Dutch; see test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")

INJECTION = """
conduct:
  speaking_capacity:
    own_name: <script>alert("own")</script>Je spreekt voor jezelf.
    on_behalf: Alleen de woordvoerder.
    disclaimer: Mijn mening.
  dos:
    - id: be-kind
      text: "Wees vriendelijk <script>alert(1)</script> en <img src=x onerror=alert(2)>"
      rationale: "[klik hier](javascript:alert(3)) of <javascript:alert(4)>"
      example: >-
        ![beeld](javascript:alert(5)) <a href="javascript:alert(6)">link</a> **vet** `code`
  donts:
    - id: no-html
      text: "# Geen kop\\n\\n- geen lijst | geen | tabel <iframe src=//evil.example></iframe>"
legal:
  items:
    - id: image-rights
      topic: Portretrecht <b>vet</b>
      text: Vraag toestemming & bewaar ze.
      basis:
        - title: Wetboek <em>Economisch Recht</em>
          reference: art. XI.174
"""


def render(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    result = run(capsys, "render", *args)
    assert (result.code, result.err) == (0, ""), result.err
    return result.out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_holds_every_text_in_the_chosen_language(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Soft hyphens (U+00AD) in the table cells are invisible: the text is the same without them.
    html = render(capsys, str(BUNDLED), "--lang", lang).replace("\u00ad", "")
    document = loader.load(BUNDLED)
    texts = [value[lang] for _, value in iter_texts(document) if isinstance(value, dict)]
    assert len(texts) > 250
    missing = [text for text in texts if str(escape(text)) not in html]
    assert missing == []
    other = "en" if lang == "nl" else "nl"
    dos = document.get("conduct", "dos")
    assert str(escape(dos[0]["text"][other])) not in html
    assert f'<html lang="{lang}">' in html


def test_html_is_one_offline_file(capsys: pytest.CaptureFixture[str]) -> None:
    html = render(capsys, str(BUNDLED))
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r"\bsrc\s*=", html)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "<svg" in html and 'role="img"' in html and '<title id="scheme-title">' in html
    external = re.findall(r'href="(https?://[^"]+)"', html)
    assert external and all(u.startswith("https://") for u in external)  # links, not resources
    assert "default-src 'none'" in html


def test_html_follows_the_articles_order(capsys: pytest.CaptureFixture[str]) -> None:
    html = render(capsys, str(BUNDLED), "--lang", "en")
    headings = re.findall(r'<h2 id="h-([a-z_]+)">', html)
    assert headings == [
        "brand",
        "conduct",
        "legal",
        "contact",
        "roles",
        "reactions",
        "house_rules",
        "channels",
        "distribution",
    ]
    header = html[html.index('<header class="doc">') : html.index("</header>")]
    meta = loader.load(BUNDLED).get("meta")
    for words in (
        f"Version:</span> {meta['version']}",
        f'Adopted on:</span> <time datetime="{meta["adopted_on"]}">',
        f'Effective from:</span> <time datetime="{meta["effective_from"]}">',
        f'Review by:</span> <time datetime="{meta["review_by"]}">',
    ):
        assert words in header
    assert "@media print" in html


def test_scheme_is_drawn_with_every_step(capsys: pytest.CaptureFixture[str]) -> None:
    html = render(capsys, str(BUNDLED), "--lang", "nl")
    svg = html[html.index("<svg") : html.index("</svg>")]
    document = loader.load(BUNDLED)
    nodes = document.get("reactions", "nodes")
    assert svg.count("<rect ") == len(nodes)
    edges = sum(1 for n in nodes if "question" in n) * 2
    assert svg.count('class="edge"') == edges
    assert svg.count(">ja</text>") + svg.count(">nee</text>") == edges
    for node in nodes:
        assert f'href="#step-{node["id"]}"' in svg and f'id="step-{node["id"]}"' in html


def test_long_words_in_table_cells_hyphenate_in_the_pages_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A narrow cell breaks "Verantwoordelijke" at a syllable, with a hyphen, not anywhere."""
    pytest.importorskip("pyphen")
    html = render(capsys, str(BUNDLED), "--lang", "nl")
    tasks = html[html.index('<table class="tasks">') : html.index("</table>")]
    syllables = ["Com", "mu", "ni", "ca", "tie", "ver", "ant", "woor", "de", "lij", "ke"]
    assert "\u00ad".join(syllables) in tasks
    assert "hyphens: auto" in html and '<html lang="nl">' in html
    body = html[html.index("<main") :]
    outside = re.sub(r"<table.*?</table>", "", body, flags=re.S)
    assert "\u00ad" not in outside  # running text and headings stay as written


def test_phone_cards_show_no_empty_labels_and_contents_keep_their_gap(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """On a phone each row is a card whose cells say their column: an empty cell says nothing
    (no "Backup:" with nothing after it); the two columns of the contents keep a gap."""
    html = render(capsys, str(EXAMPLES / "scheme" / "airforce"))
    assert "<td></td>" in html  # the task without a backup
    assert not re.search(r'<td data-label="[^"]*"></td>', html)
    assert "td:empty { display: none; }" in html
    assert re.search(r"nav\.toc ol \{ columns: 2; column-gap: \d", html)
    assert '<li value="9"><a href="#distribution">' in render(capsys, str(BUNDLED))


def test_injection_is_inert_in_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = render(capsys, str(overlay(tmp_path, INJECTION)))
    body = html[html.index("<body>") :]
    assert "<script" not in body and "<img" not in body and "<iframe" not in body
    assert "<b>" not in body and "<em>" not in body
    assert "javascript:" not in re.sub(
        r"&[^;]+;", "", " ".join(re.findall(r'href="([^"]*)"', body))
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;script&gt;alert(&#34;own&#34;)&lt;/script&gt;" in body
    assert "Wetboek &lt;em&gt;Economisch Recht&lt;/em&gt;, art. XI.174" in body


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://www.lindebeek.be/afval", "https://www.lindebeek.be/afval"),
        ("mailto:webcare@lindebeek.be", "mailto:webcare@lindebeek.be"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ('https://x.example/" onmouseover="x', None),
        ("//evil.example", None),
        (None, None),
    ],
)
def test_only_web_and_mail_addresses_become_links(url: str | None, link: str | None) -> None:
    from policy_rulebook.documents.links import safe_url

    assert safe_url(url) == link


def _markdown_html(markdown: str) -> str:
    return str(MarkdownIt("commonmark", {"html": True}).render(markdown))


def test_injection_is_inert_in_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    markdown = render(capsys, str(overlay(tmp_path, INJECTION)), "--format", "markdown")
    html = _markdown_html(markdown)
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "<b>" not in html and "<em>Economisch" not in html
    assert 'href="javascript' not in html.lower() and "<a " not in html
    assert "<code>" not in html.split("<pre>")[0]
    # the words are all still there, as text
    assert "Wees vriendelijk &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[klik hier](javascript:alert(3))" in html
    assert "# Geen kop - geen lijst | geen | tabel" in html
    assert "**vet**" in html


def test_markdown_keeps_headings_lists_and_tables(capsys: pytest.CaptureFixture[str]) -> None:
    markdown = render(capsys, str(BUNDLED), "--format", "markdown", "--lang", "en")
    html = _markdown_html(markdown)
    assert "<h1>Social media policy of Stad Lindebeek</h1>" in html
    assert "<h2>6. How to react</h2>" in html
    assert '<pre><code class="language-mermaid">flowchart TD' in html
    assert "<strong>2.2.1 Never share the passwords" in html  # the same numbers as the page


def test_markdown_golden(capsys: pytest.CaptureFixture[str], golden: Golden) -> None:
    markdown = render(capsys, str(EXAMPLES / "scheme" / "airforce"), "--format", "markdown")
    golden("render-airforce.md", markdown)


def test_output_file_is_written_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "beleid.html"
    target.write_text("old", encoding="utf-8")
    result = run(capsys, "render", str(BUNDLED), "-o", str(target))
    assert (result.code, result.out, result.err) == (0, "", "")
    assert target.read_text(encoding="utf-8") == render(capsys, str(BUNDLED))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["beleid.html"]


def test_output_into_missing_folder_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "render", str(BUNDLED), "-o", str(tmp_path / "nope" / "x.html"))
    assert result.code == 2
    assert "does not exist" in result.err and "Traceback" not in result.err


def test_unknown_language(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "render", str(BUNDLED), "--lang", "de")
    assert result.code == 2 and "not written in `de`" in result.err


def test_policy_with_errors_is_not_rendered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = overlay(tmp_path, "conduct:\n  dos: Wees beleefd.\n")
    result = run(capsys, "render", str(policy), "-o", str(tmp_path / "out.html"))
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("rulebook: error: cannot render a policy with errors: ")
    assert "example.yaml:" in result.err and "run `rulebook lint`" in result.err
    assert not (tmp_path / "out.html").exists()


# -- issue 15: links, accessibility ----------------------------------------------------------


def _edited(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of the bundled policy with one text replaced in one file."""
    import shutil

    target = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, target)
    path = target / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_email_fields_become_one_mailto_link_whatever_was_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from policy_rulebook.documents.links import email_href, safe_url

    assert email_href("a@b.be") == email_href("mailto:a@b.be") == "mailto:a@b.be"
    assert email_href("mailto:mailto:a@b.be") == "mailto:a@b.be"
    assert email_href("niet een adres") is None and email_href("<a@b.be>") is None
    assert safe_url("https://x.be/a") == "https://x.be/a"
    assert safe_url("MAILTO:a@b.be") == "mailto:a@b.be"
    for other in ("javascript:alert(1)", "data:text/html,x", "ftp://x.be", "//x.be", "x.be"):
        assert safe_url(other) is None
    policy = _edited(
        tmp_path, "contact.yaml", "email: lien.verhaegen@", 'email: "mailto:lien.verhaegen@'
    )
    (policy / "contact.yaml").write_text(
        (policy / "contact.yaml")
        .read_text(encoding="utf-8")
        .replace("lindebeek.be\n", 'lindebeek.be"\n', 1),
        encoding="utf-8",
    )
    html = render(capsys, str(policy))
    assert "mailto:mailto:" not in html.lower()
    link = "mailto:lien.verhaegen@lindebeek.be"
    assert f'<a href="{link}">lien.verhaegen@lindebeek.be</a>' in html
    assert '<a href="mailto:jonas.desmet@lindebeek.be">jonas.desmet@lindebeek.be</a>' in html


def test_headings_never_skip_a_level(capsys: pytest.CaptureFixture[str]) -> None:
    html = render(capsys, str(BUNDLED))
    levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, (before, after)


def test_untranslated_text_is_marked_with_its_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = _edited(tmp_path, "roles.yaml", "        en: Communications officer\n", "")
    result = run(capsys, "render", str(policy), "--lang", "en")
    html = result.out
    assert '<html lang="en">' in html, result.err
    assert '<span lang="nl">Communicatieverantwoordelijke</span>' in html
    assert '<span class="num">5.1.2</span> Web care team (' in html


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_scheme_colours_have_enough_contrast_and_the_drawing_a_text_alternative(
    capsys: pytest.CaptureFixture[str],
) -> None:
    html = render(capsys, str(BUNDLED))
    css = html[html.index("<style>") : html.index("</style>")]
    fill = {
        kind: re.search(rf"svg\.scheme rect\.{kind} {{ fill: (#[0-9a-f]{{6}})", css)
        for kind in ("question", "outcome")
    }
    text = re.search(r"svg\.scheme text { fill: (#[0-9a-f]{6})", css)
    label = re.search(r"svg\.scheme \.edge-label {[^}]*fill: (#[0-9a-f]{6})", css)
    assert text and label and all(fill.values())
    for match in fill.values():
        assert match is not None and _contrast(text.group(1), match.group(1)) >= 4.5
    assert _contrast(label.group(1), "#ffffff") >= 4.5
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    # the colours drawn without the style sheet (PDF, image viewers) too
    fills = set(re.findall(r'<rect class="[^"]*" [^>]*fill="(#[0-9a-f]{6})"', svg))
    texts = set(re.findall(r'<text [^>]*fill="(#[0-9a-f]{6})"', svg))
    assert fills and texts
    assert all(_contrast(a, b) >= 4.5 for a in texts for b in fills | {"#ffffff"})
    assert re.search(r'<svg class="scheme"[^>]* width="[\d.]+"', svg)
