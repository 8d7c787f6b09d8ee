"""RB301 missing-translation: every text is written in every declared language.

## What it checks
That each text has a version in every language of `meta.languages`. A plain string counts as
the first (primary) language only; with more than one language declared, write the text as a
map: `{nl: ..., en: ...}`.

## Why
Staff read the policy, the announcements and the reaction scheme in their own language. A text
that exists in Dutch only leaves English-speaking colleagues without that rule.

## How to fix
Add the missing language to the text, e.g. `en: Be polite.` under `nl: Wees beleefd.`
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.texts import iter_texts, text_label
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    languages = document.languages
    if len(languages) < 1:
        return
    for ptr, value in iter_texts(document):
        if isinstance(value, str) and len(languages) > 1:
            field = text_label(ptr)
            others = ", ".join(languages[1:])
            yield CHECK.finding(
                document, ptr,
                _("the text of {field} is a plain string, so it counts as {primary} only: "
                  "write it as a map with {languages} ({others} missing)").format(
                      field=field, primary=languages[0], languages=", ".join(languages),
                      others=others))
        elif isinstance(value, dict) and value:
            missing = [lang for lang in languages if lang not in value]
            if missing:
                field = text_label(ptr)
                yield CHECK.finding(
                    document, ptr,
                    _("the text of {field} has no {missing} version: every text needs each "
                      "language of meta.languages ({languages})").format(
                        field=field, missing=", ".join(missing), languages=", ".join(languages)))


CHECK: Check = make_check(
    __doc__,
    code="RB301",
    name="missing-translation",
    severity=Severity.WARNING,
    summary=N_("a text lacks one of the languages in meta.languages"),
    run=run,
    bad="""
    brand:
      mission:
        nl: We maken Lindebeek samen met onze inwoners.
    """,
    good="""
    brand:
      mission:
        nl: We maken Lindebeek samen met onze inwoners.
        en: We shape Lindebeek together with our residents.
    """,
)
