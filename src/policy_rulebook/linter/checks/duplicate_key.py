"""RB002 duplicate-key: no key appears twice in the same mapping.

## What it checks
That a mapping does not list the same key twice, such as two `text:` lines in one rule. At
most 100 repeated keys are listed per file; the rest are counted in one more finding.

## Why
YAML readers disagree about which of the two values wins, so the policy would mean different
things in different tools. rulebook keeps the first one and reports the second.

## How to fix
Merge the two values or remove one of them.
"""

from policy_rulebook.core import codes
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import loader_check

CHECK = loader_check(
    __doc__,
    code=codes.DUPLICATE_KEY,
    name="duplicate-key",
    summary=N_("a key appears twice in the same mapping"),
    bad="""
    conduct:
      dos:
        - id: be-polite
          text: Be polite.
          text: Be kind.
    """,
    good="""
    conduct:
      dos:
        - id: be-polite
          text: Be polite and kind.
    """,
)
