"""RB904 configuration-changed: the configuration file changed since the base revision.

## What it checks
With `rulebook lint --base REV`, whether the configuration file (`.rulebook.yaml`, or
`[tool.rulebook]` in `pyproject.toml`) was added, changed or removed since REV. The finding
points at the first line that differs. It is information: it does not fail a run unless
`severity` in the configuration raises it.

## Why
The configuration decides which checks run and how strict they are. A pull request that adds
`ignore: [RB9]` to it switches version discipline off for itself and for every later change;
the reviewer of that pull request must see the change next to the policy's own, not find out
months later. That is why no `select` or `ignore` switches this check off, as none can hide a
file that does not parse.

## How to fix
Nothing to fix when the change is meant: review it with the owner of the policy, as a change
to the policy itself. Otherwise, undo the change to the configuration file.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks.base import Check, Context, make_check

_HOW = {
    "added": N_(
        "the configuration {file} was added since {base}: review which checks it selects, "
        "ignores or lowers, as part of this change"
    ),
    "changed": N_(
        "the configuration {file} changed since {base}: review which checks it selects, "
        "ignores or lowers, as part of this change"
    ),
    "removed": N_(
        "the configuration {file} was removed since {base}: every check runs as it does "
        "without one; review that as part of this change"
    ),
}


def run(document: Document, context: Context) -> Iterable[Finding]:
    change = context.configuration_change
    if change is None:
        return
    yield Finding(
        change.file,
        change.line,
        1,
        CHECK.code,
        CHECK.severity,
        _(_HOW[change.how]).format(file=change.file, base=change.base),
    )


CHECK: Check = make_check(
    __doc__,
    code="RB904",
    name="configuration-changed",
    severity=Severity.INFO,
    summary=N_("the configuration file changed since the base revision"),
    run=run,
    bad="""
    # commit: .rulebook.yaml holds `format: text`
    # now: .rulebook.yaml holds `format: text` and `ignore: [RB9]`
    """,
    good="""
    # commit: .rulebook.yaml holds `format: text`
    # now: .rulebook.yaml is the same
    """,
)
