"""RB001 yaml-syntax: every file is valid YAML.

## What it checks
That each file of the rulebook can be read as YAML at all. The finding points at the line and
column where the reader gave up, which is often just after the real mistake.

## Why
A file that cannot be read hides its whole content: every rule in it is missing from the policy.
The usual causes are a missing space after a colon, a tab for indentation, an unclosed quote,
or a colon inside a text that is not quoted.

## How to fix
Look at the line and the one before. Put a text that contains `: ` between double quotes.
"""

from policy_rulebook.core import codes
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import loader_check

CHECK = loader_check(
    __doc__,
    code=codes.YAML_SYNTAX,
    name="yaml-syntax",
    summary=N_("a file is not valid YAML"),
    bad="""
    conduct:
      dos:
        - id: be-polite
          text: "Be polite.
    """,
    good="""
    conduct:
      dos:
        - id: be-polite
          text: "Be polite."
    """,
)
