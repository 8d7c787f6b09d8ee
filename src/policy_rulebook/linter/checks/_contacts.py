"""The people of the contact section, for the contact checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.i18n import _


def people(document: Document) -> Iterator[tuple[str, str, dict[str, Any], bool]]:
    """(pointer, label, person, required) for primary, backup and escalation contacts.

    ``required`` is True for primary and backup: those must give an e-mail and a phone.
    """
    contact = document.get("contact")
    if not isinstance(contact, dict):
        return
    for key, label in (("primary", _("the contact point")), ("backup", _("the backup contact"))):
        person = contact.get(key)
        if isinstance(person, dict):
            yield pointer("contact", key), label, person, True
    for ptr, _index, person in document.iter_list(("contact", "escalation")):
        if isinstance(person, dict):
            yield (
                ptr,
                _("the escalation contact `{id}`").format(id=person.get("id", "?")),
                person,
                False,
            )
