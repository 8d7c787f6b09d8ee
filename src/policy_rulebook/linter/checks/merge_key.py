"""RB009 merge-key: no YAML merge keys (`<<`).

## What it checks
That no mapping uses the merge key `<<: *name` to copy the fields of another mapping.

## Why
Merge keys are not part of YAML 1.2, and tools disagree on what they mean: some copy the
fields, some read a field called `<<`. Someone reading the file sees neither the fields nor
where they come from. rulebook never merges: it reads `<<` as an ordinary (unknown) field and
reports it.

## How to fix
Write the fields out in full in the mapping that had `<<:`.
"""

from policy_rulebook.core import codes
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import loader_check

CHECK = loader_check(
    __doc__,
    code=codes.MERGE_KEY,
    name="merge-key",
    summary=N_("a mapping uses the merge key `<<`"),
    bad="""
    contact:
      primary: &primary
        name: Sara Peeters
        role: Communicatieverantwoordelijke
        email: communicatie@lindebeek.be
      backup:
        <<: *primary
        name: Tom Claes
    """,
    good="""
    contact:
      primary:
        name: Sara Peeters
        role: Communicatieverantwoordelijke
        email: communicatie@lindebeek.be
      backup:
        name: Tom Claes
        role: Communicatieverantwoordelijke
        email: communicatie@lindebeek.be
    """,
)
