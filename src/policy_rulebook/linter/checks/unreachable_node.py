"""RB704 unreachable-node: every question can be reached from the start.

## What it checks
That each question of the reaction scheme lies on some path from `start`. This check covers
questions that another question leads to but that still cannot be reached: they hang below a
second start (RB701) or in a circle of their own. The message names the steps that lead to it.
(A question that nothing leads to is RB701; an outcome nobody reaches is RB706.)

## Why
A question that cannot be reached is advice nobody gets. Usually a branch higher up points
at the wrong id.

## How to fix
Point a branch of a reachable question at it, or remove it with the steps below it.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, ngettext
from policy_rulebook.linter.checks._scheme import node_list, scheme_of
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    scheme = scheme_of(document)
    if scheme is None or not scheme.start_known:
        return
    reachable = scheme.reachable()
    for node_id, node in scheme.nodes.items():
        if node.kind == "outcome" or node_id in reachable:
            continue
        before = scheme.predecessors(node_id)
        if before:
            yield CHECK.finding(
                document,
                node.ptr,
                ngettext(
                    "the question `{node_id}` cannot be reached from the start `{start}`: "
                    "only {before} leads to it, and no path from the start goes there; "
                    "point a branch of a reachable question at it, or remove it",
                    "the question `{node_id}` cannot be reached from the start `{start}`: "
                    "only {before} lead to it, and no path from the start goes there; "
                    "point a branch of a reachable question at it, or remove it",
                    len(before),
                ).format(node_id=node_id, start=scheme.start, before=node_list(before)),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB704",
    name="unreachable-node",
    severity=Severity.ERROR,
    summary=N_("a question of the reaction scheme lies on no path from the start"),
    run=run,
    bad="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: respond, no: let-stand}
        - {id: old-question, question: Is het positief?, yes: facts, no: let-stand}
        - {id: facts, question: Kloppen de feiten?, yes: respond, no: let-stand}
        - {id: respond, outcome: Reageer.}
        - {id: let-stand, outcome: Laat staan.}
    """,
    good="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: facts, no: let-stand}
        - {id: facts, question: Kloppen de feiten?, yes: respond, no: let-stand}
        - {id: respond, outcome: Reageer.}
        - {id: let-stand, outcome: Laat staan.}
    """,
)
