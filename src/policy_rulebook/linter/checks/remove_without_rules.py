"""RB709 remove-without-rules: a "remove" outcome has house rules to remove by.

## What it checks
That when an outcome of the reaction scheme that a branch leads to removes or hides a post
(`action: remove` or `hide`), the policy has house rules (`house_rules.rules`) with at least
one rule whose action removes, hides or reports a post.

## Why
Removing a visitor's post is only fair, and for a public body only lawful, when the visitor
could know the rule beforehand: the house rules on the page say what gets removed (the
article's example, Stad Antwerpen, publishes them). A scheme that removes without published
rules removes at will, and invites complaints of censorship.

## How to fix
Add `house_rules` with the rules you remove by (each with `action: remove` or `hide`), and
publish them on your pages; or change the outcome to another action.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks.base import Check, Context, make_check

REMOVING = ("remove", "hide")
RULE_ACTIONS = ("remove", "hide", "report")


def run(document: Document, context: Context) -> Iterable[Finding]:
    # An outcome that no branch leads to is RB706's finding, not one to remove by.
    targets = {
        str(node.get(branch))
        for _ptr, node in document.iter_kind("node")
        for branch in ("yes", "no")
    } | {str(document.get("reactions", "start"))}
    removing = [
        (ptr, node)
        for ptr, node in document.iter_kind("node")
        if node.get("action") in REMOVING and str(node.get("id")) in targets
    ]
    if not removing:
        return
    if any(rule.get("action") in RULE_ACTIONS for _ptr, rule in document.iter_kind("house-rule")):
        return
    for ptr, node in removing:
        yield CHECK.finding(
            document,
            f"{ptr}/action",
            _(
                "the outcome `{id}` removes or hides posts, but the policy has no house rule to "
                "remove them by: add `house_rules` with the rules you remove by, and publish "
                "them on your pages"
            ).format(id=node.get("id", "?")),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB709",
    name="remove-without-rules",
    severity=Severity.WARNING,
    summary=N_("an outcome removes posts, but no house rule says what gets removed"),
    run=run,
    bad="""
    # file: reactions.yaml
    reactions:
      start: offensive
      nodes:
        - id: offensive
          question: {nl: Is het bericht kwetsend?, en: Is the post offensive?}
          yes: remove
          no: let-stand
        - id: remove
          outcome: {nl: Verwijder het bericht., en: Remove the post.}
          action: remove
        - id: let-stand
          outcome: {nl: Laat het bericht staan., en: Let the post stand.}
          action: let-stand
    # file: house_rules.yaml
    house_rules:
      intro: {nl: "Reacties zijn welkom, ook kritiek.", en: "Comments are welcome, criticism too."}
      rules:
        - id: be-kind
          category: {nl: Beleefdheid, en: Politeness}
          text: {nl: Blijf beleefd., en: Stay polite.}
          action: warn
    """,
    good="""
    # file: reactions.yaml
    reactions:
      start: offensive
      nodes:
        - id: offensive
          question: {nl: Is het bericht kwetsend?, en: Is the post offensive?}
          yes: remove
          no: let-stand
        - id: remove
          outcome: {nl: Verwijder het bericht., en: Remove the post.}
          action: remove
        - id: let-stand
          outcome: {nl: Laat het bericht staan., en: Let the post stand.}
          action: let-stand
    # file: house_rules.yaml
    house_rules:
      intro: {nl: "Reacties zijn welkom, ook kritiek.", en: "Comments are welcome, criticism too."}
      rules:
        - id: offensive-language
          category: {nl: Kwetsend taalgebruik, en: Offensive language}
          text: {nl: Beledigingen verwijderen we., en: We remove insults.}
          action: remove
    """,
)
