"""Recall and false findings per corpus case (issue 20): pattern-findable gaps and gaps that
need judgement apart, false findings by severity, and the must-not-flag items that were flagged.

Run from the repository: ``.venv/bin/python scripts/corpus_report.py [CASE ...]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.corpus_eval import CORPUS, evaluate  # noqa: E402


def main(names: list[str]) -> None:
    folders = [CORPUS / n for n in names] if names else sorted(CORPUS.iterdir())
    print(
        "| case | pattern gaps found | judgement gaps found | false errors | false warnings |"
        " must-not-flag flagged |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    totals = [0] * 7
    for folder in folders:
        if not (folder / "expected.yaml").is_file():
            continue
        o = evaluate(folder)
        listed, hits = sum(o.expected.values()), sum(o.hits.values())
        judged = sum(o.judgement.values())
        false = o.false_positives
        errors = sum(n for key, n in false.items() if o.severity.get(key) == "error")
        warnings = sum(false.values()) - errors
        flagged = sum(1 for key in set(o.must_not_flag) if o.found[key])
        print(f"| {o.name} | {hits}/{listed} | 0/{judged} | {errors} | {warnings} | {flagged} |")
        for i, v in enumerate(
            (hits, listed, judged, errors, warnings, flagged, sum(o.found.values()))
        ):
            totals[i] += v
        for key, n in sorted(false.items()):
            print(f"|   false: {key[0]} {key[1]} ({o.severity.get(key)}) x{n} | | | | | |")
        for key, n in sorted(o.missed.items()):
            print(f"|   missed: {key[0]} {key[1]} x{n} | | | | | |")
    hits, listed, judged, errors, warnings, flagged, found = totals
    print(f"| **all** | {hits}/{listed} | 0/{judged} | {errors} | {warnings} | {flagged} |")
    print(f"\nfindings: {found}; false: {errors + warnings}")


if __name__ == "__main__":
    main(sys.argv[1:])
