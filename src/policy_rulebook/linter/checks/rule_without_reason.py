"""RB802 rule-without-reason: every do and don't says why, or shows how.

## What it checks
That each rule of `conduct.dos` and `conduct.donts` has a `rationale` or an `example` (or
both).

## Why
A rule without a reason is followed grudgingly and forgotten first; a rule with an example
is understood the first time. Experts reviewing a social-media policy look for both.

## How to fix
Add `rationale:` (why the rule exists) or `example:` (what it looks like in practice).
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks.base import Check, Context, make_check

FIELDS = frozenset({"id", "text", "rationale", "example"})


def run(document: Document, context: Context) -> Iterable[Finding]:
    for list_name in ("dos", "donts"):
        for ptr, _index, rule in document.iter_list(("conduct", list_name)):
            if not isinstance(rule, dict) or "text" not in rule or set(rule) - FIELDS:
                continue  # an unknown field may be a misspelt reason: the schema reports it
            if rule.get("rationale") is None and rule.get("example") is None:
                yield CHECK.finding(
                    document,
                    ptr,
                    (
                        _(
                            "the do `{id}` gives no reason and no example: add `rationale:` "
                            "(why) or `example:` (what it looks like), so that staff understand it"
                        )
                        if list_name == "dos"
                        else _(
                            "the don't `{id}` gives no reason and no example: add `rationale:` "
                            "(why) or `example:` (what it looks like), so that staff understand it"
                        )
                    ).format(id=rule.get("id", ptr)),
                )


CHECK: Check = make_check(
    __doc__,
    code="RB802",
    name="rule-without-reason",
    severity=Severity.WARNING,
    summary=N_("a do or don't has neither a rationale nor an example"),
    run=run,
    bad="""
    conduct:
      speaking_capacity:
        own_name: {nl: In eigen naam., en: In your own name.}
        on_behalf: {nl: Alleen de woordvoerder., en: Only the spokesperson.}
        disclaimer: {nl: Mijn mening., en: My opinion.}
      dos:
        - id: be-kind
          text: {nl: Wees vriendelijk., en: Be kind.}
      donts:
        - id: no-passwords
          text: {nl: Deel geen wachtwoorden., en: Share no passwords.}
          rationale: {nl: Zo weten we wie wat postte., en: So we know who posted what.}
    """,
    good="""
    conduct:
      speaking_capacity:
        own_name: {nl: In eigen naam., en: In your own name.}
        on_behalf: {nl: Alleen de woordvoerder., en: Only the spokesperson.}
        disclaimer: {nl: Mijn mening., en: My opinion.}
      dos:
        - id: be-kind
          text: {nl: Wees vriendelijk., en: Be kind.}
          example: {nl: Bedankt voor je vraag!, en: Thanks for your question!}
      donts:
        - id: no-passwords
          text: {nl: Deel geen wachtwoorden., en: Share no passwords.}
          rationale: {nl: Zo weten we wie wat postte., en: So we know who posted what.}
    """,
)
