"""RB401 contact-email: the contact point can be reached by e-mail.

## What it checks
That the contact point (`contact.primary`) and the backup give an e-mail address, and that
every e-mail address in the contact section looks like one (`name@domain.tld`, no spaces).

## Why
The article asks for the contact details of the communications officer, "whom staff can
contact with questions or ideas". An e-mail address is the one way every colleague can use,
also outside office hours; a mistyped one bounces at the worst moment.

## How to fix
Add `email:` under the person, or correct the address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._contacts import people
from policy_rulebook.linter.checks.base import Check, Context, make_check

EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)*\.[A-Za-z]{2,}$")


def run(document: Document, context: Context) -> Iterable[Finding]:
    for ptr, label, person, required in people(document):
        email = person.get("email")
        if email is None:
            if required:
                yield CHECK.finding(
                    document,
                    ptr + "/email",
                    _(
                        "{label} has no e-mail address: staff need one way to "
                        "reach them in writing; add `email:`"
                    ).format(label=label),
                )
        elif not isinstance(email, str) or not EMAIL.match(email.strip()):
            yield CHECK.finding(
                document,
                ptr + "/email",
                _(
                    "the e-mail address of {label} ({email!s}) does not look "
                    "like one: write it as name@domain.be"
                ).format(label=label, email=email),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB401",
    name="contact-email",
    severity=Severity.ERROR,
    summary=N_("the contact point or backup has no e-mail address, or an implausible one"),
    run=run,
    bad="""
    contact:
      primary:
        name: Sara Peeters
        role: Communicatieverantwoordelijke
        email: communicatie at lindebeek.be
        phone: +32 3 123 45 67
    """,
    good="""
    contact:
      primary:
        name: Sara Peeters
        role: Communicatieverantwoordelijke
        email: communicatie@lindebeek.be
        phone: +32 3 123 45 67
    """,
)
