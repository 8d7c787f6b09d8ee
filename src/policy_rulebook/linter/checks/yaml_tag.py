"""RB003 yaml-tag: no explicit YAML tags.

## What it checks
That no value carries an explicit tag such as `!!python/object/apply:os.system` or `!include`.

## Why
Tags ask a YAML reader to build objects or run code. A policy holds only text, lists and
mappings, and it is read from pull requests that anyone may open: rulebook never constructs a
tagged value, it reads the plain value and reports the tag. Harmless core tags (`!!str`,
`!!int`, ...) are allowed.

## How to fix
Remove the tag; write the value as plain text.
"""

from policy_rulebook.core import codes
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import loader_check

CHECK = loader_check(
    __doc__,
    code=codes.YAML_TAG,
    name="yaml-tag",
    summary=N_("a value carries an explicit YAML tag"),
    bad="""
    meta:
      owner: !!python/object/apply:os.system [echo owned]
    """,
    good="""
    meta:
      owner: Dienst Communicatie
    """,
)
