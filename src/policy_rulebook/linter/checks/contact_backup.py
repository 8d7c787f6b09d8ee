"""RB403 contact-backup: the contact point has a backup.

## What it checks
That `contact.backup` names a second person.

## Why
A contact point who is on holiday or ill is no contact point. Good policies name a backup, so
that questions and escalations never wait for one person's return.

## How to fix
Add a `backup:` under `contact` with name, role, e-mail and phone.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    contact = document.get("contact")
    if isinstance(contact, dict) and not contact.get("backup"):
        yield CHECK.finding(
            document,
            "/contact",
            _(
                "the contact point has no backup: add `backup:` with a second "
                "person staff can reach when the communications officer is away"
            ),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB403",
    name="contact-backup",
    severity=Severity.WARNING,
    summary=N_("the contact point has no backup"),
    run=run,
    bad="""
    contact:
      primary:
        name: Sara Peeters
        role: Communicatieverantwoordelijke
        email: communicatie@lindebeek.be
        phone: 03 123 45 67
    """,
    good="""
    contact:
      primary:
        name: Sara Peeters
        role: Communicatieverantwoordelijke
        email: communicatie@lindebeek.be
        phone: 03 123 45 67
      backup:
        name: Jonas Wouters
        role: Webredacteur
        email: jonas.wouters@lindebeek.be
        phone: 03 123 45 68
    """,
)
