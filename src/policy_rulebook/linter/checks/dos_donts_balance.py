"""RB801 dos-donts-balance: the do's balance the don'ts.

## What it checks
That neither list of `conduct` is much shorter than the other: a warning when one list has
fewer than a third as many rules as the other (and the longer one has at least four).

## Why
Staff follow a policy that tells them what they *can* do, not only what is forbidden. A
policy of twelve don'ts and one do reads as distrust, and colleagues stop posting at all;
twelve do's and no don'ts leaves the real risks unsaid.

## How to fix
Turn some prohibitions into positive advice ("Never post without checking" becomes "Check
your facts and link to the official source"), or add the don'ts that the do's imply.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks.base import Check, Context, make_check

RATIO = 3
MINIMUM = 4


def run(document: Document, context: Context) -> Iterable[Finding]:
    dos, donts = document.get("conduct", "dos"), document.get("conduct", "donts")
    if not isinstance(dos, list) or not isinstance(donts, list):
        return
    counts = {"dos": len(dos), "donts": len(donts)}
    short, long = sorted(counts, key=counts.__getitem__)
    if counts[long] >= MINIMUM and counts[short] * RATIO < counts[long]:
        message = (_("the policy has {long} do's but only {short} don'ts: balance them, so "
                     "that staff read what they can do as well as what they must not")
                   if long == "dos" else
                   _("the policy has {long} don'ts but only {short} do's: balance them, so "
                     "that staff read what they can do as well as what they must not"))
        yield CHECK.finding(document, pointer("conduct", short),
                            message.format(long=counts[long], short=counts[short]))


CHECK: Check = make_check(
    __doc__,
    code="RB801",
    name="dos-donts-balance",
    severity=Severity.WARNING,
    summary=N_("one list of do's and don'ts is less than a third as long as the other"),
    run=run,
    bad="""
    conduct:
      speaking_capacity:
        own_name: {nl: In eigen naam., en: In your own name.}
        on_behalf: {nl: Alleen de woordvoerder., en: Only the spokesperson.}
        disclaimer: {nl: Mijn mening., en: My opinion.}
      dos:
        - {id: be-kind, text: {nl: Wees vriendelijk., en: Be kind.}}
      donts:
        - {id: no-passwords, text: {nl: Deel geen wachtwoorden., en: Share no passwords.}}
        - {id: no-anger, text: {nl: Reageer niet boos., en: Do not react in anger.}}
        - {id: no-politics, text: {nl: Geen politiek., en: No politics.}}
        - {id: no-secrets, text: {nl: Geen geheimen., en: No secrets.}}
    """,
    good="""
    conduct:
      speaking_capacity:
        own_name: {nl: In eigen naam., en: In your own name.}
        on_behalf: {nl: Alleen de woordvoerder., en: Only the spokesperson.}
        disclaimer: {nl: Mijn mening., en: My opinion.}
      dos:
        - {id: be-kind, text: {nl: Wees vriendelijk., en: Be kind.}}
        - {id: check-facts, text: {nl: Controleer je feiten., en: Check your facts.}}
      donts:
        - {id: no-passwords, text: {nl: Deel geen wachtwoorden., en: Share no passwords.}}
        - {id: no-anger, text: {nl: Reageer niet boos., en: Do not react in anger.}}
        - {id: no-politics, text: {nl: Geen politiek., en: No politics.}}
        - {id: no-secrets, text: {nl: Geen geheimen., en: No secrets.}}
    """,
)
