"""``rulebook rules`` and ``rulebook explain CODE``: plain text from each check's own docs.

A check's docstring is ``CODE name: one line`` followed by ``## What it checks``, ``## Why`` and
``## How to fix``; its ``bad`` and ``good`` examples are tested to fail and pass.
"""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Sequence

from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import _
from policy_rulebook.linter.checks import CHECKS, Check


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
    close = difflib.get_close_matches(wanted.upper() if wanted[:2].upper() == "RB" else wanted,
                                      candidates, n=3, cutoff=0.6)
    hint = f": did you mean {', '.join(close)}?" if close else ""
    raise InputError(f"no check with the code or name {wanted!r}{hint} "
                     "(`rulebook rules` lists them all)")


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
    lines = [f"{c.code}  {c.name:<{name_width}}  {c.severity.value:<7}  "
             f"{labels[c.code]:<{label_width}}  {c.summary}" for c in checks]
    lines.append(_("{count} checks. The fourth column names the organisation profiles "
                   "(meta.profile) that run a check: all = every policy, any-profile = every "
                   "policy with a profile. Run `rulebook explain CODE` for what one checks, why, "
                   "and how to fix it.").format(count=len(checks)))
    return "\n".join(lines) + "\n"


def render_explain(check: Check) -> str:
    """What a check checks, why, how to fix it, and a failing and a passing example."""
    title = check.doc.splitlines()[0] if check.doc else f"{check.code} {check.name}"
    label = profiles_label(check)
    parts = [title, f"Default severity: {check.severity.value}.",
             _("Profiles: every policy.") if label == "all" else
             _("Profiles: every policy with a meta.profile.") if label == "any-profile" else
             _("Profiles: only {profiles} (meta.profile).").format(profiles=label)]
    for heading, text in doc_sections(check).items():
        parts.append(f"{heading}\n{textwrap.indent(text, '  ')}")
    parts.append("Fails (this gives the finding):\n" + textwrap.indent(check.bad, "    "))
    parts.append("Passes:\n" + textwrap.indent(check.good, "    "))
    if not check.code.startswith("RB05"):  # the suppression checks cannot be silenced
        parts.append(f"Silence it for one item, with a reason:\n"
                     f"    # rulebook: ignore[{check.code}] reason: why this is acceptable")
    return "\n\n".join(parts) + "\n"
