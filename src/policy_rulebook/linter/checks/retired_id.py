"""RB903 retired-id-reused: an id that an earlier version used is used again for something else.

## What it checks
With `rulebook lint --base REV`, that no item uses an id that belonged to a different item in
an earlier version and was removed before REV. The candidates come from one `git log -p` of the
first-parent history up to REV (the commits that removed an `id:` line); each is read from the
policy just before its removal, so a long history costs one git call and a few small reads.
Bringing back the same item (nearly the same text) under its old id is fine. In a shallow clone
only the history the clone holds is read.

## Why
The changelog, legal's redline and people's memory match rules by id: "`no-advertising` was
removed in 2.1.0". When the id comes back with another meaning, old announcements, suppressions
and references silently point at the wrong rule.

## How to fix
Give the new item an id of its own (describe what it is about: `no-election-calls`). Retired
ids stay retired.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.model import KIND_NAMES
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    base = context.baseline
    if base is None or not base.retired or document.broken_files:
        return
    # imported here: a plain lint (every commit) has no base and needs no comparison
    from policy_rulebook.core.changes import (
        RENAME_RATIO,
        content,
        data_of,
        index_items,
        similarity,
    )

    in_base = index_items(base.data)
    for key, located in index_items(data_of(document)).items():
        retired = base.retired.get(key)
        if key in in_base or retired is None:
            continue
        if similarity(content(retired.item), content(located.item)) >= RENAME_RATIO:
            continue  # the same item brought back
        yield CHECK.finding(
            document,
            located.pointer,
            _(
                "the id `{id}` belonged to another {kind} that was removed (it was last in version "
                "{version}); retired ids stay retired: give this one a new id"
            ).format(id=key[1], kind=_(KIND_NAMES.get(key[0], key[0])), version=retired.version),
        )


_META = """
    meta:
      organisation: Stad Lindebeek
      version: {version}
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2026-09-01
      review_by: 2028-09-01
      languages: [nl, en]
"""
_HOUSE_RULES = """
    house_rules:
      intro:
        nl: Vragen en kritiek zijn welkom op onze pagina's.
        en: Questions and criticism are welcome on our pages.
      rules:
        - id: no-insults
          category: {nl: Beledigingen, en: Insults}
          text:
            nl: We verwijderen scheldwoorden en persoonlijke aanvallen.
            en: We remove swearing and personal attacks.
          action: remove
"""
_ADVERTISING = """
        - id: no-advertising
          category: {nl: Reclame, en: Advertising}
          text:
            nl: We verbergen berichten die alleen reclame maken.
            en: We hide posts that only advertise.
          action: hide
"""
_ELECTIONS = """
        - id: {id}
          category: {{nl: Verkiezingen, en: Elections}}
          text:
            nl: We verbergen oproepen om op een partij of kandidaat te stemmen.
            en: We hide calls to vote for a party or candidate.
          action: hide
"""


def _lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.strip())


def _example(new_id: str) -> str:
    return _lines(
        "    # commit: version 1.0.0 has a house rule no-advertising"
        + _META.format(version="1.0.0")
        + _HOUSE_RULES
        + _ADVERTISING
        + "    # commit: version 2.0.0 removes it (the base revision)"
        + _META.format(version="2.0.0")
        + _HOUSE_RULES
        + f"    # now: version 2.1.0 adds a house rule about elections as {new_id}"
        + _META.format(version="2.1.0")
        + _HOUSE_RULES
        + _ELECTIONS.format(id=new_id)
    )


CHECK: Check = make_check(
    __doc__,
    code="RB903",
    name="retired-id-reused",
    severity=Severity.ERROR,
    summary=N_("an id removed in an earlier version is used again for a different item"),
    run=run,
    bad=_example("no-advertising"),
    good=_example("no-election-calls"),
)
