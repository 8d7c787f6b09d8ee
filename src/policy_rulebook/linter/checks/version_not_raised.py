"""RB901 version-not-raised: the content changed since the base revision but the version did not.

## What it checks
With `rulebook lint --base REV` (in a pull request: the target branch), that `meta.version` is
higher than at REV whenever the policy's content changed. Changes to `version`, `status`,
`adopted_on`, `effective_from` and `review_by` in `meta` are not content. The check compares
the two versions by the ids of their items, so moving text around or reordering a list is not
a change. Without `--base` it finds nothing: it needs the git history.

## Why
Staff are told about a new version, legal signs off a version, and the work regulations refer
to one. Two different texts under one version number make it impossible to say which rules were
in force when, and the changelog cannot announce a change that has no version of its own.

## How to fix
Raise `meta.version` (semantic versioning, `MAJOR.MINOR.PATCH`): the patch number for a wording
fix or new contact details, the minor number (or the major number) for a new, removed or moved
rule, any legal change, or a change to what an item does. RB902 says which one is needed.
Set `effective_from` to the date the new version takes effect.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    return ()  # composed with the git history (policy_rulebook.changelog.discipline)


CHECK: Check = make_check(
    __doc__,
    code="RB901",
    name="version-not-raised",
    severity=Severity.ERROR,
    summary=N_("the policy changed since the base revision but meta.version did not go up"),
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
        nl: Zo gedragen we ons online.
        en: How we behave online.
    # now: the pull request changes the summary and keeps the version
    meta:
      organisation: Stad Lindebeek
      version: 2.0.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2026-09-01
      review_by: 2028-09-01
      languages: [nl, en]
      summary:
        nl: Zo gedragen wij ons op sociale media.
        en: How we behave on social media.
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
        nl: Zo gedragen we ons online.
        en: How we behave online.
    # now: a wording fix with a patch release
    meta:
      organisation: Stad Lindebeek
      version: 2.0.1
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2026-09-01
      review_by: 2028-09-01
      languages: [nl, en]
      summary:
        nl: Zo gedragen wij ons op sociale media.
        en: How we behave on social media.
    """,
)
