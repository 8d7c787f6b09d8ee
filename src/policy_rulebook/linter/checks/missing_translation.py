"""RB301 missing-translation: every text is written in every declared language.

## What it checks
That each text has a version in every language of `meta.languages`. A plain string counts as
the first (primary) language only; with more than one language declared, write the text as a
map: `{nl: ..., en: ...}`.

A proper name is exempt when its item marks it: a legal basis with `proper_name: true` may
give its `title` (the official name of a law) in its own language only.

## Why
Staff read the policy, the announcements and the reaction scheme in their own language. A text
that exists in Dutch only leaves English-speaking colleagues without that rule.

## How to fix
Add the missing language to the text, e.g. `en: Be polite.` under `nl: Wees beleefd.`
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from policy_rulebook.core.document import Document, split_pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.texts import iter_texts, text_label
from policy_rulebook.linter.checks.base import Check, Context, make_check


def _proper_name(document: Document, ptr: str) -> bool:
    """Whether the text is the ``title`` of an item marked ``proper_name: true``."""
    *parent, field = split_pointer(ptr)
    if field != "title" or not parent:
        return False
    node: Any = document.get(parent[0])
    for token in parent[1:]:
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        elif isinstance(node, dict):
            node = node.get(token)
        else:
            return False
    return isinstance(node, dict) and node.get("proper_name") is True


def _label(document: Document, ptr: str) -> str:
    """The text named by the item it belongs to: "`discriminatie` in `legal.items`, field
    `topic`" rather than a bare "`topic`" that the policy holds fifty times."""
    tokens = split_pointer(ptr)
    node: Any = document.get(tokens[0]) if tokens else None
    owner: tuple[str, str, int] | None = None  # (item id, list path, depth)
    for depth, token in enumerate(tokens[1:], start=1):
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
            if (
                isinstance(node, dict)
                and isinstance(node.get("id"), str)
                and depth < len(tokens) - 1
            ):
                owner = (node["id"], ".".join(tokens[:depth]), depth)
        elif isinstance(node, dict):
            node = node.get(token)
        else:
            break
    if owner is None:
        return text_label(ptr)
    item, where, depth = owner
    field = ".".join(tokens[depth + 1 :])
    return _("`{id}` in `{list}`, field `{field}`").format(id=item, list=where, field=field)


def _proper_name_hint(ptr: str) -> str:
    if ptr.endswith("/title") and "/basis/" in ptr:
        return _(
            "; the official name of a law may stay in its own language: mark the basis "
            "`proper_name: true`"
        )
    return ""


def run(document: Document, context: Context) -> Iterable[Finding]:
    languages = document.languages
    if len(languages) < 1:
        return
    for ptr, value in iter_texts(document):
        if _proper_name(document, ptr):
            continue
        if isinstance(value, str) and len(languages) > 1:
            field = _label(document, ptr)
            others = ", ".join(languages[1:])
            yield CHECK.finding(
                document,
                ptr,
                _(
                    "the text of {field} is a plain string, so it counts as {primary} only: "
                    "write it as a map with {languages} ({others} missing)"
                ).format(
                    field=field, primary=languages[0], languages=", ".join(languages), others=others
                )
                + _proper_name_hint(ptr),
            )
        elif isinstance(value, dict) and value:
            missing = [lang for lang in languages if lang not in value]
            if missing:
                field = _label(document, ptr)
                yield CHECK.finding(
                    document,
                    ptr,
                    _(
                        "the text of {field} has no {missing} version: every text needs each "
                        "language of meta.languages ({languages})"
                    ).format(
                        field=field, missing=", ".join(missing), languages=", ".join(languages)
                    )
                    + _proper_name_hint(ptr),
                )


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
