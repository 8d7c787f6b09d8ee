"""``rulebook rules`` and ``rulebook explain CODE``: plain text from each check's own docs.

A check's docstring is ``CODE name: one line`` followed by ``## What it checks``, ``## Why`` and
``## How to fix``; its ``bad`` and ``good`` examples are tested to fail and pass.
"""

from __future__ import annotations

import difflib
import re
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import N_, _, current
from policy_rulebook.linter.checks import CHECKS, Check

#: The headings of a check's docs, translated where shown (the bodies are in English).
HEADINGS = {
    "What it checks": N_("What it checks"),
    "Why": N_("Why"),
    "How to fix": N_("How to fix"),
}


def doc_sections(check: Check) -> dict[str, str]:
    """The ``## Heading`` sections of a check's docs, by heading, text without the heading."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in check.doc.splitlines()[1:]:
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), [])
        elif current is not None:
            current.append(line)
    return {heading: "\n".join(lines).strip() for heading, lines in sections.items()}


def translatable_docs(checks: Sequence[Check] = CHECKS) -> Iterator[tuple[str, str]]:
    """(check code, text) for each section of each check's docs, as the catalogue holds it
    (paragraphs unwrapped): scripts/update_catalogues.py adds them to the catalogue."""
    for check in checks:
        for text in doc_sections(check).values():
            yield check.code, unwrap(text)


def translated_sections(check: Check) -> dict[str, str]:
    """The check's doc sections in the chosen language, by (translated) heading: the English
    text as written, a translation re-wrapped to the width of the English."""
    sections = {}
    for heading, text in doc_sections(check).items():
        flat = unwrap(text)
        words = _(flat)
        if words != flat:
            text = "\n\n".join(_fill(p) for p in words.split("\n\n"))
        sections[_(HEADINGS.get(heading, heading))] = text
    return sections


def _fill(paragraph: str) -> str:
    """A paragraph wrapped to the width of the docs, never inside `code`."""
    kept = re.sub(r"`[^`]*`", lambda m: m.group().replace(" ", "\0"), paragraph)
    return textwrap.fill(kept, width=94, break_on_hyphens=False).replace("\0", " ")


def unwrap(text: str) -> str:
    """Paragraphs as single lines (for SARIF and other readers that wrap text themselves)."""
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def find(query: str, checks: Sequence[Check] = CHECKS) -> Check:
    """The check with this code or name (any case); an InputError with a did-you-mean if none."""
    wanted = query.strip()
    for check in checks:
        if wanted.upper() == check.code or wanted.lower() == check.name:
            return check
    candidates = [c.code for c in checks] + [c.name for c in checks]
    close = _closest(wanted.upper() if wanted[:2].upper() == "RB" else wanted, candidates)
    hint = f": did you mean {', '.join(close)}?" if close else ""
    raise InputError(
        _(
            "no check with the code or name {wanted!r}{hint} (`rulebook rules` lists them all)"
        ).format(wanted=wanted, hint=hint)
    )


def _closest(wanted: str, candidates: Sequence[str]) -> list[str]:
    """Up to three candidates at least 0.6 alike, the most alike first; among equals, one with
    the same characters (a transposition: RB510 -> RB501), then the most characters in place,
    then the lowest code (difflib alone puts the highest first: RB6O1 -> RB612, not RB601)."""
    scored = []
    for candidate in candidates:
        ratio = difflib.SequenceMatcher(None, wanted, candidate).ratio()
        if ratio >= 0.6:
            same_place = sum(a == b for a, b in zip(wanted, candidate, strict=False))
            scored.append((-ratio, sorted(wanted) != sorted(candidate), -same_place, candidate))
    return [candidate for *_key, candidate in sorted(scored)[:3]]


def profiles_label(check: Check) -> str:
    """Which organisation profiles run a check: ``all``, or the profiles that enable it."""
    from policy_rulebook.linter import profiles

    enabled = profiles.enabling(check.code)
    if len(enabled) == len(profiles.NAMES):
        return "any-profile" if check.code in profiles.bound_checks() else "all"
    return ",".join(enabled) if enabled else "-"


def render_rules(checks: Sequence[Check] = CHECKS) -> str:
    """One line per check: code, name, default severity, profiles that run it, what it finds."""
    checks = sorted(checks, key=lambda c: c.code)
    name_width = max(len(c.name) for c in checks)
    labels = {c.code: profiles_label(c) for c in checks}
    label_width = max(len(label) for label in labels.values())
    lines = [
        f"{c.code}  {c.name:<{name_width}}  {c.severity.value:<7}  "
        f"{labels[c.code]:<{label_width}}  {_(c.summary)}"
        for c in checks
    ]
    lines.append(
        _(
            "{count} checks. The fourth column names the organisation profiles "
            "(meta.profile) that run a check: all = every policy, any-profile = every "
            "policy with a profile. Run `rulebook explain CODE` for what one checks, why, "
            "and how to fix it."
        ).format(count=len(checks))
    )
    return "\n".join(lines) + "\n"


def render_explain(check: Check) -> str:
    """What a check checks, why, how to fix it, and a failing and a passing example."""
    title = check.doc.splitlines()[0] if check.doc else f"{check.code} {check.name}"
    if current() != "en":  # the docs are written in English; the summary is translated
        title = f"{check.code} {check.name}: {_(check.summary)}"
    from policy_rulebook.linter.reporters.text import severity_word

    label = profiles_label(check)
    parts = [
        title,
        _("Default severity: {severity}.").format(severity=severity_word(check.severity)),
        _("Profiles: every policy.")
        if label == "all"
        else _("Profiles: every policy with a meta.profile.")
        if label == "any-profile"
        else _("Profiles: only {profiles} (meta.profile).").format(profiles=label),
    ]
    for heading, text in translated_sections(check).items():
        parts.append(f"{heading}\n{textwrap.indent(text, '  ')}")
    sources = legal_sources(check.code)
    if sources:
        parts.append(
            _("Legal sources (each checked on its as-of date; docs/legal-sources.md):")
            + "\n"
            + "\n".join(textwrap.indent(line, "  ") for line in sources)
        )
    parts.append(_("Fails (this gives the finding):") + "\n" + textwrap.indent(check.bad, "    "))
    parts.append(_("Passes:") + "\n" + textwrap.indent(check.good, "    "))
    if not check.code.startswith("RB05"):  # the suppression checks cannot be silenced
        parts.append(
            _("Silence it for one item, with a reason:") + "\n"
            f"    # rulebook: ignore[{check.code}] reason: " + _("why this is acceptable")
        )
    return "\n\n".join(parts) + "\n"


def legal_sources(code: str) -> list[str]:
    """The legal data a check reads, one entry a line with its source and as-of date (the
    data is in English: it is what legal reviews, see docs/legal-sources.md)."""
    from policy_rulebook.linter import data, review

    def cite(entry: Mapping[str, Any]) -> str:
        url = f" <{entry['url']}>" if entry.get("url") else ""
        return _("{source}{url} (as of {date})").format(
            source=entry["source"], url=url, date=entry["as_of"]
        )

    if code == "RB602":
        topics: dict[str, Any] = data.load("legal_topics.yaml")
        return [f"- {topic}: {cite(entry)}" for topic, entry in topics.items()]
    if code in ("RB603", "RB611"):
        return [
            f"- {entry['was']['en']} -> {entry['now']['en']} ({entry['since']}): {cite(entry)}"
            for entry in data.load("repealed_acts.yaml")
        ]
    if code == "RB612":
        return [
            f"- {q.id} ({', '.join(q.profiles)}): {cite(q.__dict__)}"
            for q in review.all_questions()
        ]
    return []
