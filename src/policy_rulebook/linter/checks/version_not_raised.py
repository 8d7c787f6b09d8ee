"""RB901 version-not-raised: the content changed since the base revision but the version did not.

## What it checks
With `rulebook lint --base REV` (in a pull request: the target branch), that `meta.version` is
higher than at REV whenever the policy's content changed. Changes to `version`, `status`,
`adopted_on`, `approval`, `effective_from` and `review_by` in `meta` are not content. The check
compares the two versions by the ids of their items, so moving text around or reordering a list
is not a change. Without `--base` it finds nothing: it needs the git history. Like every check it
can be selected (`--select RB901`), given another severity, or suppressed with a reason on the
`version:` line (`# rulebook: ignore[RB901] reason: ...`).

The release model: a version is what the organisation adopted. `meta.status` is `draft` while a
version collects changes, `adopted` once it was approved (`meta.adopted_on`, `meta.approval`
with who, which decision and when), later `repealed`. Changes committed after a version was
adopted, without a new `meta.version`, are *unreleased*: the changelog puts them in the next
version, never in the adopted one. `rulebook history` and `rulebook changelog` walk the first-
parent history of the branch, so every merged pull request counts once. See docs/release-
model.md.

## Why
Staff are told about a new version, legal signs off a version, and the work regulations refer
to one. Two different texts under one version number make it impossible to say which rules were
in force when, and the changelog cannot announce a change that has no version of its own.

## How to fix
Raise `meta.version` (semantic versioning, `MAJOR.MINOR.PATCH`): the patch number for a wording
fix or new contact details, the minor number (or the major number) for a new, removed or moved
rule, any legal change, or a change to what an item does. RB902 says which one is needed.
Set `effective_from` to the date the new version takes effect.

A draft collects edits without a new number: when the base revision already carries the same
version with `status: draft`, the change joins that draft and no raise is asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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
    if level not in ("none", "lower"):
        return  # raised (RB902 judges by how much), or malformed (the schema's finding)
    if level == "none" and v.base_is_draft(base):
        return  # the base's draft collects this change under its own number
    content = v.content_changes(document, base)
    if not content:
        return
    need, example = _largest_need(content, base)
    message = (
        _(
            "the policy changed since {rev} ({count}; {example}) but "
            "meta.version is still {version}: raise it to at least {suggested}"
        )
        if level == "none"
        else _(
            "the policy changed since {rev} ({count}; {example}) but "
            "meta.version went down to {version}: raise it to at least {suggested}"
        )
    )
    count = _("1 change") if len(content) == 1 else _("{count} changes").format(count=len(content))
    yield CHECK.finding(
        document,
        "/meta/version",
        message.format(
            rev=base.rev,
            count=count,
            example=v.describe(example),
            version=new,
            suggested=v.suggest(base.version, need),
        ),
    )


def _largest_need(content: list[Any], base: Any) -> tuple[str, Any]:
    """The largest release the changes need and the first change that needs it, in one pass
    that stops at the first minor one (nothing needs more): judging each of 130,000 changes
    twice took a second."""
    need, example = "none", content[0]
    for change in content:
        found = v.needed(change, v.marking(change, base))
        if v.LEVELS.index(found) > v.LEVELS.index(need):
            need, example = found, change
            if need == "minor":
                break
    return need, example


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
