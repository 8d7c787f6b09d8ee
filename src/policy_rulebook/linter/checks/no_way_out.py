"""RB705 no-way-out: every path through the reaction scheme ends in an outcome.

## What it checks
That from every question reachable from `start`, some sequence of answers leads to an
outcome. It reports the question where a colleague enters a part of the scheme that has no
way out: its questions only lead to each other. (A circle that does have a way out is RB703;
a branch to an unknown node is RB202; a question without both branches is a schema error.)

## Why
A colleague who follows the scheme in a hurry must end with advice. A part of the scheme
without an outcome leaves them answering questions for ever.

## How to fix
Point at least one branch inside that part at an outcome, such as `let-stand` or `monitor`.
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
    order = list(scheme.nodes)
    reachable = scheme.reachable()
    stuck = reachable - scheme.can_end()
    for node_id in sorted(stuck, key=order.index):
        before = scheme.predecessors(node_id)
        if node_id != scheme.start and all(b in stuck for b in before):
            continue  # not where the trap begins
        trapped = sorted(scheme.reachable(node_id), key=order.index)
        how = (
            _("the questions {trapped} only lead to each other").format(trapped=node_list(trapped))
            if len(trapped) > 1
            else _("`{node_id}` only leads to itself").format(node_id=node_id)
        )
        yield CHECK.finding(
            document,
            scheme.nodes[node_id].ptr,
            _(
                "from the question `{node_id}` no answer ever leads to an outcome: {how}; "
                "point a branch at an outcome"
            ).format(node_id=node_id, how=how),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB705",
    name="no-way-out",
    severity=Severity.ERROR,
    summary=N_("from a question of the reaction scheme no path leads to an outcome"),
    run=run,
    bad="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: positive, no: let-stand}
        - {id: positive, question: Is het positief?, yes: facts, no: facts}
        - {id: facts, question: Kloppen de feiten?, yes: positive, no: positive}
        - {id: let-stand, outcome: Laat staan.}
    """,
    good="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: positive, no: let-stand}
        - {id: positive, question: Is het positief?, yes: facts, no: let-stand}
        - {id: facts, question: Kloppen de feiten?, yes: positive, no: let-stand}
        - {id: let-stand, outcome: Laat staan.}
    """,
)
