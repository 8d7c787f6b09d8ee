"""RB406 odd-email-domain: one contact address outside the organisation's own domain.

## What it checks
The e-mail addresses of the contact section (contact point, backup, escalation contacts):
when at least two of them share one domain and exactly one address uses another, that one is
reported.

## Why
A single address on another domain is often a typo, an old domain after a merger, or a private
mailbox: mail to it goes nowhere, or out of the organisation's hands (and its archive).

## How to fix
Use the organisation's address, or, if the other domain is right (a shared service, a parent
body), leave it and suppress this finding with a reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._contacts import people
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    addresses = [
        (f"{ptr}/email", email.strip(), email.strip().rpartition("@")[2].lower())
        for ptr, _label, person, _required in people(document)
        if isinstance(email := person.get("email"), str) and "@" in email
    ]
    domains = Counter(domain for _ptr, _email, domain in addresses)
    if len(domains) != 2:
        return
    (main, count), (odd, once) = domains.most_common()
    if count < 2 or once != 1:
        return
    for ptr, email, domain in addresses:
        if domain == odd:
            yield CHECK.finding(
                document,
                ptr,
                _(
                    "the address {email} is the only one outside {main}, the domain of the "
                    "other {count} contact addresses: check that it is right"
                ).format(email=email, main=main, count=count),
            )


_EXAMPLE = """
    contact:
      primary:
        {{name: An Peeters, role: Communicatie, email: an@lindebeek.be, phone: 03 123 45 67}}
      backup:
        {{name: Tom Maes, role: Webcare, email: tom@lindebeek.be, phone: 03 123 45 68}}
      escalation:
        - {{id: crisis, topic: Crisis, name: Els Claes, role: Noodplan, email: els@{domain}}}
    """

CHECK: Check = make_check(
    __doc__,
    code="RB406",
    name="odd-email-domain",
    severity=Severity.WARNING,
    summary=N_("one contact e-mail address uses another domain than all the others"),
    run=run,
    bad=_EXAMPLE.format(domain="lindebeke.be"),
    good=_EXAMPLE.format(domain="lindebeek.be"),
)
