"""RB202 unresolved-reference: every reference points at an id that exists.

## What it checks
That each reference names an existing item: a task's `owner` and `backup` and a channel's
`owner` name a role of `roles.team`; the reaction scheme's `start` and each `yes`/`no` name a
node; a scenario's `node` names a node and its `house_rules` name house rules. When the target
section is missing altogether, only the missing section is reported.

## Why
A task owned by a role that does not exist is a task nobody does; a branch of the reaction
scheme that leads nowhere leaves a colleague stuck in the middle of a heated thread.

## How to fix
Correct the id (the message lists the ids that exist and suggests the closest one), or add
the missing item.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.model import ID_KINDS, KIND_NAMES, REFERENCES, SINGLE_REFERENCES
from policy_rulebook.linter.checks.base import Check, Context, make_check


def _targets(document: Document, kind: str) -> set[str] | None:
    """The ids of a kind, or None when none of its lists' sections exist."""
    if not any(path[0] in document.sections for path in ID_KINDS[kind]):
        return None
    return document.ids(kind)


def _check(
    document: Document, ptr: str, value: Any, kind: str, known: set[str], owner: str
) -> Iterable[Finding]:
    if not isinstance(value, str) or value in known:
        return
    close = difflib.get_close_matches(value, sorted(known), n=1)
    guess = _("did you mean `{id}`? ").format(id=close[0]) if close else ""
    listed = ", ".join(f"`{k}`" for k in sorted(known)[:12]) or _("none yet")
    yield CHECK.finding(
        document,
        ptr,
        _(
            "{owner} refers to the {kind} `{value}`, but no {kind} has that id: "
            "{guess}the ids are {listed}"
        ).format(owner=owner, kind=_(KIND_NAMES[kind]), value=value, guess=guess, listed=listed),
    )


def run(document: Document, context: Context) -> Iterable[Finding]:
    cache: dict[str, set[str] | None] = {}
    for path, field, kind in REFERENCES:
        if kind not in cache:
            cache[kind] = _targets(document, kind)
        known = cache[kind]
        if known is None:
            continue
        for ptr, _index, item in document.iter_list(path):
            if not isinstance(item, dict) or field not in item:
                continue
            owner = _("`{field}` of `{id}`").format(field=field, id=item.get("id", ptr))
            value = item[field]
            if isinstance(value, list):
                for index, entry in enumerate(value):
                    yield from _check(document, f"{ptr}/{field}/{index}", entry, kind, known, owner)
            else:
                yield from _check(document, f"{ptr}/{field}", value, kind, known, owner)
    for path, field, kind in SINGLE_REFERENCES:
        known = cache.get(kind) if kind in cache else _targets(document, kind)
        holder = document.get(*path)
        if known is not None and isinstance(holder, dict) and field in holder:
            yield from _check(
                document, pointer(*path, field), holder[field], kind, known, f"`{field}`"
            )


CHECK: Check = make_check(
    __doc__,
    code="RB202",
    name="unresolved-reference",
    severity=Severity.ERROR,
    summary=N_(
        "a reference (owner, start, yes/no, node, house rule) names an id that does not exist"
    ),
    run=run,
    bad="""
    roles:
      team:
        - id: webcare
          name: Webcareteam
      tasks:
        - id: online-listening
          name: Online luisteren
          owner: web-care
    """,
    good="""
    roles:
      team:
        - id: webcare
          name: Webcareteam
      tasks:
        - id: online-listening
          name: Online luisteren
          owner: webcare
    """,
)
