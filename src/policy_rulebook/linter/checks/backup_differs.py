"""RB404 backup-differs: the contact backup is another person than the primary contact.

## What it checks
That `contact.backup` does not repeat `contact.primary`: not the same name, e-mail address or
phone number.

## Why
A backup exists for when the primary contact is away (domain brief, "Contact: a backup who is
a different person"). A backup with the same name, mailbox or phone reaches the same absent
person, so questions and escalations still wait.

## How to fix
Name a second person under `backup:` with their own e-mail address and phone number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from policy_rulebook.core import i18n
from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.labels import title
from policy_rulebook.linter.checks.base import Check, Context, make_check

#: The fields in words of the reader's language ("e-mailadres", not "email").
_FIELD_WORDS = {
    "name": N_("name (of the contact)"),
    "email": N_("e-mail address (of the contact)"),
    "phone": N_("phone number (of the contact)"),
}


def _field_word(field: str) -> str:
    return _(_FIELD_WORDS[field]).split(" (")[0]


def _normal(field: str, value: Any) -> str:
    if not isinstance(value, str):
        return ""
    if field == "phone":
        return re.sub(r"\D", "", value.replace("+32", "0"))
    return " ".join(value.lower().split())


def _field_name(field: str) -> str:
    """The field in the reader's words ("phone number", "telefoonnummer"), from the schema."""
    return title(i18n.current(), ("contact", "backup", field)).lower()


def run(document: Document, context: Context) -> Iterable[Finding]:
    primary, backup = document.get("contact", "primary"), document.get("contact", "backup")
    if not isinstance(primary, dict) or not isinstance(backup, dict):
        return
    same = [
        field
        for field in ("name", "email", "phone")
        if _normal(field, primary.get(field))
        and _normal(field, primary.get(field)) == _normal(field, backup.get(field))
    ]
    if same:
        yield CHECK.finding(
            document,
            "/contact/backup",
            _(
                "the contact backup has the same {fields} as the primary contact: name a "
                "different person, with their own e-mail and phone, who answers when the "
                "primary contact is away"
            ).format(fields=", ".join(_field_word(field) for field in same)),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB404",
    name="backup-differs",
    severity=Severity.WARNING,
    summary=N_("the contact backup repeats the primary contact's name, e-mail or phone"),
    run=run,
    bad="""
    contact:
      primary:
        name: Sara Peeters
        role: Communicatieverantwoordelijke
        email: communicatie@lindebeek.be
        phone: 03 123 45 67
      backup:
        name: Jonas Wouters
        role: Webredacteur
        email: communicatie@lindebeek.be
        phone: +32 3 123 45 67
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
