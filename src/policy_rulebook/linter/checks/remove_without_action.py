"""RB710 outcome-without-action: an outcome that removes or blocks says so in its `action`.

## What it checks
Each outcome of the reaction scheme without an `action`: its text must not tell the moderator
to remove, delete, hide or block (`verwijder`, `verberg`, `blokkeer`; `remove`, `delete`,
`hide`, `block`), unless a negation stands next to the word ("verwijder niets").

## Why
The `action` is what the other checks and the documents read: RB709 and RB805 look for
removals to ask for house rules and a removal procedure, the staff guide shows the action as
a label. A removal written only in the text escapes them all.

## How to fix
Add the action the text describes: `action: remove` (or `hide`, `block`).
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._words import mentions, pattern, versions
from policy_rulebook.linter.checks.base import Check, Context, make_check


def _removes(text: str, language: str) -> bool:
    found = pattern("removal", language)
    block = pattern("block", language)
    for words in (found, block):
        for match in words.finditer(text) if words is not None else ():
            near = text[: match.start()].split()[-3:] + text[match.end() :].split()[:2]
            if not mentions(" ".join(near), language, "negation"):
                return True
    return False


def run(document: Document, context: Context) -> Iterable[Finding]:
    nodes = document.get("reactions", "nodes")
    if not isinstance(nodes, list):
        return
    for index, node in enumerate(nodes):
        if not isinstance(node, dict) or "outcome" not in node or node.get("action"):
            continue
        texts = versions(document, node.get("outcome"))
        if any(_removes(text, language) for language, text in texts.items()):
            yield CHECK.finding(
                document,
                f"/reactions/nodes/{index}",
                _(
                    "the outcome `{id}` tells the moderator to remove or block, but has no "
                    "`action`: add `action: remove` (or `hide`, `block`)"
                ).format(id=node.get("id", "?")),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB710",
    name="outcome-without-action",
    severity=Severity.WARNING,
    summary=N_("an outcome that removes or blocks a post has no action"),
    run=run,
    bad="""
    reactions:
      start: remove
      nodes:
        - id: remove
          outcome: {nl: Verwijder de reactie., en: Delete the comment.}
    """,
    good="""
    reactions:
      start: remove
      nodes:
        - id: remove
          outcome: {nl: Verwijder de reactie., en: Delete the comment.}
          action: remove
    """,
)
