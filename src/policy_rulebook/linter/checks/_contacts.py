"""The people of the contact section, for the contact checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from policy_rulebook.core.document import Document, pointer


def people(document: Document) -> Iterator[tuple[str, str, dict[str, Any], bool]]:
    """(pointer, label, person, required) for primary, backup and escalation contacts.

    ``required`` is True for primary and backup: those must give an e-mail and a phone.
    """
    contact = document.get("contact")
    if not isinstance(contact, dict):
        return
    for key, label in (("primary", "the contact point"), ("backup", "the backup contact")):
        person = contact.get(key)
        if isinstance(person, dict):
            yield pointer("contact", key), label, person, True
    for ptr, _, person in document.iter_list(("contact", "escalation")):
        if isinstance(person, dict):
            yield ptr, f"the escalation contact `{person.get('id', '?')}`", person, False
