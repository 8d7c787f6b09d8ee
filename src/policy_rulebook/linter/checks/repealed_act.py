"""RB603 repealed-act: no legal basis cites a repealed or renamed act.

## What it checks
That no `basis` of a legal item names an act that was repealed or renamed, such as the
Belgian privacy law of 8 December 1992 (replaced by the GDPR and the law of 30 July 2018), the
Copyright Act of 30 June 1994 (now Book XI of the Code of Economic Law), the Municipal Decree
of 15 July 2005 (now the local government decree of 22 December 2017), Directive 95/46/EC,
Royal Decree no. 78 of 10 November 1967 (now the coordinated law of 10 May 2015), the
hospitals act coordinated on 7 August 1987 (now 10 July 2008), the non-profit act of 27 June
1921 (now the Code of Companies and Associations), art. 1382-1383 of the old Civil Code (now
art. 6.5 of Book 6), the Market Practices Act of 6 April 2010 (now Book VI of the Code of
Economic Law) or the articles of the Criminal Code of 1867 (replaced on 8 April 2026). The
table, with a source and an as-of date for every entry, is data:
`linter/data/repealed_acts.yaml`. An act replaced after the policy was adopted is RB611 (a
review that is due), not this error.

## Why
A policy that cites a repealed act is out of date, and staff or a court reading it are sent to
rules that no longer apply (domain brief: "a policy that still cites the 1992 act is out of
date"). The legal department needs the current basis to check the item.

## How to fix
Replace the title (and article) with the act that replaced it; the message names it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter import data
from policy_rulebook.linter.checks._meta_dates import meta_date
from policy_rulebook.linter.checks._words import all_texts
from policy_rulebook.linter.checks.base import Check, Context, make_check


@cache
def _table() -> tuple[
    tuple[dict[str, Any], tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]], ...
]:
    """The table with its match and unless parts lowered once (data/repealed_acts.yaml)."""

    def lowered(lists: Any) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(str(part).lower() for part in parts) for parts in lists)

    return tuple(
        (entry, lowered(entry["match"]), lowered(entry.get("unless", ())))
        for entry in data.load("repealed_acts.yaml")
    )


def repealed(title: str) -> dict[str, Any] | None:
    """The table entry of the repealed act a title names, or None."""
    lowered = " ".join(title.lower().split())
    for entry, match, unless in _table():
        if any(all(part in lowered for part in parts) for parts in match) and not any(
            all(part in lowered for part in parts) for parts in unless
        ):
            return entry
    return None


def since(act: dict[str, Any]) -> dt.date:
    """The day the act stopped applying (YAML may give a date or its text)."""
    value = act["since"]
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def cited(document: Document, after_adoption: bool) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """(pointer of the basis title, legal item, table entry) for each basis that cites a
    repealed act: replaced after the policy's adoption (``after_adoption``: due for review,
    RB611) or before it, or in a policy not adopted yet (RB603)."""
    for where, item, act, later in _all_cited(document):
        if later == after_adoption:
            yield where, item, act


def _all_cited(document: Document) -> list[tuple[str, Any, dict[str, Any], bool]]:
    """Every basis that cites a repealed act, found once for RB603 and RB611 together."""
    if _DERIVED in document.derived:
        found: list[tuple[str, Any, dict[str, Any], bool]] = document.derived[_DERIVED]
        return found
    adopted = meta_date(document, "adopted_on")
    found = []
    for ptr, item in document.iter_kind("legal-item"):
        basis = item.get("basis")
        if not isinstance(basis, list):
            continue
        for index, entry in enumerate(basis):
            if not isinstance(entry, dict):
                continue
            act = repealed(all_texts(entry.get("title")) + " " + str(entry.get("reference", "")))
            if act is not None:
                later = adopted is not None and since(act) > adopted
                found.append((f"{ptr}/basis/{index}/title", item, act, later))
    document.derived[_DERIVED] = found
    return found


_DERIVED = "repealed-acts"


def localized(act: dict[str, Any], key: str, language: str) -> str:
    # the table's texts are data in nl and en (data/repealed_acts.yaml)
    text: str = act[key].get(language) or act[key]["en"]
    return text


def run(document: Document, context: Context) -> Iterable[Finding]:
    language = (document.primary_language or "en").split("-")[0]
    for where, item, act in cited(document, after_adoption=False):
        yield CHECK.finding(
            document,
            where,
            _(
                "the legal item `{id}` cites {was}, which is no longer in force since "
                "{since}: cite {now} instead"
            ).format(
                id=item.get("id", "?"),
                was=localized(act, "was", language),
                since=since(act).isoformat(),
                now=localized(act, "now", language),
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
