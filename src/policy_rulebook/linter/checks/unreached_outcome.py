"""RB706 unreached-outcome: every outcome of the reaction scheme is reached.

## What it checks
That each outcome lies at the end of some path from `start`. The message says which steps
lead to it, if any.

## Why
An outcome nobody reaches is advice that the scheme never gives: often a branch names the
wrong outcome (`monitor` where `remove` was meant), or the outcome is left over from an
older version.

## How to fix
Point the right question's `yes:` or `no:` at the outcome, or remove the outcome (and move
its scenarios to the outcome that replaced it).
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _, ngettext
from policy_rulebook.linter.checks._scheme import node_list, scheme_of
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    scheme = scheme_of(document)
    if scheme is None or not scheme.start_known:
        return
    reachable = scheme.reachable()
    for node_id, node in scheme.nodes.items():
        if node.kind != "outcome" or node_id in reachable:
            continue
        before = scheme.predecessors(node_id)
        why = (
            ngettext(
                "only {before} leads to it, and it is not reachable from the start",
                "only {before} lead to it, and they are not reachable from the start",
                len(before),
            ).format(before=node_list(before))
            if before
            else _("no yes or no leads to it")
        )
        yield CHECK.finding(
            document,
            node.ptr,
            _(
                "the outcome `{node_id}` is never reached: {why}; point a branch at it or remove it"
            ).format(node_id=node_id, why=why),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB706",
    name="unreached-outcome",
    severity=Severity.ERROR,
    summary=N_("an outcome of the reaction scheme lies at the end of no path"),
    run=run,
    bad="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: respond, no: let-stand}
        - {id: respond, outcome: Reageer.}
        - {id: let-stand, outcome: Laat staan.}
        - {id: remove, outcome: Verwijder het bericht.}
    """,
    good="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: respond, no: remove}
        - {id: respond, outcome: Reageer.}
        - {id: remove, outcome: Verwijder het bericht.}
    """,
)
