"""RB801 dos-donts-balance: the do's balance the don'ts.

## What it checks
That the do's are not drowned by the don'ts: advice when `conduct.dos` has fewer than a third
as many rules as `conduct.donts` (and there are at least four don'ts). A list of deliberately
positive tips with few don'ts is fine: the risks belong in the legal section. It is advice:
a profile or the configuration can switch it off (`profile: {disable: [RB801]}`).

## Why
Staff follow a policy that tells them what they *can* do, not only what is forbidden. A
policy of twelve don'ts and one do reads as distrust, and colleagues stop posting at all (the
article: "geef vooral tips", give tips above all).

## How to fix
Turn some prohibitions into positive advice ("Never post without checking" becomes "Check
your facts and link to the official source").
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
    if len(donts) >= MINIMUM and len(dos) * RATIO < len(donts):
        yield CHECK.finding(
            document,
            pointer("conduct", "dos"),
            _(
                "advice: the policy has {donts} don'ts but only {dos} do's; turn some "
                "prohibitions into tips, so that staff read what they can do as well as what "
                "they must not"
            ).format(donts=len(donts), dos=len(dos)),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB801",
    name="dos-donts-balance",
    severity=Severity.WARNING,
    summary=N_("advice: the do's are less than a third as many as the don'ts"),
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
