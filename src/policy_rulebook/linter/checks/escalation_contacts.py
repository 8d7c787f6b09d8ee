"""RB405 escalation-contacts: the contacts the profile needs for escalation are there.

## What it checks
For a policy with a profile that lists escalation contacts (`escalation:` in the profile, see
docs/profiles.md): that one of the policy's contacts (primary, backup or `contact.escalation`,
by its topic, role or id) is each of them: the data protection officer (`dpo`), the ombuds
service (`ombuds`), the confidential counsellor (`confidential-counsellor`), a crisis contact
(`crisis`). Words in any form, in Dutch, English or French (data:
`linter/data/escalation_contacts.yaml`).

## Why
A post with someone's health data, a complaint about care, a colleague harassed online or a
disaster does not wait for office hours: staff must see at once whom to call. A public body
or school must have a DPO (art. 37 GDPR); a hospital has an ombuds function (art. 11 of the
patients' rights act of 22 August 2002).

## How to fix
Add the contact under `contact.escalation`, with a topic that says what it is for.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from policy_rulebook.core import i18n
from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter import data, profiles
from policy_rulebook.linter.checks._contacts import people
from policy_rulebook.linter.checks._words import Forms, all_texts
from policy_rulebook.linter.checks.base import Check, Context, make_check


def kinds() -> dict[str, Any]:
    table: dict[str, Any] = data.load("escalation_contacts.yaml")
    return table


@cache
def _forms(kind: str) -> Forms:
    keywords = kinds()[kind]["keywords"]
    return Forms({str(lang): [str(k) for k in words] for lang, words in keywords.items()})


def wanted(profile_id: str) -> tuple[str, ...]:
    """The escalation contacts a bundled profile lists, with those of what it extends."""
    found: list[str] = []
    name: str | None = profile_id
    raw = profiles.raw_profiles()
    while name in raw:
        entry = raw[name]
        found += [str(k) for k in entry.get("escalation", ()) if k not in found]
        name = entry.get("extends")
    return tuple(found)


def run(document: Document, context: Context) -> Iterable[Finding]:
    profile = profiles.of_document(document)
    if profile is None or document.get("contact") is None:
        return
    needed = [kind for kind in wanted(profile.id) if kind in kinds()]
    if not needed:
        return
    texts = [
        " \n".join(all_texts(person.get(key)) for key in ("topic", "role", "id"))
        for _ptr, _label, person, _required in people(document)
    ]
    language = i18n.current().split("-")[0]  # the title in the language of the message
    where = "/contact/escalation" if document.get("contact", "escalation") else "/contact"
    for kind in needed:
        forms = _forms(kind)
        # every text as written first: a stemmer is loaded only when no text names it so
        if any(forms.search(t, stemmed=False) for t in texts) or any(
            forms.search(t, stemmed=True) for t in texts
        ):
            continue
        title = kinds()[kind]["title"]
        yield CHECK.finding(
            document,
            where,
            _(
                "the contacts name no {title}, whom the {profile} profile needs for "
                "escalation: add one under `contact.escalation`"
            ).format(title=title.get(language) or title["en"], profile=profile.id),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB405",
    name="escalation-contacts",
    severity=Severity.WARNING,
    summary=N_("the contacts miss an escalation contact the profile needs (DPO, ombuds, crisis)"),
    run=run,
    bad="""
    meta:
      profile: public-body
    contact:
      primary: {name: An Peeters, role: Communicatie, email: an@lindebeek.be}
    """,
    good="""
    meta:
      profile: public-body
    contact:
      primary: {name: An Peeters, role: Communicatie, email: an@lindebeek.be}
      escalation:
        - {id: dpo, topic: Privacy en datalekken, name: Els Claes, role: DPO}
    """,
)
