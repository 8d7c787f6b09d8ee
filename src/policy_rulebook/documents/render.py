"""``rulebook render``: the whole policy as a document for staff, in Markdown or HTML.

Both walk the numbered blocks of ``documents.model``. Every text of the policy is escaped: in
HTML by Jinja's autoescaping (``templates/policy.html.j2``), in Markdown by
``markdown_writer.markdown_text``, so that ``<script>``, raw HTML and ``javascript:`` links in a
rule come out as inert text. The
HTML is one self-contained file: styles inline, the scheme as inline SVG. With a repository
(``documents.links.Repository``) every article has a link to the web editor at its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from policy_rulebook.core.document import Document, Position
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import _
from policy_rulebook.core.scheme import Scheme
from policy_rulebook.documents.blocks import Inline, Policy, plain

FORMATS = ("markdown", "html")

#: Where an article is written -> the web editor's address there (None: no link).
EditLink = Callable[[Position], str | None]


def render(
    document: Document,
    scheme: Scheme | None,
    output_format: str,
    language: str | None,
    edit: EditLink | None = None,
) -> str:
    from policy_rulebook.documents.model import build

    if output_format not in FORMATS:
        raise InputError(
            _("unknown format `{output_format}`: use {items}").format(
                output_format=output_format, items=", ".join(FORMATS)
            )
        )
    policy = build(document, scheme, language, mermaid=output_format == "markdown")
    if output_format == "html":
        return html(policy, edit)
    from policy_rulebook.documents.markdown_writer import markdown

    return markdown(policy)


def html(policy: Policy, edit: EditLink | None = None) -> str:
    """The page: ``templates/policy.html.j2`` over the blocks."""
    import jinja2
    from markupsafe import Markup

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("policy_rulebook.documents", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    words = policy.words

    def edit_link(source: Position | None) -> Markup:
        url = edit(source) if edit is not None and source is not None else None
        if not url:
            return Markup("")
        return Markup(' <a class="edit" href="{}" title="{}">{}</a>').format(
            url, words["edit_title"], words["edit"]
        )

    def kind_of(block: Any) -> str:
        return type(block).__name__

    def plain_text(runs: Inline) -> str:
        return plain(runs)

    environment.filters["hyphenate"] = _hyphenator(policy.language)
    version = next((plain(f.value) for f in policy.facts if f.key == "version"), "")
    environment.globals.update(
        {"W": words, "edit": edit_link, "kind_of": kind_of, "plain": plain_text}
    )
    template = environment.get_template("policy.html.j2")
    page = template.render({"doc": policy, "version": version})
    # The macros leave empty lines between blocks; HTML folds white space, so they go.
    return re.sub(r"\n[ \t]*(?=\n)", "", page)


#: Words at least this long get soft hyphens in table cells (shorter ones fit any column).
_LONG_WORD = 12


def _hyphenator(language: str) -> Callable[[str], str]:
    """Soft hyphens (U+00AD) at the syllables of long words, for the narrow cells of a table:
    "Communicatie-verantwoordelijke" breaks where Dutch breaks it, on every browser, where
    ``hyphens: auto`` alone depends on the browser having a dictionary for the language
    (headless Chromium on Linux has none and breaks anywhere). Pyphen (LibreOffice's
    dictionaries) comes with the ``pdf`` extra (WeasyPrint uses it); without it the page leaves
    hyphenation to the browser."""
    try:
        import pyphen
    except ImportError:
        return lambda text: text
    if not pyphen.language_fallback(language):
        return lambda text: text
    dictionary = pyphen.Pyphen(lang=language)

    def word(text: str) -> str:
        if len(text) < _LONG_WORD:
            return text
        # Of two breaks one letter apart ("ve-r-ant") the later one ("ver-ant"): the patterns
        # offer both where a compound meets a syllable, and one letter on a line reads badly.
        found = [int(p) for p in dictionary.positions(text)]
        keep = [p for i, p in enumerate(found) if i + 1 == len(found) or found[i + 1] - p > 1]
        for position in reversed(keep):
            text = text[:position] + "\u00ad" + text[position:]
        return text

    def hyphenate(text: str) -> str:
        return " ".join(word(w) for w in text.split(" "))

    return hyphenate
