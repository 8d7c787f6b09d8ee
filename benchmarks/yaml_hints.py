"""Where a YAML syntax error is told: the edits people make, on every line of the bundled policy.

Run: ``.venv/bin/python benchmarks/yaml_hints.py [SEED...]`` (default seeds 1 to 5). Each line
of each file of ``rulebook/`` gets one edit, chosen at random per line (a dropped colon, a space
more or less, a tab, an opened quote, an apostrophe or a bracket at the start of a text...);
the file is read as ``rulebook lint`` reads it, and each RB001 finding is counted as told *at the
edited line* (in plain words), *elsewhere* (plain words on another line: often a correct line)
or *in the reader's words* (the YAML reader's English, "expected <block end>..."). With
``--show`` the findings that were not told at the edited line are printed; ``--policy DIR``
edits another policy (e.g. one of ``tests/corpus/``). docs/yaml-mistakes.md
gives the counts of a run.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from policy_rulebook.core import loader

BUNDLED = Path(__file__).resolve().parent.parent / "rulebook"

Edit = Callable[[str], "str | None"]

EDITS: dict[str, Edit] = {
    "drop-colon": lambda line: line.replace(": ", " ", 1) if ": " in line else None,
    "extra-space": lambda line: " " + line if line.strip() else None,
    "less-space": lambda line: line[1:] if line.startswith("  ") else None,
    "stray-quote-end": lambda line: line + '"' if ": " in line else None,
    "quote-open": lambda line: (
        line.replace(": ", ': "', 1) if ": " in line and '"' not in line else None
    ),
    "colon-in-text": lambda line: line + ": extra" if ": " in line else None,
    "dash-no-space": lambda line: line.replace("- ", "-", 1) if "- " in line else None,
    "tab": lambda line: "\t" + line.lstrip() if line.strip() else None,
    "bracket-text": lambda line: line.replace(": ", ": [", 1) if ": " in line else None,
    "apostrophe-start": lambda line: line.replace(": ", ": 's ", 1) if ": " in line else None,
}


def run(seed: int, show: bool, folder: Path = BUNDLED) -> Counter[str]:
    chance = random.Random(seed)
    told: Counter[str] = Counter()
    for path in sorted(folder.rglob("*.yaml")):
        lines = path.read_text("utf-8").splitlines()
        for number, line in enumerate(lines):
            if line.lstrip().startswith("#"):
                continue
            name, edit = chance.choice(list(EDITS.items()))
            edited = edit(line)
            if edited is None:
                continue
            text = "\n".join([*lines[:number], edited, *lines[number + 1 :]]) + "\n"
            parsed = loader.parse(path.name, text.encode(), fast=True)
            for finding in (p for p in parsed.problems if p.code == "RB001"):
                if "cannot be read:" in finding.message:
                    kind = "in the reader's words"
                elif finding.line == number + 1:
                    kind = "at the edited line"
                else:
                    kind = "elsewhere"
                told[kind] += 1
                if show and kind != "at the edited line":
                    print(f"  {name} {path.name}:{number + 1} -> line {finding.line}: ", end="")
                    print(f"{edited.strip()[:50]!r}: {finding.message[:100]}")
    return told


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="*", type=int, default=[1, 2, 3, 4, 5])
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--policy", type=Path, default=BUNDLED)
    options = parser.parse_args(argv)
    seeds, show, folder = options.seeds, options.show, options.policy
    kinds = ("at the edited line", "elsewhere", "in the reader's words")
    print("seed  " + "  ".join(f"{kind:>21}" for kind in kinds))
    for seed in seeds:
        told = run(seed, show, folder)
        print(f"{seed:>4}  " + "  ".join(f"{told[kind]:>21}" for kind in kinds))


if __name__ == "__main__":
    main(sys.argv[1:])
