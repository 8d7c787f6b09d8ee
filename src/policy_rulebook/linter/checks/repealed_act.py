"""RB603 repealed-act: no legal basis cites a repealed or renamed act.

## What it checks
That no `basis` of a legal item names an act that was repealed or renamed, such as the
Belgian privacy law of 8 December 1992 (replaced by the GDPR and the law of 30 July 2018), the
Copyright Act of 30 June 1994 (now Book XI of the Code of Economic Law), the Municipal Decree
of 15 July 2005 (now the local government decree of 22 December 2017) or Directive 95/46/EC.
The table, with a source for every entry, is data: `linter/data/repealed_acts.yaml`.

## Why
A policy that cites a repealed act is out of date, and staff or a court reading it are sent to
rules that no longer apply (domain brief: "a policy that still cites the 1992 act is out of
date"). The legal department needs the current basis to check the item.

## How to fix
Replace the title (and article) with the act that replaced it; the message names it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter import data
from policy_rulebook.linter.checks._words import all_texts
from policy_rulebook.linter.checks.base import Check, Context, make_check


def repealed(title: str) -> dict[str, Any] | None:
    """The table entry of the repealed act a title names, or None."""
    lowered = " ".join(title.lower().split())
    for entry in data.load("repealed_acts.yaml"):
        if any(all(str(part).lower() in lowered for part in parts) for parts in entry["match"]):
            found: dict[str, Any] = entry
            return found
    return None


def run(document: Document, context: Context) -> Iterable[Finding]:
    language = (document.primary_language or "en").split("-")[0]
    for ptr, item in document.iter_kind("legal-item"):
        basis = item.get("basis")
        if not isinstance(basis, list):
            continue
        for index, entry in enumerate(basis):
            if not isinstance(entry, dict):
                continue
            act = repealed(all_texts(entry.get("title")) + " " + str(entry.get("reference", "")))
            if act is not None:
                yield CHECK.finding(
                    document,
                    f"{ptr}/basis/{index}/title",
                    # the source that repealed it is data in English (data/repealed_acts.yaml)
                    _(
                        "the legal item `{id}` cites {was}, which is no longer in force since "
                        "{since}: cite {now} instead"
                    ).format(
                        id=item.get("id", "?"),
                        was=act["was"].get(language) or act["was"]["en"],
                        since=act["since"],
                        now=act["now"].get(language) or act["now"]["en"],
                    ),
                )


CHECK: Check = make_check(
    __doc__,
    code="RB603",
    name="repealed-act",
    severity=Severity.ERROR,
    summary=N_("a legal basis cites a repealed or renamed act (e.g. the 1992 privacy law)"),
    run=run,
    bad="""
    legal:
      items:
        - id: personal-data
          topic: {nl: Privacy, en: Privacy}
          text: {nl: Deel geen gegevens van inwoners., en: Do not share residents' data.}
          basis:
            - title:
                nl: Wet van 8 december 1992 tot bescherming van de persoonlijke levenssfeer
                en: Act of 8 December 1992 on the protection of privacy
    """,
    good="""
    legal:
      items:
        - id: personal-data
          topic: {nl: Privacy, en: Privacy}
          text: {nl: Deel geen gegevens van inwoners., en: Do not share residents' data.}
          basis:
            - title: {nl: Verordening (EU) 2016/679 (AVG), en: Regulation (EU) 2016/679 (GDPR)}
            - title:
                nl: Wet van 30 juli 2018 betreffende de bescherming van persoonsgegevens
                en: Act of 30 July 2018 on the protection of personal data
    """,
)
