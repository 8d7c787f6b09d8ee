"""RB204 moderation-owner: someone owns moderation and web care.

## What it checks
That `roles.tasks` has a task about moderation or web care (its id, name or description
speaks of moderating, web care, answering comments or applying the house rules) and that the
task has an `owner`. A task list whose names are still placeholders (`rulebook init`) is
judged once it is written.

## Why
The article's first tasks are "online luisteren" and "vragen opvolgen": without an owner,
comments go unanswered and house rules are applied by nobody, or by whoever happens to see a
post. The domain brief: "Moderation has an owner (webcare or moderator role)".

## How to fix
Add a task such as `moderation` ("Reacties modereren en beantwoorden volgens de huisregels en
het reactieschema") with an `owner:` role, ideally with a `backup:`.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.texts import is_placeholder
from policy_rulebook.linter.checks._words import all_texts, mentions
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    tasks = document.get("roles", "tasks")
    if not isinstance(tasks, list) or any(
        is_placeholder(text)
        for _ptr, task in document.iter_kind("task")
        for text in all_texts(task.get("name")).splitlines()
    ):
        return  # a task list still being written (RB103 says so): judge it once written
    moderation = [
        (ptr, task)
        for ptr, task in document.iter_kind("task")
        if mentions(
            " ".join(
                (
                    str(task.get("id", "")).replace("-", " "),
                    all_texts(task.get("name")),
                    all_texts(task.get("description")),
                )
            ),
            None,
            "moderation",
        )
    ]
    if not moderation:
        yield CHECK.finding(
            document,
            "/roles/tasks",
            _(
                "no task covers moderation or web care: add a task (e.g. `moderation`: answer "
                "comments and apply the house rules) with an `owner:` role"
            ),
        )
        return
    if not any(isinstance(task.get("owner"), str) and task["owner"] for _ptr, task in moderation):
        ptr, task = moderation[0]
        yield CHECK.finding(
            document,
            ptr,
            _(
                "the moderation task `{id}` has no owner: give it an `owner:` role, so that "
                "somebody answers comments and applies the house rules"
            ).format(id=task.get("id", "?")),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB204",
    name="moderation-owner",
    severity=Severity.WARNING,
    summary=N_("no task with an owner covers moderation or web care"),
    run=run,
    bad="""
    roles:
      team:
        - id: communications-officer
          name: Communicatieverantwoordelijke
      tasks:
        - id: manage-figures
          name: Cijfers beheren
          owner: communications-officer
    """,
    good="""
    roles:
      team:
        - id: communications-officer
          name: Communicatieverantwoordelijke
      tasks:
        - id: moderation
          name: Reacties modereren en beantwoorden
          owner: communications-officer
    """,
)
