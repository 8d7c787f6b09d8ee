"""The printed policy as numbered blocks: built once (``documents.model``), written three times.

A ``Policy`` is a title block (``Fact`` rows) and numbered ``Part`` sections; a part holds
``Heading``, ``Text``, ``Group`` (a list of numbered ``Item`` with labelled ``Field`` values),
``Table`` and ``Figure`` blocks. Every text is a tuple of ``Run``: the words of the policy (or of
the schema's titles, for labels) with at most a link and the language it is written in when
that is not the page's. The Markdown, HTML and Word writers only walk these blocks: a new field
of the policy is added in ``documents.model`` and appears in all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policy_rulebook.core.document import Position


@dataclass(frozen=True)
class Run:
    """A piece of text: ``href`` a safe link (http(s), mailto:, tel: or ``#anchor``); ``lang``
    the language of the words when it is not the page's (an untranslated text)."""

    text: str
    href: str | None = None
    lang: str | None = None


Inline = tuple[Run, ...]


def plain(runs: Inline) -> str:
    return "".join(run.text for run in runs)


@dataclass(frozen=True)
class Field:
    """A labelled value of an item (``Why: ...``); an empty label shows the value alone."""

    key: str
    label: str
    value: Inline


@dataclass(frozen=True)
class Item:
    """A numbered article: its lead (a rule's text, a person's name), then its fields."""

    anchor: str
    number: str | None
    lead: Inline
    fields: tuple[Field, ...] = ()
    source: Position | None = None
    #: "question" / "outcome" for the steps of the scheme; "" otherwise.
    kind: str = ""
    #: A word before the lead ("Question (start):" for a step of the scheme).
    tag: str = ""


@dataclass(frozen=True)
class Heading:
    """A heading inside a part (HTML h3); ``anchor`` its id, ``number`` e.g. ``2.1``."""

    title: str
    number: str | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class Text:
    """A paragraph of the policy's words, with a label or not; ``quote`` for a quoted text."""

    value: Inline
    label: str = ""
    quote: bool = False


@dataclass(frozen=True)
class Group:
    """A list of items. ``style``: ``list`` (rules, values), ``titled`` (each item under its
    own heading: legal items, contacts), ``steps`` (the scheme in words), ``cards`` (scenarios);
    ``kind`` names the list for the page's styles (``dos``, ``donts``)."""

    items: tuple[Item, ...]
    style: str = "list"
    kind: str = ""


@dataclass(frozen=True)
class Row:
    """A row: its head (numbered, in bold; ``detail`` under it) and the other cells."""

    anchor: str
    number: str | None
    head: Inline
    detail: Inline
    cells: tuple[Inline, ...]
    source: Position | None = None


@dataclass(frozen=True)
class Table:
    """A table; ``kind`` names it for the page's styles; ``columns`` starts with the heads'."""

    kind: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    anchor: str = ""


@dataclass(frozen=True)
class Figure:
    """The reaction scheme: its drawing (``documents.layout``; None for a scheme too large to
    draw, issue 24), its Mermaid text (empty but for Markdown) and the sentence that says the
    same steps follow in words (or that the scheme is too large to draw)."""

    title: str
    caption: str
    layout: Any
    mermaid: str
    anchor: str = "h-scheme"


Block = Heading | Text | Group | Table | Figure


@dataclass(frozen=True)
class Part:
    """A numbered section of the policy (``3. Legal do's and don'ts``)."""

    key: str
    number: str
    title: str
    blocks: tuple[Block, ...]
    source: Position | None = None


@dataclass(frozen=True)
class Fact:
    """A row of the title block: ``Version: 1.2.0``; ``date`` the ISO date behind a date."""

    key: str
    label: str
    value: Inline
    date: str | None = None


@dataclass(frozen=True)
class Policy:
    language: str
    title: Inline
    organisation: str
    facts: tuple[Fact, ...]
    summary: Inline
    draft: bool
    footer: str
    parts: tuple[Part, ...]
    #: The page's own words (contents, draft, edit), from ``documents.words.labels``.
    words: dict[str, str] = field(default_factory=dict)
