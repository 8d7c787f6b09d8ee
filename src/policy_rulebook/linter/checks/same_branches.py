"""RB702 same-branches: a question's yes and no lead to different steps.

## What it checks
That the `yes:` and `no:` of each question of the reaction scheme name different nodes. (A
question without `yes:` or `no:` is already a schema error, RB102; a branch to an unknown
node is RB202; a branch back to the question itself is a cycle, RB703.)

## Why
If both answers lead to the same step, the question makes no difference: it costs a
colleague time in a heated moment and usually hides a copy-paste slip.

## How to fix
Point one of the branches at the step that answer should lead to, or remove the question
and let the step before it lead straight to the target.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._scheme import scheme_of
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    scheme = scheme_of(document)
    if scheme is None:
        return
    for node_id, node in scheme.nodes.items():
        if node.kind == "question" and node.yes is not None and node.yes == node.no:
            yield CHECK.finding(
                document,
                f"{node.ptr}/no",
                _(
                    "both answers to the question `{node_id}` lead to `{yes}`, so the question "
                    "makes no difference: point yes or no at another step, or remove the "
                    "question"
                ).format(node_id=node_id, yes=node.yes),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB702",
    name="same-branches",
    severity=Severity.WARNING,
    summary=N_("both answers to a question of the reaction scheme lead to the same step"),
    run=run,
    bad="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: respond, no: respond}
        - {id: respond, outcome: Reageer.}
    """,
    good="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: respond, no: let-stand}
        - {id: respond, outcome: Reageer.}
        - {id: let-stand, outcome: Laat staan.}
    """,
)
