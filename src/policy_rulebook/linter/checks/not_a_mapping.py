"""RB004 not-a-mapping: every file holds sections by name.

## What it checks
That each file is a mapping of section names (`meta:`, `conduct:`, ...), not an empty file,
a list or a single value.

## Why
The loader merges the sections of all files into one policy. A file without sections adds
nothing, which is almost always a mistake (a file saved empty, or indentation lost).

## How to fix
Start the file with the name of the section it holds, e.g. `legal:`, and indent its content.
"""

from policy_rulebook.core import codes
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import loader_check

CHECK = loader_check(
    __doc__,
    code=codes.NOT_A_MAPPING,
    name="not-a-mapping",
    summary=N_("a file does not hold sections by name"),
    bad="""
    - id: be-polite
      text: Be polite.
    """,
    good="""
    conduct:
      dos:
        - id: be-polite
          text: Be polite.
    """,
)
