#!/usr/bin/env python3
"""Start a new check: its module, its place in the registry, and its messages in the catalogues.

    .venv/bin/python scripts/add_check.py RB408 contact-hours --severity warning

1. Refuses a code that is in use or retired (codes are permanent), or a malformed one.
2. Writes ``src/policy_rulebook/linter/checks/<name>.py`` from the model below: the docstring
   (what / why / how to fix, shown by ``rulebook explain`` and docs/checks.md), ``run()`` that
   yields findings, and ``CHECK`` with a failing (``bad``) and a passing (``good``) example that
   tests/test_check_examples.py runs.
3. Adds the module to the registry (``linter/checks/__init__.py``) after the last check of its
   family (RB4xx after the RB4xx checks).
4. Runs ``scripts/update_catalogues.py`` so the new messages have empty nl and fr entries.

Then: write the check, fill in the translations, and run ``scripts/regen.py`` (docs/checks.md,
the samples, the goldens that list every check). CONTRIBUTING.md has the whole journey.
(Modelled on ruff's ``scripts/add_rule.py``.)
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHECKS = REPO / "src" / "policy_rulebook" / "linter" / "checks"
REGISTRY = CHECKS / "__init__.py"

MODEL = '''"""{code} {name}: {summary}.

## What it checks
TODO: what the check looks at, in plain words (a communications officer reads this).

## Why
TODO: why a reviewer cares: what goes wrong for staff, legal or the public without it.

## How to fix
TODO: what to write instead, with the YAML key to add or change.
"""

from __future__ import annotations

from collections.abc import Iterable

from policy_rulebook.core.document import Document
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.checks.base import Check, Context, make_check


def run(document: Document, context: Context) -> Iterable[Finding]:
    section = document.get("TODO-section")
    if isinstance(section, dict) and not section.get("TODO-key"):
        yield CHECK.finding(
            document,
            "/TODO-section",
            _("TODO: the message: what is wrong and what to write instead"),
        )


CHECK: Check = make_check(
    __doc__,
    code="{code}",
    name="{name}",
    severity=Severity.{severity},
    summary=N_("{summary}"),
    run=run,
    bad="""
    TODO-section:
      other: a policy fragment that gives the finding
    """,
    good="""
    TODO-section:
      TODO-key: the same fragment, fixed
    """,
)
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("code", help="the new permanent code, e.g. RB408")
    parser.add_argument("name", help="the check's name in kebab-case, e.g. contact-hours")
    parser.add_argument("--severity", choices=("error", "warning", "info"), default="warning")
    parser.add_argument(
        "--summary", default="TODO one line: what is wrong", help="the one-line summary"
    )
    parser.add_argument(
        "--no-catalogues", action="store_true", help="do not run update_catalogues.py"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    from policy_rulebook.core.codes import RETIRED
    from policy_rulebook.linter.checks import CHECKS as REGISTERED

    code, name = args.code.upper(), args.name
    if not re.fullmatch(r"RB\d{3}", code):
        parser.error(f"{code}: a code is RB and three digits")
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", name):
        parser.error(f"{name}: a name is lower-case words joined by '-'")
    if code in RETIRED:
        parser.error(f"{code} is retired: codes are permanent, take another")
    used = {check.code: check.name for check in REGISTERED}
    if code in used:
        parser.error(f"{code} is in use by {used[code]}")
    if name in used.values():
        parser.error(f"the name {name} is in use")
    module = name.replace("-", "_")
    path = CHECKS / f"{module}.py"
    if path.exists():
        parser.error(f"{path.relative_to(REPO)} exists")

    path.write_text(
        MODEL.format(code=code, name=name, summary=args.summary, severity=args.severity.upper()),
        encoding="utf-8",
    )
    registry = REGISTRY.read_text(encoding="utf-8")
    imports = re.search(r"from policy_rulebook\.linter\.checks import \(.*?\n\)", registry, re.S)
    assert imports, "the registry's import list"
    names = [*re.findall(r"^    (\w+),", imports.group(0), re.M), module]
    block = imports.group(0).split("\n")[0] + "\n" + "".join(f"    {n},\n" for n in sorted(names))
    registry = registry.replace(imports.group(0), block + ")")
    # after the last registered check of the same family (RB4xx: the same hundred)
    family = [c for c in REGISTERED if c.code[:3] == code[:3]]
    entries = re.findall(r"^    (\w+)\.CHECK,$", registry, re.M)
    after = None
    if family:
        modules = {c.run.__module__.rsplit(".", 1)[1]: c.code for c in REGISTERED}
        same = [m for m in entries if modules.get(m, "")[:3] == code[:3]]
        after = same[-1] if same else None
    if after:
        registry = registry.replace(
            f"    {after}.CHECK,\n", f"    {after}.CHECK,\n    {module}.CHECK,\n", 1
        )
    else:
        registry = registry.replace("\n)\n\nBY_CODE", f"\n    {module}.CHECK,\n)\n\nBY_CODE", 1)
    REGISTRY.write_text(registry, encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)}; registered after {after or 'the last check'}")
    if not args.no_catalogues:
        subprocess.run(
            [sys.executable, str(REPO / "scripts" / "update_catalogues.py")], check=False
        )
    print("next: write the check and its examples, translate its messages (nl, fr), then run")
    print("      .venv/bin/python scripts/regen.py")
    print("      .venv/bin/pytest tests/test_check_examples.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
