"""The policy's languages when ``meta.yaml`` cannot be read: its messages stay in the policy's
language even then (a Dutch policy with a typo in meta.yaml is told about it in Dutch).

First the ``languages:`` line of meta.yaml itself, read as plain text (the YAML error is often
elsewhere in the file; a policy without meta.yaml: of the file that holds ``meta:``); else the
language most texts of the other files name first (``{nl: ..., en: ...}``). Only a language
with a catalogue counts, and a tie decides nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from policy_rulebook.core.i18n import supported

#: ``languages: [nl, en]``, ``languages: nl`` or ``languages:`` followed by ``- nl`` lines.
_FLOW = re.compile(r"^[ \t]*languages:[ \t]*\[?[ \t]*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z]+)?)", re.M)
_BLOCK = re.compile(
    r"^[ \t]*languages:[ \t]*(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*[ \t]*-[ \t]+[\"']?([A-Za-z]{2,3})",
    re.M,
)
_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z]+)?$")


#: A top-level ``meta:`` line: the file that holds the policy's meta when it is not meta.yaml
#: (a policy written in one file).
_META = re.compile(r"^meta:", re.M)


def _meta_texts(path: Path) -> Iterator[str]:
    """The beginning of meta.yaml, else of each file of the policy that holds ``meta:``."""
    from policy_rulebook.core.files import discover
    from policy_rulebook.core.findings import InputError

    try:
        files = discover(path)
    except InputError:
        return
    named = [file for file in files if file.name == "meta.yaml"]
    for file in named or files:
        try:
            text = file.read_text(encoding="utf-8", errors="replace")[:100_000]
        except OSError:
            continue
        if named or len(files) == 1 or _META.search(text):
            yield text


def from_meta_text(path: Path) -> str | None:
    for text in _meta_texts(path):
        for pattern in (_BLOCK, _FLOW):
            found = pattern.search(text)
            if found and supported(found[1]):
                return supported(found[1])
    return None


def _first_keys(node: Any, depth: int = 0) -> Iterator[str]:
    if depth > 12:
        return
    if isinstance(node, dict):
        keys = [str(k) for k in node]
        if (
            keys
            and all(_CODE.match(k) for k in keys)
            and all(isinstance(v, str) for v in node.values())
        ):
            yield keys[0]
            return
        for value in node.values():
            yield from _first_keys(value, depth + 1)
    elif isinstance(node, list):
        for value in node:
            yield from _first_keys(value, depth + 1)


def guess(path: Path, data: dict[str, Any]) -> list[str]:
    """``[language]`` for a policy whose meta.yaml is unreadable, or ``[]`` when unsure."""
    from_meta = from_meta_text(path)
    if from_meta:
        return [from_meta]
    counts = Counter(k for k in _first_keys(data) if supported(k))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return []
    return [ranked[0][0]]
