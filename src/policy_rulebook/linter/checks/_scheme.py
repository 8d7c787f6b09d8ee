"""Shared by the reaction-scheme checks (RB7xx): the graph of a document, built once per run."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from policy_rulebook.core.document import Document
from policy_rulebook.core.scheme import Scheme, build

_LAST: list[tuple[Document, Any, Scheme | None]] = []


def scheme_of(document: Document) -> Scheme | None:
    """The scheme of ``document``, built once for the checks of one lint run."""
    reactions = document.sections.get("reactions")
    if _LAST and _LAST[0][0] is document and _LAST[0][1] is reactions:
        return _LAST[0][2]
    scheme = build(document)
    _LAST[:] = [(document, reactions, scheme)]
    return scheme


def node_list(ids: Iterable[str]) -> str:
    return ", ".join(f"`{i}`" for i in ids)
