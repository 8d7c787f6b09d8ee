"""RB701 second-start: the reaction scheme has one start, and only one.

## What it checks
That every question of `reactions.nodes` other than the `start` is the yes- or no-branch of
some other question. A question that nothing leads to works as a second start: nobody who
follows the scheme from `start` ever gets there. (An outcome that nothing leads to is RB706.)

## Why
A colleague who starts at the first question must be able to reach every question. A second
entry point is usually a branch that was renamed or forgotten.

## How to fix
Point a `yes:` or `no:` of the right question at it, or make it the `start` (and point the
old start from it), or remove it.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._scheme import node_list, scheme_of
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    scheme = scheme_of(document)
    if scheme is None or not scheme.start_known:
        return
    for node_id, node in scheme.nodes.items():
        if node.kind == "outcome" or node_id == scheme.start or scheme.predecessors(node_id):
            continue
        below = sorted(
            scheme.reachable(node_id) - scheme.reachable() - {node_id}, key=list(scheme.nodes).index
        )
        also = _(" (and with it {below})").format(below=node_list(below)) if below else ""
        yield CHECK.finding(
            document,
            node.ptr,
            _(
                "the question `{node_id}` is a second start: no yes or no leads to it, so "
                "nobody who starts at `{start}` ever gets there{also}; point a branch at it, "
                "make it the start, or remove it"
            ).format(node_id=node_id, start=scheme.start, also=also),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB701",
    name="second-start",
    severity=Severity.ERROR,
    summary=N_("a question of the reaction scheme that no branch leads to, besides the start"),
    run=run,
    bad="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: respond, no: let-stand}
        - {id: positive, question: Is het positief?, yes: respond, no: let-stand}
        - {id: respond, outcome: Reageer.}
        - {id: let-stand, outcome: Laat staan.}
    """,
    good="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: positive, no: let-stand}
        - {id: positive, question: Is het positief?, yes: respond, no: let-stand}
        - {id: respond, outcome: Reageer.}
        - {id: let-stand, outcome: Laat staan.}
    """,
)
