"""Article numbers of the printed policy (1, 1.1, 2.1.3, ...), the same in HTML, PDF and Word.

The numbers come from the order of the sections and of the items in them, never from what
happens to be present: each section has a fixed number (1 brand ... 8 channels, also when an
earlier section is missing), each list within a section a fixed sub-number, and an item its
position in its list. So a version that only adds items at the end of lists keeps every
existing number, and legal can cite "article 3.2" across versions (docs/documents.md).
"""

from __future__ import annotations

from typing import Any

#: The fixed number of each section.
SECTION_NUMBERS: dict[str, int] = {
    "brand": 1,
    "conduct": 2,
    "legal": 3,
    "contact": 4,
    "roles": 5,
    "reactions": 6,
    "house_rules": 7,
    "channels": 8,
}

#: The lists of items, with their fixed sub-number (None: the items are numbered directly
#: under the section, as 3.1, 3.2 for the legal items).
LISTS: dict[tuple[str, ...], int | None] = {
    ("brand", "values"): 1,
    ("brand", "tone_of_voice", "principles"): 2,
    ("conduct", "dos"): 1,
    ("conduct", "donts"): 2,
    ("legal", "items"): None,
    ("contact", "escalation"): None,
    ("roles", "team"): 1,
    ("roles", "tasks"): 2,
    ("reactions", "nodes"): 1,
    ("reactions", "scenarios"): 2,
    ("house_rules", "rules"): None,
    ("channels", "accounts"): None,
}


def list_number(path: tuple[str, ...]) -> str:
    """The number of a list's heading (``2.1`` for the do's), or the section's (``3``)."""
    section = str(SECTION_NUMBERS[path[0]])
    sub = LISTS[path]
    return section if sub is None else f"{section}.{sub}"


def numbers(data: dict[str, Any]) -> dict[str, str]:
    """``{"conduct/dos/<id>": "2.1.3", ...}``: the number of every item with an id."""
    found: dict[str, str] = {}
    for path in LISTS:
        node: Any = data
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if not isinstance(node, list):
            continue
        prefix = list_number(path)
        for index, item in enumerate(node, start=1):
            if isinstance(item, dict) and item.get("id") is not None:
                found[f"{'/'.join(path)}/{item['id']}"] = f"{prefix}.{index}"
    return found
