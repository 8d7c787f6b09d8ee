"""RB201 duplicate-id: every id is unique within its kind.

## What it checks
That no two items of the same kind share an id: two rules (do's and don'ts together), two legal
items, two roles, two tasks, two nodes of the reaction scheme, two scenarios, two house rules...

## Why
The id is a rule's identity across versions: the changelog matches old and new by id, and
references (a task's owner, a branch of the reaction scheme) point at ids. Two items with one
id make both ambiguous.

## How to fix
Give one of them a new id that says what it is about, e.g. `share-passwords-never`.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.model import ID_KINDS, KIND_NAMES
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    for kind in ID_KINDS:
        first_seen: dict[str, str] = {}
        for ptr, item in document.iter_kind(kind):
            item_id = item.get("id")
            if not isinstance(item_id, str):
                continue
            if item_id in first_seen:
                where = document.position(first_seen[item_id])
                yield CHECK.finding(
                    document,
                    ptr + "/id",
                    _(
                        "the id `{item_id}` is already used by another {kind} at "
                        "{file}:{line}: every {kind} needs its own id"
                    ).format(
                        item_id=item_id, kind=_(KIND_NAMES[kind]), file=where.file, line=where.line
                    ),
                )
            else:
                first_seen[item_id] = ptr


CHECK: Check = make_check(
    __doc__,
    code="RB201",
    name="duplicate-id",
    severity=Severity.ERROR,
    summary=N_("two items of the same kind share an id"),
    run=run,
    bad="""
    conduct:
      dos:
        - id: be-polite
          text: Wees beleefd.
      donts:
        - id: be-polite
          text: Scheld niet.
    """,
    good="""
    conduct:
      dos:
        - id: be-polite
          text: Wees beleefd.
      donts:
        - id: no-swearing
          text: Scheld niet.
    """,
)
