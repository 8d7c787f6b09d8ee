"""The loaded rulebook: merged sections plus the position of every key and list item."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from policy_rulebook.core.findings import Finding
from policy_rulebook.core.model import ID_KINDS
from policy_rulebook.core.positions import key_position


@dataclass(frozen=True)
class Position:
    """A place in a file, 1-based. Line 0 means the file as a whole."""

    file: str
    line: int
    column: int


@dataclass(frozen=True)
class Section:
    """A top-level section and where it was defined."""

    name: str
    file: str
    line: int
    column: int
    node: Any


@dataclass(frozen=True)
class SourceFile:
    """One YAML file of the rulebook, with its text (kept for suppressions and formatting)."""

    name: str
    text: str


def escape_token(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer(*tokens: str | int) -> str:
    """A JSON pointer (RFC 6901) from its tokens: ``pointer("conduct", "dos", 2)``."""
    return "".join("/" + escape_token(t) for t in tokens)


def split_pointer(ptr: str) -> list[str]:
    return [unescape_token(t) for t in ptr.split("/")[1:]] if ptr else []


@dataclass
class Document:
    """A rulebook as loaded from one directory or file.

    ``data`` maps each section name to its ruamel node (a ``dict`` subclass for a well-formed
    section). ``problems`` holds what the loader found (syntax errors, duplicate keys, ...).
    """

    source: str
    files: list[SourceFile] = field(default_factory=list)
    sections: dict[str, Section] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)
    broken_files: list[str] = field(default_factory=list)
    #: What checks derive from the sections, computed once per document (every text, for
    #: three checks); a loaded document's sections are never changed.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def data(self) -> dict[str, Any]:
        return {name: section.node for name, section in self.sections.items()}

    def get(self, *keys: str) -> Any:
        """The value at a path of keys, or None where any step is missing or not a mapping."""
        if not keys or keys[0] not in self.sections:
            return None
        node: Any = self.sections[keys[0]].node
        for key in keys[1:]:
            if not isinstance(node, dict):
                return None
            node = node.get(key)
        return node

    @property
    def languages(self) -> list[str]:
        """The declared languages, primary first; ``[]`` when undeclared or malformed."""
        value = self.get("meta", "languages")
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [str(v) for v in value]
        return []

    @property
    def primary_language(self) -> str | None:
        langs = self.languages
        return langs[0] if langs else None

    def file_of(self, ptr: str) -> str:
        tokens = split_pointer(ptr)
        if tokens and tokens[0] in self.sections:
            return self.sections[tokens[0]].file
        return self.files[0].name if self.files else self.source

    def position(self, ptr: str) -> Position:
        """Where the node at a JSON pointer is written; the nearest existing ancestor if absent.

        For a mapping entry this is the key (the line a person looks for), for a list item
        the item itself.
        """
        return self.position_at(*split_pointer(ptr))

    def position_at(self, *tokens: str | int) -> Position:
        """``position(pointer(*tokens))`` without writing the pointer and splitting it again
        (the document model asks for every item's)."""
        section = self.sections.get(str(tokens[0])) if tokens else None
        if section is None:
            return Position(self.files[0].name if self.files else self.source, 0, 0)
        line, column = section.line, section.column
        node: Any = section.node
        for item in tokens[1:]:
            token = str(item)
            if isinstance(node, dict) and token in node:
                where = key_position(node, token)
                if where:
                    line, column = where
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                lc = getattr(node, "lc", None)
                where = lc.item(int(token)) if lc is not None else None
                if where:
                    line, column = where[0] + 1, where[1] + 1
                node = node[int(token)]
            else:
                break
        return Position(section.file, line, column)

    def iter_list(self, path: Sequence[str]) -> Iterator[tuple[str, int, Any]]:
        """Each item of the list at ``path`` as (pointer of the item, index, item)."""
        value = self.get(*path)
        if isinstance(value, list):
            prefix = pointer(*path)  # once, not per item (a list of 20,000)
            for index, item in enumerate(value):
                yield f"{prefix}/{index}", index, item

    def iter_kind(self, kind: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every mapping item of an id kind (see ``model.ID_KINDS``) with its pointer."""
        for path in ID_KINDS[kind]:
            for ptr, _, item in self.iter_list(path):
                if isinstance(item, dict):
                    yield ptr, item

    def ids(self, kind: str) -> set[str]:
        return {item["id"] for _, item in self.iter_kind(kind) if isinstance(item.get("id"), str)}


def text_for(value: Any, language: str | None, primary: str | None) -> str | None:
    """The text of a localized value in one language; a plain string is the primary language."""
    if isinstance(value, str):
        return str(value) if language is None or language == primary else None
    if isinstance(value, dict):
        if language is None:
            language = primary
        found = value.get(language)
        return str(found) if isinstance(found, str) else None
    return None


def text_or_primary(value: Any, language: str | None, primary: str | None) -> str | None:
    """The text in ``language``, or else in the primary language (what people are shown)."""
    found = text_for(value, language, primary)
    return found if found is not None else text_for(value, None, primary)
