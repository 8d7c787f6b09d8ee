"""RB005 encoding: every file is UTF-8 (or UTF-16 with a byte-order mark) text.

## What it checks
That each file can be decoded as UTF-8, with or without a byte-order mark, or as UTF-16 with
a byte-order mark, and holds no NUL bytes.

## Why
A file in another encoding (Windows-1252 from an old editor) or a binary file that ended up
in the folder would show accents as garbage or nothing at all.

## How to fix
Save the file as UTF-8 in your editor ("Save with encoding").
"""

from policy_rulebook.core import codes
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import loader_check

CHECK = loader_check(
    __doc__,
    code=codes.ENCODING,
    name="encoding",
    summary=N_("a file is not UTF-8 or UTF-16 text"),
    bad="""
    # encoding: cp1252
    meta:
      owner: Dienst Communicatie en Participatie, café
    """,
    good="""
    meta:
      owner: Dienst Communicatie en Participatie, café
    """,
)
