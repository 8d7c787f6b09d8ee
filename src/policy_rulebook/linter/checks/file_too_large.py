"""RB006 file-too-large: no file is larger than the size limit.

## What it checks
That no file of the rulebook is larger than the limit (4 MiB unless configured); that no file
holds more than one value (a text, number, list or group of fields) for every 16 bytes of that
limit (262,144 in 4 MiB: reading stops at the first one over); and that no file over 256 Ki
characters needs the slow YAML reader: one with anchors, tags, tabs or YAML 1.1 line breaks,
which only that reader takes (it reads about 0.1 MB a second).

## Why
A policy that people read is a few hundred kilobytes at most, with one value for every 50 to
100 bytes. A far larger file, or one packed with values (a 4 MiB file of `a: 1` lines holds
1.7 million), is a mistake (an export, a binary) or an attempt to slow down CI; rulebook does
not read it.

## How to fix
Split the file, remove what does not belong in the policy, or raise the limit with
`rulebook lint --max-file-size 8M` (or `max-file-size` in the configuration). For the second
limit: split the file, or write it without anchors, tags and tabs.
"""

from policy_rulebook.core import codes
from policy_rulebook.core.i18n import N_
from policy_rulebook.linter.checks.base import loader_check

CHECK = loader_check(
    __doc__,
    code=codes.FILE_TOO_LARGE,
    name="file-too-large",
    summary=N_("a file is larger than the size limit"),
    bad="""
    # (a file of more than 4 MiB)
    """,
    good="""
    meta:
      owner: Dienst Communicatie
    """,
)
