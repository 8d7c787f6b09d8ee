"""RB708 threat-branch: the reaction scheme has a branch for threats and emergencies.

## What it checks
For profiles with public channels (all bundled profiles; see docs/profiles.md): that a node
(question, outcome or its guidance) or a scenario of the reaction scheme deals with threats,
violence or emergencies (`bedreiging`, `geweld`, `noodsituatie`, `112`; `threat`, `violence`,
`emergency`) and escalates them: the same node or scenario names the police, 112/101, the
legal department or escalation, or the question leads to an outcome with `action: escalate`.

## Why
Threats, doxxing and illegal content need another answer than criticism: take a screenshot,
do not engage, escalate to the legal department and, in an emergency, call the police on 101
or 112 (domain brief, "Moderation"; the article's reaction scheme ends in "notify the head
office"). A web care team that follows an ordinary scheme replies to a threat or lets it
stand.

## How to fix
Add a question such as "Bevat het bericht een bedreiging of een noodsituatie?" whose yes-branch
ends in an outcome with `action: escalate`: "Neem een schermafbeelding, reageer niet, verwittig
de dienst Juridische Zaken; bel 112 bij acuut gevaar."
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._words import all_texts, mentions
from policy_rulebook.linter.checks.base import Check, Context, make_check


def _handles_threats(item: dict[str, Any], nodes: dict[str, dict[str, Any]]) -> bool:
    text = all_texts({k: v for k, v in item.items() if k not in ("id", "yes", "no", "node")})
    if not mentions(text, None, "threat"):
        return False
    if mentions(text, None, "escalation") or item.get("action") == "escalate":
        return True
    target = nodes.get(str(item.get("yes", "")), {})
    return target.get("action") == "escalate" or bool(
        mentions(all_texts(target), None, "escalation")
    )


def run(document: Document, context: Context) -> Iterable[Finding]:
    if document.get("reactions") is None:
        return
    nodes = {str(node.get("id")): node for _ptr, node in document.iter_kind("node")}
    items = [node for node in nodes.values()] + [
        scenario for _ptr, scenario in document.iter_kind("scenario")
    ]
    if not any(_handles_threats(item, nodes) for item in items):
        ptr = (
            "/reactions/nodes" if document.get("reactions", "nodes") is not None else ("/reactions")
        )
        yield CHECK.finding(
            document,
            ptr,
            _(
                "the reaction scheme has no branch for threats or emergencies: add a question "
                '("does the post contain a threat or an emergency?") that leads to an outcome '
                "with `action: escalate`: take a screenshot, do not engage, alert the legal "
                "department, call 112 in an emergency"
            ),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB708",
    name="threat-branch",
    severity=Severity.WARNING,
    summary=N_("the reaction scheme has no branch for threats or emergencies"),
    run=run,
    bad="""
    reactions:
      start: discovered
      nodes:
        - id: discovered
          question: {nl: Gaat het bericht over de stad?, en: Is the post about the city?}
          yes: respond
          no: let-stand
        - id: respond
          outcome: {nl: Reageer vriendelijk., en: Respond kindly.}
          action: respond
        - id: let-stand
          outcome: {nl: Laat het bericht staan., en: Let the post stand.}
          action: let-stand
    """,
    good="""
    reactions:
      start: threat
      nodes:
        - id: threat
          question:
            nl: Bevat het bericht een bedreiging of een noodsituatie?
            en: Does the post contain a threat or an emergency?
          yes: escalate
          no: discovered
        - id: escalate
          outcome:
            nl: Neem een schermafbeelding, reageer niet, bel 112 bij acuut gevaar.
            en: Take a screenshot, do not engage, call 112 in acute danger.
          action: escalate
        - id: discovered
          question: {nl: Gaat het bericht over de stad?, en: Is the post about the city?}
          yes: respond
          no: let-stand
        - id: respond
          outcome: {nl: Reageer vriendelijk., en: Respond kindly.}
          action: respond
        - id: let-stand
          outcome: {nl: Laat het bericht staan., en: Let the post stand.}
          action: let-stand
    """,
)
