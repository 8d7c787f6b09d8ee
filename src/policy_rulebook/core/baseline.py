"""The base revision that ``rulebook lint --base REV`` compares with, as plain data.

The app layer reads it from git; checks (RB901-RB903) and ``--changed-only`` only see this
record, so they run, are selected, suppressed and given severities like every other check.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: The meta keys that record a version's life (when and how it applies), not what it says:
#: changing them is not a change of content.
LIFECYCLE_KEYS = ("version", "status", "adopted_on", "approval", "effective_from", "review_by")
#: The statuses of a version (``meta.status``): a draft collects changes until it is adopted.
DRAFT, ADOPTED, REPEALED = "draft", "adopted", "repealed"

#: How a contributor marks a change (commit trailer ``Policy-Change: editorial|material``).
EDITORIAL, MATERIAL = "editorial", "material"
#: Keys whose change alters what the policy does, not only how it is worded.
STRUCTURAL = frozenset(
    {
        "yes",
        "no",
        "action",
        "owner",
        "backup",
        "node",
        "house_rules",
        "start",
        "register",
        "applies_to_private_accounts",
        "basis",
        "reference",
        "url",
        "languages",
        "platform",
        "handle",
        "organisation",
    }
)


@dataclass(frozen=True)
class Retired:
    """An item that an earlier version published and a later one removed: its id is retired."""

    version: str
    item: Mapping[str, Any]


@dataclass(frozen=True)
class Baseline:
    """``rev`` as the user named it; ``data`` the rulebook there (plain data); ``version`` its
    ``meta.version``; ``retired`` the retired ids by (kind, id); ``marked`` how commits since the
    base marked changes, by the change's JSON pointer (``editorial`` or ``material``)."""

    rev: str
    data: Mapping[str, Any]
    version: str | None
    retired: Mapping[tuple[str, str], Retired] = field(default_factory=dict)
    marked: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ConfigurationChange:
    """The configuration file ``file`` (as the findings name files) was ``added``, ``changed``
    or ``removed`` since the base revision ``base``; ``line`` is its first line that differs
    (1-based; 1 when removed)."""

    file: str
    base: str
    how: str
    line: int = 1
