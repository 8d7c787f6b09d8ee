"""Version discipline shared by RB901-RB903 and ``--changed-only``: what changed since the base
revision (``Context.baseline``) and how big a release that needs.

The rule: any change to the policy's content raises ``meta.version``. A wording fix, an
editorial change (spelling, punctuation, capitals, spacing; or marked with the commit trailer
``Policy-Change: editorial``) or new contact details need at least a patch release; a new,
removed or moved item, a change to the legal section, or a change to what an item does (a branch
of the reaction scheme, an action, an owner, ...) need at least a minor release. Changes to the
meta keys that record a version's life (``NOT_CONTENT``) are not content.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from policy_rulebook.core.baseline import DRAFT, LIFECYCLE_KEYS, STRUCTURAL, Baseline
from policy_rulebook.core.document import Document
from policy_rulebook.core.i18n import N_, _, current
from policy_rulebook.core.model import KIND_NAMES

if TYPE_CHECKING:  # the comparison itself is imported when a base is given (lint --base)
    from policy_rulebook.core.changes import Delta

#: Meta keys that say when and how a version applies, not what it says.
NOT_CONTENT = frozenset(f"/meta/{key}" for key in LIFECYCLE_KEYS)
LEVELS = ("none", "patch", "minor", "major")
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$")


def changes(document: Document, baseline: Baseline) -> list[Delta]:
    """The changes from the base to the document, computed once per document and base (kept
    in ``Document.derived``)."""
    cached: tuple[Baseline, list[Delta]] | None = document.derived.get("changes")
    if cached is not None and cached[0] is baseline:
        return cached[1]
    from policy_rulebook.core.changes import data_of, deltas

    found = deltas(baseline.data, data_of(document))
    document.derived["changes"] = (baseline, found)
    return found


def content_changes(document: Document, baseline: Baseline) -> list[Delta]:
    return [c for c in changes(document, baseline) if c.path not in NOT_CONTENT]


def marking(delta: Delta, baseline: Baseline) -> str | None:
    return baseline.marked.get(delta.path) or (
        baseline.marked.get(delta.old_path) if delta.old_path else None
    )


def base_is_draft(baseline: Baseline) -> bool:
    """Whether the base carries a draft (``meta.status: draft``): a draft collects changes under
    its number until it is adopted (docs/release-model.md), so no further raise is due."""
    meta = baseline.data.get("meta")
    return isinstance(meta, dict) and meta.get("status") == DRAFT


def needed(delta: Delta, mark: str | None = None) -> str:
    """The smallest release a change needs: ``patch`` or ``minor``."""
    from policy_rulebook.core.changes import is_editorial

    if is_editorial(delta, mark):
        return "patch"
    if delta.section == "legal" or delta.kind in ("added", "removed", "moved"):
        return "minor"
    if delta.section == "contact" and delta.item_kind is None:
        return "patch"
    keys = {part for name in delta.fields for part in name.split(".")}
    if delta.item_kind is None:
        keys.add(delta.path.split("/")[-1])
    return "minor" if keys & STRUCTURAL else "patch"


def raise_level(old: str | None, new: str | None) -> str | None:
    """How much a version went up: none, patch, minor or major (``lower`` when it went down);
    None if either is not semver."""
    a, b = _parse(old), _parse(new)
    if a is None or b is None:
        return None
    if b <= a:
        return "none" if b == a else "lower"
    if b[0] > a[0]:
        return "major"
    return "minor" if b[1] > a[1] else "patch"


def suggest(old: str, level: str) -> str:
    parsed = _parse(old)
    if parsed is None:
        return old
    major, minor, patch = parsed
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def _parse(version: str | None) -> tuple[int, int, int] | None:
    match = _SEMVER.match(version or "")
    if match is None:
        return None
    return int(match[1]), int(match[2]), int(match[3])


def current_version(document: Document) -> str | None:
    meta = document.data.get("meta")
    value = meta.get("version") if isinstance(meta, dict) else None
    return str(value) if value is not None else None


#: What happened to an item, per kind of change, in the reader's language (no article: Dutch
#: and French nouns differ in gender).
_ITEM_CHANGES: dict[str, str] = {
    "added": N_("{what} `{label}` added"),
    "removed": N_("{what} `{label}` removed"),
    "moved": N_("{what} `{label}` moved"),
    "renamed": N_("{what} `{label}` given a new id"),
    "changed": N_("{what} `{label}` changed"),
}
_FIELD_CHANGES: dict[str, str] = {
    "added": N_("{name} (`{label}`) added"),
    "removed": N_("{name} (`{label}`) removed"),
    "moved": N_("{name} (`{label}`) moved"),
    "renamed": N_("{name} (`{label}`) given a new id"),
    "changed": N_("{name} (`{label}`) changed"),
}


def describe(delta: Delta) -> str:
    """One change in words: "do or don't `no-politics` changed", "Title (`meta.title`) changed"."""
    from policy_rulebook.core.labels import dotted, title

    if delta.item_kind in KIND_NAMES:
        return _(_ITEM_CHANGES[delta.kind]).format(
            what=_(KIND_NAMES[delta.item_kind or ""]), label=delta.label
        )
    name = title(current(), dotted(delta.path))
    return _(_FIELD_CHANGES[delta.kind]).format(name=name, label=delta.label)


def changed_only(
    findings: list[Any], document: Document, baseline: Baseline, keep_codes: frozenset[str]
) -> list[Any]:
    """The findings on what was added or changed (or on what holds a change); findings on a
    whole file (no path) and ``keep_codes`` are kept."""
    found = changes(document, baseline)
    inside = [c.path for c in found if c.kind != "removed"]
    around = [p for c in found for p in (c.path, c.old_path) if p]
    return [
        f
        for f in findings
        if not f.path
        or f.code in keep_codes
        or any(f.path == p or f.path.startswith(p + "/") for p in inside)
        or any(p.startswith(f.path + "/") for p in around)
    ]
