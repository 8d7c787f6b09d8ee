"""RB102 empty-section: no section is empty.

## What it checks
That every section present holds something: not `contact:` with nothing after it, not an
empty mapping `{}` or list.

## Why
An empty section looks like an element of the policy but gives staff nothing to go by. It is
usually a skeleton that was never filled in.

## How to fix
Write the section's content, or remove it if it is optional (`house_rules`, `channels`).
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.model import SECTION_TITLES
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    for name, section in document.sections.items():
        if section.node is None or (isinstance(section.node, (dict, list)) and not section.node):
            what = _(SECTION_TITLES[name])
            yield CHECK.finding(
                document,
                pointer(name),
                _("the section `{name}` is empty: it should hold the {what}").format(
                    name=name, what=what
                ),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB102",
    name="empty-section",
    severity=Severity.ERROR,
    summary=N_("a section is present but empty"),
    run=run,
    bad="""
    legal:
    """,
    good="""
    legal:
      items:
        - id: no-racism
          topic: Racisme
          text: Racistische berichten zijn strafbaar, ook op een privé-account.
          basis:
            - title: Antiracismewet van 30 juli 1981
    """,
)
