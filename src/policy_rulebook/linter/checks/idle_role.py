"""RB203 idle-role: every role of the team has something to do.

## What it checks
That each role in `roles.team` owns a task, backs up a task or owns a channel. A role that
approves or owns the policy itself is never flagged: it is named in `meta.owner` or
`meta.approval`, or its description says so (`keurt het beleid goed`, `eindverantwoordelijke`;
`approves the policy`, `final responsibility`).

## Why
"Who does what" (element 5 of the article) divides the work so that everyone knows their
part. A role without a task is either a task that was forgotten or a role that no longer
exists.

## How to fix
Give the role a task (`owner:` or `backup:` of a task), or remove the role. If the role
approves the policy (a board, a council), say so in its description.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.model import REFERENCES
from policy_rulebook.linter.checks._words import all_texts, mentions
from policy_rulebook.linter.checks.base import Check, Context, make_check


def _approves_policy(document: Document, role: dict[str, object]) -> bool:
    """Whether the role approves or owns the policy: named in meta.owner / meta.approval, or
    its description says so. Such a role needs no task, and removing it would be bad advice."""
    meta = (
        all_texts(document.get("meta", "owner"))
        + "\n"
        + all_texts(document.get("meta", "approval"))
    )
    names = [str(role.get("id", "")), *all_texts(role.get("name")).splitlines()]
    if any(name.strip() and name.strip().lower() in meta.lower() for name in names):
        return True
    return bool(mentions(all_texts(role.get("description")), None, "approves_policy"))


def run(document: Document, context: Context) -> Iterable[Finding]:
    used: set[str] = set()
    for path, field, kind in REFERENCES:
        if kind != "role":
            continue
        for _ptr, _index, item in document.iter_list(path):
            if isinstance(item, dict) and isinstance(item.get(field), str):
                used.add(item[field])
    for ptr, role in document.iter_kind("role"):
        role_id = role.get("id")
        if (
            isinstance(role_id, str)
            and role_id not in used
            and not _approves_policy(document, role)
        ):
            yield CHECK.finding(
                document,
                ptr,
                _(
                    "the role `{role_id}` has no task: make it the owner or "
                    "backup of a task, or remove it"
                ).format(role_id=role_id),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB203",
    name="idle-role",
    severity=Severity.WARNING,
    summary=N_("a role owns no task, backs up none and owns no channel"),
    run=run,
    bad="""
    roles:
      team:
        - id: webcare
          name: Webcareteam
        - id: intern
          name: Stagiair
      tasks:
        - id: online-listening
          name: Online luisteren
          owner: webcare
    """,
    good="""
    roles:
      team:
        - id: webcare
          name: Webcareteam
        - id: intern
          name: Stagiair
      tasks:
        - id: online-listening
          name: Online luisteren
          owner: webcare
          backup: intern
    """,
)
