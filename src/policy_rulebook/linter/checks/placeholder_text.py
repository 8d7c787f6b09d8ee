"""RB103 placeholder-text: no text is empty or a placeholder.

## What it checks
Every text of the policy, in every language: it must not be empty, nor a placeholder such as
`TODO`, `TBD`, `...`, `…`, `[naam]`, `<e-mail>` or lorem ipsum.

## Why
A placeholder counts as empty: staff reading the policy find no answer where they expect one.
Placeholders are what a skeleton (`rulebook init`) leaves to fill in.

## How to fix
Write the real text, or remove the optional field.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document, pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.texts import is_placeholder, iter_texts, text_label
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    for ptr, value in iter_texts(document):
        if isinstance(value, str):
            if is_placeholder(value):
                yield CHECK.finding(document, ptr, _message(text_label(ptr), value))
        elif isinstance(value, dict):
            for language, text in value.items():
                if isinstance(text, str) and is_placeholder(text):
                    yield CHECK.finding(document, ptr + pointer(language),
                                        _message(_("{field} in `{language}`").format(
                                            field=text_label(ptr), language=language), text))
            if not value:
                yield CHECK.finding(document, ptr, _message(text_label(ptr), ""))


def _message(field: str, text: str) -> str:
    if not text.strip():
        return _("the text of {field} is empty: write the real text").format(field=field)
    return _("the text of {field} is only a placeholder ({text!r}), which counts as empty: "
             "write the real text").format(field=field, text=text.strip())


CHECK: Check = make_check(
    __doc__,
    code="RB103",
    name="placeholder-text",
    severity=Severity.ERROR,
    summary=N_("a text is empty or a placeholder (TODO, TBD, ..., lorem ipsum)"),
    run=run,
    bad="""
    brand:
      mission:
        nl: TODO
        en: TODO
    """,
    good="""
    brand:
      mission:
        nl: We maken Lindebeek samen met onze inwoners.
        en: We shape Lindebeek together with our residents.
    """,
)
