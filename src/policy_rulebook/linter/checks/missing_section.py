"""RB101 missing-section: the policy has all six elements of the article, and its metadata.

## What it checks
That the rulebook defines each required section: `meta`, `brand` (who you are), `conduct`
(do's and don'ts), `legal` (legal do's and don'ts), `contact` (contact point), `roles` (who does
what) and `reactions` (how to react). When a file cannot be read, this check stays silent:
the missing section may be in that file.

## Why
Kortom's article names six elements that make a social-media policy usable: without a contact
point staff do not know whom to ask, without a reaction scheme they improvise under pressure.

## How to fix
Add the section, in its own file if you like (`rulebook/contact.yaml` holding `contact:`).
`rulebook init` writes a skeleton of every section with guidance.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.model import REQUIRED_SECTIONS, SECTION_TITLES
from policy_rulebook.linter.checks.base import Check, Context, make_check

HINTS = {
    "meta": "with organisation, version, status, owner, adopted_on, review_by and languages",
    "brand": "with the mission, the values and the tone of voice",
    "conduct": "with speaking_capacity, dos and donts",
    "legal": "with the legal items, each citing its legal basis",
    "contact": "with the communications officer's name, role, e-mail and phone",
    "roles": "with the team and the tasks each role owns",
    "reactions": "with the reaction scheme (start, nodes) and scenarios",
}


def run(document: Document, context: Context) -> Iterable[Finding]:
    if document.broken_files:
        return
    for name in REQUIRED_SECTIONS:
        if name not in document.sections:
            anchor = document.sections.get("meta")
            file = anchor.file if anchor else (
                document.files[0].name if document.files else document.source)
            yield Finding(file, 1, 1, CHECK.code, CHECK.severity,
                          f"the policy has no {SECTION_TITLES[name]}: add a `{name}` section "
                          f"{HINTS[name]}", pointer(name))


CHECK: Check = make_check(
    __doc__,
    code="RB101",
    name="missing-section",
    severity=Severity.ERROR,
    summary="a required section (one of the six elements, or meta) is missing",
    run=run,
    bad="""
    # file: contact.yaml
    # (the file holds no contact section)
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
