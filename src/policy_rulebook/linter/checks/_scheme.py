"""Shared by the reaction-scheme checks (RB7xx): the graph of a document, built once per run."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from policy_rulebook.core.document import Document
from policy_rulebook.core.scheme import Scheme, build


def scheme_of(document: Document) -> Scheme | None:
    """The scheme of ``document``, built once per document (kept in ``Document.derived``,
    with the reactions section it was built from: a new section is a new scheme)."""
    reactions = document.sections.get("reactions")
    cached: tuple[Any, Scheme | None] | None = document.derived.get("scheme")
    if cached is not None and cached[0] is reactions:
        return cached[1]
    scheme = build(document)
    document.derived["scheme"] = (reactions, scheme)
    return scheme


def node_list(ids: Iterable[str]) -> str:
    return ", ".join(f"`{i}`" for i in ids)
