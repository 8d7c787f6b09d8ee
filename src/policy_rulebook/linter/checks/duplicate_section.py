"""RB011 duplicate-section: each section is defined in one file only.

## What it checks
That no section appears in two files of the rulebook directory.

## Why
Splitting the policy over files lets an organisation give each file an owner (legal owns
`legal.yaml`). Two files that both define `legal:` would make it unclear which one counts and
who owns it; rulebook keeps the first (in file-name order) and reports the second.

## How to fix
Merge the two into one file.
"""

from policy_rulebook.core import codes
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import loader_check

CHECK = loader_check(
    __doc__,
    code=codes.DUPLICATE_SECTION,
    name="duplicate-section",
    summary=N_("a section is defined in more than one file"),
    bad="""
    # file: legal.yaml
    legal:
      items: []
    # file: legal-extra.yaml
    legal:
      items: []
    """,
    good="""
    # file: legal.yaml
    legal:
      items: []
    """,
)
