"""RB610 no-profile: the policy names its kind of organisation (`meta.profile`).

## What it checks
That `meta.profile` names one of the bundled profiles (local-government, public-body,
education, higher-education, care, non-profit, company; see docs/profiles.md), or that the
configuration gives one. Without a profile, the checks that depend on the kind of
organisation do not run: the legal topics a policy must cover (RB602), the review questions
(RB612), the threats branch of the reaction scheme (RB708) and political neutrality (RB804).
This finding is information: it never fails a run, not even with `--strict`.

## Why
A policy without a profile lints cleaner than it is: a hospital policy without a word on
medical secrecy, or a school's without a rule on minors, gets no finding at all. The one
line says what did not run, so that nobody mistakes silence for approval.

## How to fix
Add `profile: NAME` to `meta.yaml`, or try one first with `rulebook lint --profile NAME`
(`rulebook init --profile NAME` writes it for a new policy). An organisation that fits no
profile exactly starts from the nearest and adjusts it in `.rulebook.yaml` (`profile:
{extends: NAME, require: [...], disable: [...]}`).
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter import profiles
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    if document.get("meta") is None or profiles.of_document(document) is not None:
        return
    yield CHECK.finding(
        document,
        "/meta",
        _(
            "the policy has no profile (`meta.profile`), so the checks for its kind of "
            "organisation did not run ({codes}): add `profile: NAME` to meta ({names}), or "
            "try one with `rulebook lint --profile NAME`"
        ).format(codes=", ".join(sorted(profiles.bound_checks())), names=", ".join(profiles.NAMES)),
    )


CHECK: Check = make_check(
    __doc__,
    code="RB610",
    name="no-profile",
    severity=Severity.INFO,
    summary=N_("the policy names no profile: the checks for its kind of organisation did not run"),
    run=run,
    bad="""
    meta:
      organisation: Stad Lindebeek
      version: 2.1.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2026-11-23
      review_by: 2028-09-01
      languages: [nl, en]
    """,
    good="""
    meta:
      organisation: Stad Lindebeek
      profile: local-government
      version: 2.1.0
      status: adopted
      owner: Dienst Communicatie
      adopted_on: 2026-11-23
      review_by: 2028-09-01
      languages: [nl, en]
    """,
)
