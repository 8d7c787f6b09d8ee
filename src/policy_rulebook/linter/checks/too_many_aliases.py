"""RB007 too-many-aliases: a file uses YAML aliases sparingly, and never inside themselves.

## What it checks
That a file uses at most 100 aliases (`*name`, pointing back to an anchor `&name`), standing
for at most 10,000 values in all, and that no alias is used inside the block it names.

## Why
An alias repeats a block without writing it out. Ten aliases to a list of ten aliases to a
list of ten... stand for a billion values: a file of a few lines that keeps every reader busy
for hours ("billion laughs"). An alias inside its own block never ends at all. A policy that
people read needs few aliases or none, so rulebook stops reading the file and reports it.

## How to fix
Write the repeated values out where they are used, and remove the anchors and aliases.
"""

from policy_rulebook.core import codes
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import loader_check

CHECK = loader_check(
    __doc__,
    code=codes.TOO_MANY_ALIASES,
    name="too-many-aliases",
    summary=N_("a file uses YAML aliases far more than a policy needs, or inside themselves"),
    bad="""
    meta:
      organisation: &org [Stad Lindebeek, *org]
    """,
    good="""
    meta:
      organisation: Stad Lindebeek
    """,
)
