"""What the builder of the document model (``documents.model``) works with: the policy's texts
in the chosen language, labels from the schema's titles, article numbers, where each item is
written, links between steps, and the fields of a person."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from policy_rulebook.core.articles import list_number, numbers
from policy_rulebook.core.document import Document, Position, text_for, text_or_primary
from policy_rulebook.core.scheme import Scheme
from policy_rulebook.documents.blocks import Block, Field, Heading, Inline, Item, Run, Text
from policy_rulebook.documents.links import email_address, email_href, tel_href
from policy_rulebook.documents.words import labels


def label(language: str, *path: str | int) -> str:
    """The plain name of a field of the policy, from the schema's titles (the one label table)."""
    from policy_rulebook.core.labels import title

    return title(language, path)


class Context:
    """The document, the language and the lookups every part of the model needs."""

    def __init__(self, document: Document, scheme: Scheme | None, language: str | None) -> None:
        self.document = document
        self.scheme = scheme if scheme is not None and scheme.nodes else None
        self.primary = document.primary_language
        self.asked = language
        self.lang = language or self.primary or "en"
        self.words = labels(self.lang)
        self.num = numbers(document.data)
        self.roles = {r.get("id"): r for _, r in document.iter_kind("role")}
        self.rules = {r.get("id"): r for _, r in document.iter_kind("house-rule")}

    # --- texts ------------------------------------------------------------------------------
    def t(self, value: Any) -> Inline:
        """A text of the policy; marked with the primary language when it stands in for a
        missing translation."""
        found = text_or_primary(value, self.asked, self.primary) or ""
        if not found:
            return ()
        untranslated = (
            self.primary
            and self.primary != self.lang
            and text_for(value, self.asked, self.primary) is None
        )
        return (Run(found, lang=self.primary if untranslated else None),)

    def s(self, value: Any) -> str:
        return "".join(r.text for r in self.t(value))

    def label(self, *path: str | int) -> str:
        return label(self.lang, *path)

    def word(self, key: Any) -> str:
        """An enumerated value (an action, a status) in words; the value itself if unknown."""
        return self.words.get(str(key), str(key)) if key is not None else ""

    def source(self, *tokens: str | int) -> Position | None:
        """Where the node is written (the item's ``- `` line, a key's line); None if unknown."""
        where = self.document.position_at(*tokens)
        return where if where.line else None

    def field(self, key: str, path: tuple[str | int, ...], value: Inline) -> Field | None:
        return Field(key, self.label(*path, key), value) if value else None

    def item(
        self,
        list_path: tuple[str, ...],
        index: int,
        entry: Any,
        lead: Inline,
        fields: Iterable[Field | None],
        anchor: str,
        kind: str = "",
    ) -> Item:
        number = self.num.get(f"{'/'.join(list_path)}/{entry.get('id')}")
        return Item(
            anchor=f"{anchor}-{entry.get('id')}",
            number=number,
            lead=lead,
            fields=tuple(f for f in fields if f is not None and f.value),
            source=self.source(*list_path, index),
            kind=kind,
        )

    def entries(self, *path: str) -> list[tuple[int, dict[str, Any]]]:
        return [
            (index, item)
            for _, index, item in self.document.iter_list(path)
            if isinstance(item, dict)
        ]

    def heading(self, path: tuple[str, ...], anchor: str | None = None) -> Heading:
        return Heading(self.label(*path), list_number(path), anchor)

    def role(self, role_id: Any) -> Inline:
        found = self.roles.get(role_id)
        return self.t(found.get("name")) if found else ((Run(str(role_id)),) if role_id else ())

    def step_link(self, node_id: Any) -> Inline:
        """A step of the scheme by its words, linked to it on the page."""
        if not node_id:
            return ()
        if self.scheme is not None and node_id in self.scheme.nodes:
            return (Run(self.scheme.label(node_id, self.lang), f"#step-{node_id}"),)
        return (Run(str(node_id)),)

    def _role_after(self, p: Mapping[str, Any]) -> Inline:
        role = self.t(p.get("role"))
        return (Run(", "), *role) if role else ()

    @staticmethod
    def _fields(fields: Iterable[Field | None]) -> tuple[Field, ...]:
        return tuple(f for f in fields if f is not None and f.value)

    def _texts(self, data: Mapping[str, Any], key: str, *fields: str) -> list[Block]:
        """Fields that are a paragraph under their own heading (mission, vision, ...)."""
        blocks: list[Block] = []
        for name in fields:
            if data.get(name):
                blocks += [Heading(self.label(key, name)), Text(self.t(data.get(name)))]
        return blocks

    def person(self, path: tuple[str | int, ...], p: Mapping[str, Any]) -> list[Field | None]:
        email = p.get("email")
        phone = str(p.get("phone") or "")
        return [
            self.field(
                "email", path, (Run(email_address(email), email_href(email)),) if email else ()
            ),
            self.field("phone", path, (Run(phone, tel_href(phone)),) if phone else ()),
            self.field("hours", path, self.t(p.get("hours"))),
        ]
