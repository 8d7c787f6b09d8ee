"""Version discipline (RB901-RB903) and changed-only filtering, from a diff against a base.

The rule: any change to the policy's content raises ``meta.version``. A wording fix or new
contact details need at least a patch release; a new, removed or moved item, a change to the
legal section, or a change to what an item does (a branch of the reaction scheme, an action, an
owner, ...) need at least a minor release. Changes to ``version``, ``status``, ``adopted_on``,
``effective_from`` and ``review_by`` in meta are not content. An id that was removed stays
retired: using it again for a different item is a finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from policy_rulebook.changelog.diff import RENAME_RATIO, Change, index_items, similarity
from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding
from policy_rulebook.core.i18n import N_, _, ngettext
from policy_rulebook.core.model import KIND_NAMES
from policy_rulebook.linter.checks import retired_id, version_not_raised, version_raise_too_small

#: Meta keys that say when and how a version applies, not what it says.
NOT_CONTENT = frozenset(f"/meta/{key}" for key in
                        ("version", "status", "adopted_on", "effective_from", "review_by"))
#: Keys whose change alters what the policy does, not only how it is worded.
STRUCTURAL = frozenset({
    "yes", "no", "action", "owner", "backup", "node", "house_rules", "start", "register",
    "applies_to_private_accounts", "basis", "reference", "url", "languages", "platform",
    "handle", "organisation",
})
LEVELS = ("none", "patch", "minor", "major")
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$")


def content_changes(changes: Iterable[Change]) -> list[Change]:
    return [c for c in changes if c.path not in NOT_CONTENT]


def needed(change: Change) -> str:
    """The smallest release a change needs: ``patch`` or ``minor``."""
    if change.section == "legal" or change.kind in ("added", "removed", "moved"):
        return "minor"
    if change.section == "contact" and change.item_kind is None:
        return "patch"
    keys = {part for field in change.fields for part in field.split(".")}
    if change.item_kind is None:
        keys.add(change.path.split("/")[-1])
    return "minor" if keys & STRUCTURAL else "patch"


def raise_level(old: str | None, new: str | None) -> str | None:
    """How much a version went up: none, patch, minor or major; None if either is not semver
    or the version went down (``lower``)."""
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


_DESCRIBE = {"added": N_("`{label}` was added ({what})"),
             "removed": N_("`{label}` was removed ({what})"),
             "moved": N_("`{label}` was moved ({what})"),
             "renamed": N_("`{label}` was given a new id ({what})"),
             "changed": N_("`{label}` was changed ({what})")}


def describe(change: Change) -> str:
    kind = change.item_kind or ""
    what = _(KIND_NAMES[kind]) if kind in KIND_NAMES else _("field")
    return _(_DESCRIBE[change.kind]).format(label=change.label, what=what)


def version_findings(document: Document, base_rev: str, changes: Sequence[Change],
                     old_version: str | None, new_version: str | None) -> list[Finding]:
    """RB901 and RB902: the version did not go up, or not enough, for what changed."""
    content = content_changes(changes)
    if not content or old_version is None or new_version is None:
        return []
    level = raise_level(old_version, new_version)
    if level is None:
        return []  # a malformed version is the schema check's finding
    need = max((needed(c) for c in content), key=LEVELS.index)
    example = next(c for c in content if needed(c) == need)
    count = ngettext("{count} change", "{count} changes", len(content)).format(
        count=len(content))
    if level in ("none", "lower"):
        return [version_not_raised.CHECK.finding(
            document, "/meta/version",
            (_("the policy changed since {base} ({count}; {example}) but meta.version is still "
               "{new}: raise it to at least {suggested}") if level == "none" else
             _("the policy changed since {base} ({count}; {example}) but meta.version went down "
               "to {new}: raise it to at least {suggested}")).format(
                base=base_rev, count=count, example=describe(example), new=new_version,
                suggested=suggest(old_version, need)))]
    if LEVELS.index(level) < LEVELS.index(need):
        return [version_raise_too_small.CHECK.finding(
            document, "/meta/version",
            _("meta.version went from {old} to {new} (a {level} release), but {example}, which "
              "needs at least a {need} release: set it to {suggested} or higher").format(
                old=old_version, new=new_version, level=level, example=describe(example),
                need=need, suggested=suggest(old_version, need)))]
    return []


def retired_findings(document: Document, base: dict[str, Any],
                     earlier: Iterable[tuple[str, dict[str, Any]]]) -> list[Finding]:
    """RB903: an id that an earlier version had, that the base no longer has, is used again for
    a different item. ``earlier`` holds (version, content) of every earlier version, oldest
    first (an id that lived only between two versions was never published: it is free)."""
    in_base = index_items(base)
    retired: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    for version, data in earlier:
        for key, located in index_items(data).items():
            if key not in in_base:
                retired[key] = (version, located.item)
    found = []
    for key, located in index_items(_data(document)).items():
        if key in in_base or key not in retired:
            continue
        version, old = retired[key]
        if similarity(_content(old), _content(located.item)) >= RENAME_RATIO:
            continue  # the same item brought back
        found.append(retired_id.CHECK.finding(
            document, located.pointer,
            _("the id `{id}` belonged to another item ({kind}) that was removed (it was last in "
              "version {version}); retired ids stay retired: give this one a new id").format(
                id=key[1], kind=_(KIND_NAMES.get(key[0], key[0])), version=version)))
    return found


def changed_only(findings: Iterable[Finding], changes: Iterable[Change],
                 keep_codes: frozenset[str] = frozenset()) -> list[Finding]:
    """The findings on what was added or changed (or on what holds a change); findings on a
    whole file (no path) and ``keep_codes`` are kept."""
    changes = list(changes)
    inside = [c.path for c in changes if c.kind != "removed"]
    around = [p for c in changes for p in (c.path, c.old_path) if p]
    kept = []
    for finding in findings:
        path = finding.path
        if (not path or finding.code in keep_codes
                or any(path == p or path.startswith(p + "/") for p in inside)
                or any(p.startswith(path + "/") for p in around)):
            kept.append(finding)
    return kept


def _data(document: Document) -> dict[str, Any]:
    from policy_rulebook.changelog.diff import data_of

    return data_of(document)


def _content(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k != "id"}
