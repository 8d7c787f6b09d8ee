"""RB203 idle-role: every role of the team has something to do.

## What it checks
That each role in `roles.team` owns a task, backs up a task or owns a channel.

## Why
"Who does what" (element 5 of the article) divides the work so that everyone knows their
part. A role without a task is either a task that was forgotten or a role that no longer
exists.

## How to fix
Give the role a task (`owner:` or `backup:` of a task), or remove the role.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.model import REFERENCES
from policy_rulebook.linter.checks.base import Check, Context, make_check


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
        if isinstance(role_id, str) and role_id not in used:
            yield CHECK.finding(document, ptr,
                                _("the role `{role_id}` has no task: make it the owner or "
                                  "backup of a task, or remove it").format(role_id=role_id))


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
