"""RB008 too-deep: no file nests more than 64 levels deep.

## What it checks
That lists and mappings in a file are nested at most 64 levels deep.

## Why
The deepest place in a policy is about 7 levels down (a translation of the example of a rule).
A file nested thousands of levels deep is a mistake or an attempt to crash the tools that read
it; rulebook stops reading it and reports the place instead.

## How to fix
Check the indentation and the brackets (`[`, `{`) near the reported line.
"""

from policy_rulebook.core import codes
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import loader_check

CHECK = loader_check(
    __doc__,
    code=codes.TOO_DEEP,
    name="too-deep",
    summary=N_("a file nests lists or mappings more than 64 levels deep"),
    bad="""
    meta:
      organisation: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
        [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
        ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
        ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
    """,
    good="""
    meta:
      organisation: Stad Lindebeek
    """,
)
