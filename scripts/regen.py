#!/usr/bin/env python3
"""Regenerate everything that is generated, in one command, in the right order.

    .venv/bin/python scripts/regen.py           # rewrite what is stale
    .venv/bin/python scripts/regen.py --check   # change nothing; exit 1 naming what is stale

1. catalogues: extract the messages, update nl/fr/en ``.po``, compile the ``.mo``
   (``scripts/update_catalogues.py``);
2. the configuration schema's ``format`` enum, from the one reporter table
   (``linter/reporters/__init__.py: REPORTERS``);
3. the docs samples and the checks page, from running the commands and the check registry
   (``scripts/docs_samples.py``);
4. the corpus's recall table (``scripts/coverage_table.py``);
5. the golden files: the tests that compare with ``tests/golden/`` run with ``UPDATE_GOLDEN=1``
   (each written golden fails its test once: read ``git diff tests/golden``, then run them
   again; ``--check`` runs them without writing).

Run it after a change that alters messages, output or the list of checks; then review
``git diff`` before committing. CONTRIBUTING.md lists when which step matters.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CONFIG_SCHEMA = REPO / "schema" / "config.schema.json"


def _run(title: str, *command: str, env: dict[str, str] | None = None) -> bool:
    print(f"== {title}", flush=True)
    done = subprocess.run(command, cwd=REPO, env={**os.environ, **(env or {})}, check=False)
    return done.returncode == 0


def format_enum(check: bool) -> bool:
    """The configuration schema's ``format`` enum equals the reporter table's names."""
    print("== the configuration schema's format enum", flush=True)
    sys.path.insert(0, str(REPO / "src"))
    from policy_rulebook.linter.reporters import REPORTERS

    text = CONFIG_SCHEMA.read_text(encoding="utf-8")
    wanted = json.dumps(list(REPORTERS))
    pattern = re.compile(r'("format": \{[^{}]*?"enum": )(\[[^\]]*\])', re.S)
    match = pattern.search(text)
    if match is None:
        print("schema/config.schema.json: no format enum found", file=sys.stderr)
        return False
    if json.loads(match.group(2)) == list(REPORTERS):
        return True
    if check:
        print("stale: schema/config.schema.json (format enum)")
        return False
    CONFIG_SCHEMA.write_text(pattern.sub(lambda m: m.group(1) + wanted, text), encoding="utf-8")
    print("rewrote schema/config.schema.json (format enum)")
    return True


def golden_tests() -> list[str]:
    """The test files that compare with golden files (they take the ``golden`` fixture)."""
    return sorted(
        str(path.relative_to(REPO))
        for path in (REPO / "tests").rglob("test_*.py")
        if re.search(r"\bgolden: Golden\b", path.read_text(encoding="utf-8"))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    parser.add_argument("--skip-goldens", action="store_true", help="leave the goldens alone")
    args = parser.parse_args(argv)
    check = ["--check"] if args.check else []
    scripts = REPO / "scripts"
    ok = [
        _run("catalogues", PYTHON, str(scripts / "update_catalogues.py"), *check),
        format_enum(args.check),
        _run("docs samples and the checks page", PYTHON, str(scripts / "docs_samples.py"), *check),
    ]
    if not args.check:  # the table is checked by tests/test_corpus.py
        ok.append(_run("the corpus's recall table", PYTHON, str(scripts / "coverage_table.py")))
    if not args.skip_goldens:
        env = {} if args.check else {"UPDATE_GOLDEN": "1"}
        written = _run(
            "golden files" + ("" if args.check else " (UPDATE_GOLDEN: a written one fails once)"),
            PYTHON,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            *golden_tests(),
            env=env,
        )
        if args.check:
            ok.append(written)
        elif not written:
            print("goldens were written: review `git diff tests/golden`, then run again")
    if all(ok):
        print("everything generated is up to date" if args.check else "done")
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
