"""RB402 contact-phone: the contact point can be reached by phone.

## What it checks
That the contact point (`contact.primary`) and the backup give a phone number, and that every
phone number in the contact section is plausible: 8 to 15 digits, optionally starting with `+`,
with spaces, dots, slashes, dashes or brackets between them (`+32 3 123 45 67`,
`03 123 45 67`).

## Why
When a post goes viral at night, e-mail is too slow: staff need a number to call. A number
with a digit too few is found out only when it is needed.

## How to fix
Add `phone:` under the person, or correct the number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks._contacts import people
from policy_rulebook.linter.checks.base import Check, Context, make_check

ALLOWED = re.compile(r"^\+?[0-9 ./()\-]+$")


def plausible_phone(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return bool(ALLOWED.match(value.strip())) and 8 <= digits <= 15


def run(document: Document, context: Context) -> Iterable[Finding]:
    for ptr, label, person, required in people(document):
        phone = person.get("phone")
        if phone is None:
            if required:
                yield CHECK.finding(
                    document,
                    ptr + "/phone",
                    _(
                        "{label} has no phone number: staff need to be able to "
                        "call when a post escalates; add `phone:`"
                    ).format(label=label),
                )
        elif isinstance(phone, str) and not plausible_phone(phone):  # a number: RB100 says
            yield CHECK.finding(
                document,
                ptr + "/phone",
                _(
                    "the phone number of {label} ({phone!s}) does not look "
                    "like one: write it like +32 3 123 45 67 or 03 123 45 67"
                ).format(label=label, phone=phone),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB402",
    name="contact-phone",
    severity=Severity.ERROR,
    summary=N_("the contact point or backup has no phone number, or an implausible one"),
    run=run,
    bad="""
    contact:
      primary:
        name: Sara Peeters
        role: Communicatieverantwoordelijke
        email: communicatie@lindebeek.be
        phone: 03 123 45
    """,
    good="""
    contact:
      primary:
        name: Sara Peeters
        role: Communicatieverantwoordelijke
        email: communicatie@lindebeek.be
        phone: 03 123 45 67
    """,
)
