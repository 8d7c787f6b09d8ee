"""RB707 scenario-off-path: every scenario belongs to a step that the scheme reaches.

## What it checks
That the `node:` of each scenario names a step of the reaction scheme that lies on a path
from `start`. (A `node:` that names no step at all is RB202; a scenario without an answer in
every declared language is RB301, like every other text.)

## Why
`rulebook react` and the rendered policy show a scenario beside the steps a colleague passes.
A scenario tied to a step nobody reaches is never shown where it helps.

## How to fix
Tie the scenario to the question or outcome it illustrates (`node: monitor`), or make that
step reachable.
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
    if scheme is None or not scheme.start_known:
        return
    reachable = scheme.reachable()
    for scenario in scheme.scenarios:
        if scenario.node in scheme.nodes and scenario.node not in reachable:
            yield CHECK.finding(
                document,
                f"{scenario.ptr}/node",
                _(
                    "the scenario `{id}` belongs to `{node}`, which no path from the start "
                    "`{start}` reaches, so nobody following the scheme sees it: tie it to a "
                    "step on the way, or make that step reachable"
                ).format(id=scenario.id, node=scenario.node, start=scheme.start),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB707",
    name="scenario-off-path",
    severity=Severity.WARNING,
    summary=N_("a scenario belongs to a step of the reaction scheme that no path reaches"),
    run=run,
    bad="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: respond, no: let-stand}
        - {id: respond, outcome: Reageer.}
        - {id: let-stand, outcome: Laat staan.}
        - {id: remove, outcome: Verwijder het bericht.}
      scenarios:
        - id: spam
          title: Spam
          question: Win een gratis tablet!
          answer: We verwijderen het bericht.
          node: remove
    """,
    good="""
    reactions:
      start: about-us
      nodes:
        - {id: about-us, question: Gaat het over ons?, yes: respond, no: remove}
        - {id: respond, outcome: Reageer.}
        - {id: remove, outcome: Verwijder het bericht.}
      scenarios:
        - id: spam
          title: Spam
          question: Win een gratis tablet!
          answer: We verwijderen het bericht.
          node: remove
    """,
)
