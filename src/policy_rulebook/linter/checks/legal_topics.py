"""RB602 legal-topics: the legal section covers the topics the organisation's profile needs.

## What it checks
That `legal.items` covers every legal topic of the policy's profile (`meta.profile`, see
docs/profiles.md): personal data (GDPR/AVG), image rights (portretrecht), copyright
(auteursrecht), defamation and insult (laster, eerroof), discrimination, confidentiality
(discretieplicht, beroepsgeheim), political neutrality for public bodies, consequences under
labour law, minors for schools, and patients' rights for care. An item covers a topic when
its topic, text, basis or consequence holds one of the topic's keywords, in Dutch or English,
in any word form ("ouder" and "ouders", "tuchtmaatregel" and "tuchtmaatregelen": Snowball
stemmer; data: `linter/data/legal_topics.yaml`). Words that other items mention in passing
("privacy") count only in an item's `topic`. It runs only for a policy with a profile.

## Why
Real policies have a legal section and still leave out what matters (domain brief, "What real
policies miss"). Each topic has a source: personal data, Regulation (EU) 2016/679 and the
Belgian law of 30 July 2018; image rights, art. XI.174 of the Code of Economic Law; copyright,
Book XI of that Code; defamation and insult, the Criminal Code of the laws of 29 February 2024;
discrimination, the laws of 30 July 1981 and 10 May 2007; confidentiality, the duty of
discretion of public staff (local government decree of 22 December 2017) and art. 17 of the
employment contracts law of 3 July 1978; political neutrality, the local government decree
and the election-year circular; labour law, the law of 3 July 1978 (art. 35, serious cause)
and the staff regulations; minors, image rights and the GDPR with consent by the minor's
capacity of discernment (parents for young children); patients' rights, the law of 22 August
2002 (privacy, art. 10; ombuds function, art. 11). `rulebook explain RB602` lists each
source with the date it was last checked.

## How to fix
Add a legal item on the missing topic, with its `basis` and `consequence`; `rulebook explain
RB602` lists the sources. A topic that does not apply to your organisation can be switched
off in `.rulebook.yaml`: `profile: {disable: [labour-law]}`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter import profiles
from policy_rulebook.linter.checks._words import Forms, all_texts
from policy_rulebook.linter.checks.base import Check, Context, make_check


@cache
def _forms(topic: str, field: str = "keywords") -> Forms:
    """A topic's keywords (or its ``topic_keywords``), matched by word form."""
    keywords = profiles.topics()[topic].get(field) or {}
    return Forms({str(lang): [str(k) for k in words] for lang, words in keywords.items()})


def covers(item: dict[str, Any], topic: str, *, stemmed: bool | None = None) -> bool:
    """Whether a legal item covers a topic: a keyword in its topic, text, basis or consequence
    (not its id), or a topic-only keyword ("privacy") in its topic. ``stemmed``: as in
    ``Forms.search`` (None: the words as written, then their forms)."""
    fields = ("topic", "text", "basis", "consequence")
    texts = " \n".join(all_texts(item.get(key)) for key in fields)
    if _forms(topic).search(texts, stemmed=stemmed) is not None:
        return True
    title = all_texts(item.get("topic"))
    return _forms(topic, "topic_keywords").search(title, stemmed=stemmed) is not None


def missing_topics(document: Document, wanted: Iterable[str]) -> list[str]:
    table = profiles.topics()
    items = [item for _ptr, item in document.iter_kind("legal-item") if isinstance(item, dict)]

    def covered(topic: str) -> bool:
        # every item as written first: the stemmer loads only for a topic none names so
        return any(covers(i, topic, stemmed=False) for i in items) or any(
            covers(i, topic, stemmed=True) for i in items
        )

    return [t for t in wanted if t in table and not covered(t)]


def run(document: Document, context: Context) -> Iterable[Finding]:
    profile = profiles.of_document(document)
    if profile is None or document.get("legal") is None:
        return
    language = (document.primary_language or "en").split("-")[0]
    table = profiles.topics()
    ptr = "/legal/items" if document.get("legal", "items") is not None else "/legal"
    for topic in missing_topics(document, profile.legal_topics):
        title = table[topic]["title"].get(language) or table[topic]["title"]["en"]
        yield CHECK.finding(
            document,
            ptr,
            # The source (law and article) is data in English: `rulebook explain RB602` and
            # linter/data/legal_topics.yaml give it; the message stays in the reader's language.
            _(
                "the legal section has no item on {title}, {why}: add an item with its basis "
                "and consequence"
            ).format(title=title, why=profile.why(topic)),
        )


CHECK: Check = make_check(
    __doc__,
    code="RB602",
    name="legal-topics",
    severity=Severity.WARNING,
    summary=N_("the legal section misses a topic the profile needs (GDPR, image rights, ...)"),
    run=run,
    bad="""
    legal:
      items:
        - id: no-racism
          topic: {nl: Racisme, en: Racism}
          text: {nl: Racistische berichten zijn strafbaar., en: Racist posts are punishable.}
          basis:
            - title: {nl: Antiracismewet van 30 juli 1981, en: Anti-Racism Act of 30 July 1981}
    """,
    good="""
    legal:
      items:
        - id: no-racism
          topic: {nl: Racisme, en: Racism}
          text: {nl: Racistische berichten zijn strafbaar., en: Racist posts are punishable.}
          basis: [{title: {nl: Antiracismewet van 30 juli 1981, en: Anti-Racism Act}}]
          consequence: {nl: Een tuchtprocedure., en: Disciplinary proceedings.}
        - id: privacy
          topic: {nl: Persoonsgegevens (AVG), en: Personal data (GDPR)}
          text: {nl: Deel geen gegevens van inwoners., en: Share no residents' data.}
          basis: [{title: {nl: AVG, en: GDPR}}]
        - id: images
          topic: {nl: Portretrecht, en: Image rights}
          text: {nl: Vraag toestemming voor foto's., en: Ask consent for photos.}
          basis: [{title: {nl: WER art. XI.174, en: CEL art. XI.174}}]
        - id: works
          topic: {nl: Auteursrecht, en: Copyright}
          text: {nl: Vermeld de maker., en: Credit the creator.}
          basis: [{title: {nl: WER boek XI, en: CEL Book XI}}]
        - id: insults
          topic: {nl: Laster en belediging, en: Defamation and insult}
          text: {nl: Beledig niemand., en: Insult nobody.}
          basis: [{title: {nl: Strafwetboek (2024), boek II, en: Criminal Code (2024), Book II}}]
        - id: secrecy
          topic: {nl: Discretieplicht, en: Duty of discretion}
          text: {nl: Deel niets vertrouwelijks., en: Share nothing confidential.}
          basis: [{title: {nl: Deontologische code, en: Code of ethics}}]
        - id: neutrality
          topic: {nl: Politieke neutraliteit, en: Political neutrality}
          text: {nl: Geen propaganda op onze kanalen., en: No propaganda on our channels.}
          basis: [{title: {nl: Decreet lokaal bestuur, en: Local Government Decree}}]
    """,
)
