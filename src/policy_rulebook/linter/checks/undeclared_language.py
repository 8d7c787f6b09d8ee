"""RB302 undeclared-language: texts use only the languages the policy declares.

## What it checks
That no text has a version in a language missing from `meta.languages`, such as `fr:` in a
policy declared as `[nl, en]`, or a misspelt code such as `eng:`.

## Why
A version in an undeclared language is never shown (announcements and renderings use the
declared languages) and is not checked for completeness. Usually it is a typo, or a language
that was added without declaring it.

## How to fix
Add the language to `meta.languages`, or correct the language code.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.texts import iter_texts
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    languages = document.languages
    if not languages:
        return
    for ptr, value in iter_texts(document):
        if isinstance(value, dict):
            for language in value:
                if language not in languages:
                    yield CHECK.finding(
                        document,
                        ptr + pointer(str(language)),
                        _(
                            "`{language}` is not a language of this policy (meta.languages: "
                            "{items}): declare it there or correct the code"
                        ).format(language=language, items=", ".join(languages)),
                    )


CHECK: Check = make_check(
    __doc__,
    code="RB302",
    name="undeclared-language",
    severity=Severity.WARNING,
    summary=N_("a text has a version in a language that meta.languages does not declare"),
    run=run,
    bad="""
    brand:
      mission:
        nl: We maken Lindebeek samen met onze inwoners.
        en: We shape Lindebeek together with our residents.
        fr: Nous construisons Lindebeek avec nos habitants.
    """,
    good="""
    brand:
      mission:
        nl: We maken Lindebeek samen met onze inwoners.
        en: We shape Lindebeek together with our residents.
    """,
)
