"""RB902 version-raise-too-small: the version went up by less than what changed needs.

## What it checks
With `rulebook lint --base REV`, that the raise of `meta.version` since REV is big enough:
- a **patch** release (2.0.0 → 2.0.1) is enough for a wording fix outside the legal section,
  for new contact details, and for an *editorial* change anywhere: one that only fixes
  spelling, punctuation, capitals or spacing (recognised by itself), or that a commit marks with
  the trailer `Policy-Change: editorial` (`Policy-Change: material` overrides the guess);
- a **minor** release (2.0.0 → 2.1.0) or a major one is needed for a new, removed or moved item
  (a do becoming a don't is a tightened rule), any change to the legal section, and a change to
  what an item does (a branch or outcome of the reaction scheme, an action, an owner, a basis).

## Why
The version number tells readers what to expect: a patch release can be filed without reading,
a minor release changes what staff may or must do. Legal and HR rely on that when they decide
whether a new version needs a new signature under the work regulations.

## How to fix
Set `meta.version` to the version the finding proposes (or higher), and update
`effective_from`.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks import _versioning as v
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    base = context.baseline
    if base is None or base.version is None or document.broken_files:
        return
    new = v.current_version(document)
    level = v.raise_level(base.version, new)
    if level not in ("patch", "minor"):
        return  # not raised (RB901), a major release (always enough), or malformed
    content = v.content_changes(document, base)
    if not content:
        return
    need = max((v.needed(c, v.marking(c, base)) for c in content), key=v.LEVELS.index)
    if v.LEVELS.index(level) >= v.LEVELS.index(need):
        return
    example = next(c for c in content if v.needed(c, v.marking(c, base)) == need)
    yield CHECK.finding(
        document,
        "/meta/version",
        _(
            "meta.version went from {old} to {new} (a {level} release), but {example}, which "
            "needs at least a {need} release: set it to {suggested} or higher"
        ).format(
            old=base.version,
            new=new,
            level=level,
            example=v.describe(example),
            need=need,
            suggested=v.suggest(base.version, need),
        ),
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


def _lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.strip())


def _example(version: str) -> str:
    base = _META.format(version="2.0.0") + _HOUSE_RULES + _ADVERTISING
    now = _META.format(version=version) + _HOUSE_RULES
    return _lines(
        f"    # commit: the base revision has two house rules{base}"
        f"    # now: a house rule is removed, version {version}{now}"
    )


CHECK: Check = make_check(
    __doc__,
    code="RB902",
    name="version-raise-too-small",
    severity=Severity.ERROR,
    summary=N_("meta.version went up by less than the changes need (patch for a removed rule)"),
    run=run,
    bad=_example("2.0.1"),
    good=_example("2.1.0"),
)
