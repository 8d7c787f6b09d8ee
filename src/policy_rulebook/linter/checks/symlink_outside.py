"""RB012 symlink-outside: no file of the rulebook folder links to a file outside it.

## What it checks
That every `.yaml` / `.yml` file in the rulebook folder that is a symbolic link points to a
file inside the same folder.

## Why
The linter runs on pull requests that anyone may open. A link such as `meta.yaml ->
/etc/passwd` or `-> ../../secrets.yaml` would make rulebook read, and quote in its findings,
a file that is not part of the policy. rulebook does not follow such a link.

## How to fix
Copy the content into the rulebook folder instead of linking to it, or move the file
into the folder.
"""

from policy_rulebook.core import codes
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import loader_check

CHECK = loader_check(
    __doc__,
    code=codes.SYMLINK_OUTSIDE,
    name="symlink-outside",
    summary=N_("a file in the rulebook folder links to a file outside it"),
    bad="""
    # (a link to a file outside the folder: not expressible as text)
    """,
    good="""
    meta:
      organisation: Stad Lindebeek
    """,
)
