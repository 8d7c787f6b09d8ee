"""RB703 scheme-cycle: the reaction scheme never goes round in a circle.

## What it checks
That no answer leads back to a question already asked on the way: the scheme is a tree-like
graph without cycles. The message names the cycle, e.g. `rager -> misguided -> rager`; a
branch that points at its own question is the cycle `final -> final`.

## Why
A colleague who follows the answers must arrive at an outcome. In a circle the same questions
come back and the scheme gives no advice.

## How to fix
Point the branch that closes the circle at the step that should come next, usually an
outcome such as `let-stand` or `monitor`.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.scheme import format_cycle
from policy_rulebook.linter.checks._scheme import scheme_of
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    scheme = scheme_of(document)
    if scheme is None:
        return
    for cycle in scheme.cycles():
        node = scheme.nodes[cycle[0]]
        last = scheme.nodes[cycle[-2]]
        answers = [a for a, t in scheme.edges(last.id) if t == cycle[0]]
        how = (
            _("answering {answer} at `{node}`").format(answer=answers[0], node=last.id)
            if answers
            else f"`{last.id}`"
        )
        yield CHECK.finding(
            document,
            node.ptr,
            _(
                "the reaction scheme goes round in a circle: {cycle}; {how} leads back to "
                "`{first}`, so a colleague who answers that way never reaches an outcome: "
                "point that branch at the next step"
            ).format(cycle=format_cycle(cycle), how=how, first=cycle[0]),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB703",
    name="scheme-cycle",
    severity=Severity.ERROR,
    summary=N_("answers in the reaction scheme lead round in a circle"),
    run=run,
    bad="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: positive, no: let-stand}
        - {id: positive, question: Is het positief?, yes: respond, no: about-us}
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
