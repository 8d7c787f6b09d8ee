"""RB010 unknown-section: every top-level key is a known section.

## What it checks
That each file's top-level keys are sections of a rulebook: `meta`, `brand`, `conduct`,
`legal`, `contact`, `roles`, `reactions`, `house_rules`, `channels`. At most 100 are listed
per file; one more finding counts the rest.

## Why
A misspelt section (`contacts:` for `contact:`) would silently leave that element out of the
policy; the linter would then also report the element as missing, far from the real mistake.

## How to fix
Correct the spelling, or move the content into the section it belongs to.
"""

from policy_rulebook.core import codes
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import loader_check

CHECK = loader_check(
    __doc__,
    code=codes.UNKNOWN_SECTION,
    name="unknown-section",
    summary=N_("a top-level key is not a section of a rulebook"),
    bad="""
    house-rules:
      intro: Kritiek is welkom.
    """,
    good="""
    house_rules:
      intro: Kritiek is welkom.
    """,
)
