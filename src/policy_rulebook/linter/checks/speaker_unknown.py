"""RB205 speaker-unknown: who speaks on behalf of the organisation is a role or contact of it.

## What it checks
The text of `conduct.speaking_capacity.on_behalf`: each role it names the way policies do
("de woordvoerder", "de dienst Marketing", "het team Communicatie"; "the spokesperson", "the
Marketing department") must appear among the policy's roles (`roles.team` names and ids),
its contacts (their roles and topics) or its owner (`meta.owner`). The role words are data
(`linter/data/words.yaml`, `speaker_roles` and `speaker_units`); languages without a list
are left alone.

## Why
Staff who want a statement made, and journalists who ask, need to find the person the policy
points to. A spokesperson named in the conduct but absent from the roles and contacts is a
door that leads nowhere, often left after a reorganisation.

## How to fix
Add the role to `roles.team` (or the contact to `contact`), or name in `on_behalf` the role
that does speak for the organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter import data
from policy_rulebook.linter.checks._contacts import people
from policy_rulebook.linter.checks._words import all_texts, versions
from policy_rulebook.linter.checks.base import Check, Context, make_check


@cache
def _named(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Role words ("woordvoerder") and units followed by their name ("dienst Marketing")."""
    table = data.load("words.yaml")
    roles = table["speaker_roles"].get(language)
    units = table["speaker_units"].get(language)
    if roles is None or units is None:
        return None
    role = "|".join(re.escape(str(r)) for r in roles)
    unit = "|".join(re.escape(str(u)) for u in units)
    return (
        re.compile(rf"(?<!\w)({role})(?!\w)", re.IGNORECASE),
        # a unit and its proper name in capitals: "dienst Marketing", "Marketing department"
        re.compile(rf"(?<!\w)(?:(?:{unit})\s+([A-Z][\w-]+)|([A-Z][\w-]+)\s+(?:{unit}))(?!\w)"),
    )


def _known(document: Document) -> str:
    """Every name the policy gives its roles and contacts, lower-cased, in one string."""
    parts = [all_texts(document.get("meta", "owner"))]  # the service that owns the policy
    team = document.get("roles", "team")
    for role in team if isinstance(team, list) else ():
        if isinstance(role, dict):
            parts.append(all_texts(role.get("name")))
            parts.append(str(role.get("id", "")))
            parts.append(str(role.get("holder", "")))
    for _ptr, _label, person, _required in people(document):
        parts += [all_texts(person.get(key)) for key in ("role", "topic", "id")]
    return " ".join(parts).lower()


def run(document: Document, context: Context) -> Iterable[Finding]:
    text = document.get("conduct", "speaking_capacity", "on_behalf")
    if text is None or document.get("roles") is None:
        return
    known = _known(document)
    missing: list[str] = []
    for language, version in versions(document, text).items():
        found = _named(language.split("-")[0].lower())
        if found is None:
            continue
        roles, units = found
        names = [m.group(1) for m in roles.finditer(version)]
        names += [m.group(1) or m.group(2) for m in units.finditer(version)]
        missing += [n for n in names if n.lower() not in known and n not in missing]
    for name in missing:
        yield CHECK.finding(
            document,
            "/conduct/speaking_capacity/on_behalf",
            _(
                "`on_behalf` names {name!r}, but no role in `roles.team` and no contact has "
                "that name: add the role or contact, or name the one who does speak for the "
                "organisation"
            ).format(name=name),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB205",
    name="speaker-unknown",
    severity=Severity.WARNING,
    summary=N_("on_behalf names a spokesperson or service that is not among the roles"),
    run=run,
    bad="""
    conduct:
      speaking_capacity:
        on_behalf: Alleen de woordvoerder spreekt in naam van de stad.
    roles:
      team:
        - {id: communications, name: Dienst Communicatie}
    """,
    good="""
    conduct:
      speaking_capacity:
        on_behalf: Alleen de woordvoerder spreekt in naam van de stad.
    roles:
      team:
        - {id: communications, name: Dienst Communicatie}
        - {id: spokesperson, name: Woordvoerder}
    """,
)
