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
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.model import REQUIRED_SECTIONS, SECTION_TITLES
from policy_rulebook.linter.checks.base import Check, Context, make_check

HINTS = {
    "meta": N_("with organisation, version, status, owner, adopted_on, review_by and languages"),
    "brand": N_("with the mission, the values and the tone of voice"),
    "conduct": N_("with speaking_capacity, dos and donts"),
    "legal": N_("with the legal items, each citing its legal basis"),
    "contact": N_("with the communications officer's name, role, e-mail and phone"),
    "roles": N_("with the team and the tasks each role owns"),
    "reactions": N_("with the reaction scheme (start, nodes) and scenarios"),
}


def run(document: Document, context: Context) -> Iterable[Finding]:
    if document.broken_files:
        return
    for name in REQUIRED_SECTIONS:
        if name not in document.sections:
            anchor = document.sections.get("meta")
            file = (
                anchor.file
                if anchor
                else (document.files[0].name if document.files else document.source)
            )
            yield Finding(
                file,
                1,
                1,
                CHECK.code,
                CHECK.severity,
                _("the policy has no {title}: add a `{name}` section {hint}").format(
                    title=_(SECTION_TITLES[name]), name=name, hint=_(HINTS[name])
                ),
                pointer(name),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB101",
    name="missing-section",
    severity=Severity.ERROR,
    summary=N_("a required section (one of the six elements, or meta) is missing"),
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
