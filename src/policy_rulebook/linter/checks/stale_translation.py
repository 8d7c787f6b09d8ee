"""RB303 stale-translation: the primary language's text changed, a translation did not.

## What it checks
With `rulebook lint --base REV`, every text whose version in the primary language (the first of
`meta.languages`) changed since REV while its version in another declared language stayed the
same. A spelling fix (found automatically, see RB902), a change of small words only ("Geef
fouten toe" -> "Geef je fouten toe") or a commit marked `Policy-Change: editorial` is left
alone: a translation need not follow a typo. Numbers and words that carry the rule (niet,
binnen, ...) always count. Without `--base` it finds nothing.

## Why
The primary language is the source: when its rule changes ("binnen twee dagen" becomes "binnen
één werkdag"), staff who read the English or French text still read the old rule. The staff
announcement tells them that the Dutch text changed and their translation follows; this check
makes sure it does follow before the version is released.

## How to fix
Bring each translation in line with the new text in the primary language. If the change needs
no translation (a wording change that the translation already had right), say so in the commit:
add the trailer `Policy-Change: editorial`, or suppress the finding on the line with a reason
(`# rulebook: ignore[RB303] reason: the English text already said one working day`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from policy_rulebook.core import i18n
from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.labels import language_name
from policy_rulebook.linter.checks import _versioning as v
from policy_rulebook.linter.checks.base import Check, Context, make_check


def _languages(data: Any) -> list[str]:
    meta = data.get("meta") if isinstance(data, dict) else None
    found = meta.get("languages") if isinstance(meta, dict) else None
    return [str(x) for x in found] if isinstance(found, list) else []


def _at(value: Any, parts: list[str]) -> Any:
    for part in parts:
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def substantive(before: str, after: str) -> bool:
    """Whether the words that changed could change the rule: a number, a rule word (niet,
    binnen, ...) or a word of four letters or more; "Geef fouten toe" -> "Geef je fouten toe"
    adds only a small word, which a translation need not follow (precision first)."""
    import difflib
    import re

    from policy_rulebook.core.editorial import MIN_SPELLING_LENGTH, RULE_WORDS

    a, b = re.findall(r"\w+", before.casefold()), re.findall(r"\w+", after.casefold())
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    changed = [
        word
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
        for word in (*a[i1:i2], *b[j1:j2])
    ]
    return any(
        len(w) >= MIN_SPELLING_LENGTH or w in RULE_WORDS or any(c.isdigit() for c in w)
        for w in changed
    )


def run(document: Document, context: Context) -> Iterable[Finding]:
    base = context.baseline
    if base is None or document.broken_files:
        return
    from policy_rulebook.core.changes import data_of
    from policy_rulebook.core.editorial import is_editorial_text_change

    languages = _languages(data_of(document))
    if len(languages) < 2 or _languages(base.data)[:1] != languages[:1]:
        return  # one language, or the primary language itself changed: nothing is stale
    primary, others = languages[0], languages[1:]
    for delta in v.content_changes(document, base):
        if delta.kind != "changed" or v.marking(delta, base) == "editorial":
            continue
        for field in delta.fields:
            prefix, _dot, lang = field.rpartition(".")
            if lang != primary:
                continue
            parts = prefix.split(".") if prefix else []
            old, new = _at(delta.old, parts), _at(delta.new, parts)
            if not (isinstance(old, dict) and isinstance(new, dict)):
                continue
            before, after = old.get(primary), new.get(primary)
            if not isinstance(before, str) or not isinstance(after, str):
                continue
            if is_editorial_text_change(before, after, primary) or not substantive(before, after):
                continue  # a spelling fix or a small word: the translation need not follow
            stale = [
                code
                for code in others
                if isinstance(old.get(code), str) and old.get(code) == new.get(code)
            ]
            if not stale:
                continue
            pointer = "/".join([delta.path, *parts, primary])
            yield CHECK.finding(
                document,
                pointer,
                _(
                    "the {primary} text of {item} changed since {rev} but its {languages} "
                    "translation did not: update the translation (or mark the commit "
                    "Policy-Change: editorial)"
                ).format(
                    primary=_name(primary),
                    item=f"`{delta.label}`",
                    rev=base.rev,
                    languages=", ".join(_name(code) for code in stale),
                ),
            )


CHECK: Check = make_check(
    __doc__,
    code="RB303",
    name="stale-translation",
    severity=Severity.WARNING,
    summary=N_(
        "the primary language's text changed since the base revision but a translation did not"
    ),
    run=run,
    bad="""
    # commit: the base revision
    meta:
      organisation: Stad Lindebeek
      version: 2.0.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2026-09-01
      review_by: 2028-09-01
      languages: [nl, en]
      summary:
        nl: Reageer binnen twee dagen op elke vraag.
        en: Answer every question within two days.
    # now: the Dutch deadline changed, the English still says two days
    meta:
      organisation: Stad Lindebeek
      version: 2.1.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2026-09-01
      review_by: 2028-09-01
      languages: [nl, en]
      summary:
        nl: Reageer binnen één werkdag op elke vraag.
        en: Answer every question within two days.
    """,
    good="""
    # commit: the base revision
    meta:
      organisation: Stad Lindebeek
      version: 2.0.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2026-09-01
      review_by: 2028-09-01
      languages: [nl, en]
      summary:
        nl: Reageer binnen twee dagen op elke vraag.
        en: Answer every question within two days.
    # now: both languages say one working day
    meta:
      organisation: Stad Lindebeek
      version: 2.1.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2026-09-01
      review_by: 2028-09-01
      languages: [nl, en]
      summary:
        nl: Reageer binnen één werkdag op elke vraag.
        en: Answer every question within one working day.
    """,
)


def _name(code: str) -> str:
    """A language's name in the reader's language ("Engels"), lower-case in French."""
    name = language_name(i18n.current(), code)
    return name.lower() if i18n.current().startswith("fr") else name
