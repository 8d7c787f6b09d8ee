"""RB601 legal-basis: every legal item cites its legal basis.

## What it checks
That each item of `legal.items` has a `basis` with at least one entry: the law, article or
code it rests on (e.g. the Antiracismewet of 30 July 1981, the GDPR, the deontological code).

## Why
A legal do or don't without its basis cannot be checked by the legal department, and staff
cannot see whether it is a law (punishable, also on a private account) or an internal rule.
The article: "what is allowed depends on the law, but also on the internal policy".

## How to fix
Add `basis:` with the `title` of the law or code and, where useful, its `reference` (article)
and `url`.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    for ptr, item in document.iter_kind("legal-item"):
        basis = item.get("basis")
        if not basis:
            yield CHECK.finding(
                document,
                ptr,
                _(
                    "the legal item `{value}` cites no legal basis: add "
                    "`basis:` with the law, article or code it rests on"
                ).format(value=item.get("id", "?")),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB601",
    name="legal-basis",
    severity=Severity.ERROR,
    summary=N_("a legal item cites no legal basis"),
    run=run,
    bad="""
    legal:
      items:
        - id: no-racism
          topic: Racisme
          text: Racistische berichten zijn strafbaar, ook op een privé-account.
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
