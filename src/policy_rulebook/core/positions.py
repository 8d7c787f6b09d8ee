"""Where a key of a mapping read with positions is written, as a 1-based line and column.

Both readers give their mappings ruamel's ``lc`` interface (ruamel's ``CommentedMap`` and
``fastyaml.PlainMap``): ``lc.key(key)`` is the key's 0-based line and column. Findings and
positions count from 1; this one helper does the conversion, so every caller agrees on it.
"""

from __future__ import annotations

from typing import Any


def key_position(mapping: Any, key: Any) -> tuple[int, int] | None:
    """The key's (line, column), 1-based; None when the mapping carries no positions."""
    positions: Any = getattr(mapping, "lc", None)  # ruamel adds it; mypy cannot see it
    where = positions.key(key) if positions is not None else None
    return (where[0] + 1, where[1] + 1) if where else None
