"""Recall and false positives of the checks on the corpus (tests/corpus/*/): each policy is a
rulebook folder with an ``expected.yaml`` that lists its gaps (check code and JSON path).

A finding is a *hit* when the corpus lists a gap with its code and path (each listed gap
counts once), a *false positive* when it does not. A gap listed with ``code: none`` is
one that no check covers yet: it counts as missed, so that recall stays honest. A gap with
``kind: judgement`` needs a reviewer's judgement (no pattern can find it) and is counted
apart; ``must_not_flag`` lists texts that a careless check would flag (documentation: any
finding that is not a listed gap is a false one). Shared by tests/test_corpus.py,
scripts/coverage_table.py (which writes docs/checks-coverage.md) and
scripts/corpus_report.py (recall and false findings per case).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "corpus"
TODAY = dt.date(2026, 11, 27)


@dataclass
class Outcome:
    """One corpus policy: what it lists, what the linter found."""

    name: str
    expected: Counter[tuple[str, str]]
    found: Counter[tuple[str, str]]
    complete: bool = False
    judgement: Counter[tuple[str, str]] = field(default_factory=Counter)
    severity: dict[tuple[str, str], str] = field(default_factory=dict)
    must_not_flag: list[tuple[str, str]] = field(default_factory=list)

    @property
    def hits(self) -> Counter[tuple[str, str]]:
        return self.expected & self.found

    @property
    def missed(self) -> Counter[tuple[str, str]]:
        return self.expected - self.found

    @property
    def false_positives(self) -> Counter[tuple[str, str]]:
        return self.found - self.expected


@dataclass
class PerCheck:
    listed: int = 0
    hits: int = 0
    false_positives: int = 0
    policies: set[str] = field(default_factory=set)


def _expected(folder: Path) -> dict[str, Any]:
    from ruamel.yaml import YAML

    data: dict[str, Any] = YAML(typ="safe").load((folder / "expected.yaml").read_text("utf-8"))
    return data


def evaluate(folder: Path) -> Outcome:
    from policy_rulebook.core import loader
    from policy_rulebook.linter import engine
    from policy_rulebook.linter.checks import Context

    spec = _expected(folder)
    document = loader.load(folder / "rulebook")
    report = engine.lint(document, Context(today=TODAY), profile=spec.get("profile"))
    gaps = spec.get("gaps") or []
    labels = gaps + (spec.get("must_not_flag") or [])
    # ``says``: a label that several findings share a path with (RB602 on /legal/items) names
    # the words of the message (in the policy's language) that tell them apart.
    says: dict[tuple[str, str], list[str]] = {}
    for g in labels:
        if "says" in g:
            says.setdefault((str(g["code"]), str(g["path"])), []).append(str(g["says"]))

    def key(code: str, path: str, message: str = "") -> tuple[str, str]:
        for words in says.get((code, path), []):
            if words in message:
                return (code, f"{path} ({words})")
        return (code, path)

    # info findings (RB610 no profile, RB612 open review questions) claim no gap: not counted
    claims = [f for f in report.findings if f.severity.value != "info"]
    found = Counter(key(f.code, f.path, f.message) for f in claims)
    severity = {key(f.code, f.path, f.message): f.severity.value for f in claims}

    def label(g: dict[str, Any]) -> tuple[str, str]:
        path = f"{g['path']} ({g['says']})" if "says" in g else str(g["path"])
        return (str(g["code"]), path)

    expected = Counter(label(g) for g in gaps if g.get("kind") != "judgement")
    judgement = Counter(label(g) for g in gaps if g.get("kind") == "judgement")
    banned = [label(m) for m in spec.get("must_not_flag") or []]
    return Outcome(
        folder.name,
        expected,
        found,
        complete=not gaps,
        judgement=judgement,
        severity=severity,
        must_not_flag=banned,
    )


def evaluate_all() -> list[Outcome]:
    return [
        evaluate(folder)
        for folder in sorted(CORPUS.iterdir())
        if (folder / "expected.yaml").is_file()
    ]


def per_check(outcomes: list[Outcome]) -> dict[str, PerCheck]:
    table: dict[str, PerCheck] = {}
    for outcome in outcomes:
        for (code, _path), n in outcome.expected.items():
            table.setdefault(code, PerCheck()).listed += n
            table[code].policies.add(outcome.name)
        for (code, _path), n in outcome.hits.items():
            table[code].hits += n
        for (code, _path), n in outcome.false_positives.items():
            table.setdefault(code, PerCheck()).false_positives += n
            table[code].policies.add(outcome.name)
    return dict(sorted(table.items()))


def recall(outcomes: list[Outcome], covered_only: bool = False) -> float:
    """Share of the listed pattern gaps found (``covered_only``: of those a check covers)."""

    def count(c: Counter[tuple[str, str]]) -> int:
        return sum(n for (code, _p), n in c.items() if not covered_only or code != "none")

    listed = sum(count(o.expected) for o in outcomes)
    hits = sum(count(o.hits) for o in outcomes)
    return hits / listed if listed else 1.0


def markdown(outcomes: list[Outcome]) -> str:
    """The table of docs/checks-coverage.md."""
    from policy_rulebook.linter.checks import BY_CODE

    rows = [
        "| check | name | listed gaps | found | recall | false positives |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for code, row in per_check(outcomes).items():
        name = BY_CODE[code].name if code in BY_CODE else "(no check yet)"
        share = f"{100 * row.hits / row.listed:.0f} %" if row.listed else "-"
        rows.append(
            f"| {code} | {name} | {row.listed} | {row.hits} | {share} | {row.false_positives} |"
        )
    listed = sum(sum(o.expected.values()) for o in outcomes)
    hits = sum(sum(o.hits.values()) for o in outcomes)
    fps = sum(sum(o.false_positives.values()) for o in outcomes)
    rows.append(
        f"| **all** | | **{listed}** | **{hits}** | **{100 * recall(outcomes):.0f} %** "
        f"| **{fps}** |"
    )
    policies = [
        "| corpus policy | listed gaps | found | missed | false positives |",
        "|---|---:|---:|---:|---:|",
    ]
    for o in outcomes:
        policies.append(
            f"| {o.name}{' (complete)' if o.complete else ''} | "
            f"{sum(o.expected.values())} | {sum(o.hits.values())} | "
            f"{sum(o.missed.values())} | {sum(o.false_positives.values())} |"
        )
    return "\n".join(rows) + "\n\n" + "\n".join(policies) + "\n"


def all_checks() -> str:
    """Every check with its default severity and the profiles that run it (docs)."""
    from policy_rulebook.linter.checks import CHECKS
    from policy_rulebook.linter.explain import profiles_label

    rows = ["| code | name | severity | profiles | what it finds |", "|---|---|---|---|---|"]
    rows += [
        f"| {c.code} | {c.name} | {c.severity.value} | {profiles_label(c)} | "
        f"{c.summary.replace('|', '/')} |"
        for c in sorted(CHECKS, key=lambda c: c.code)
    ]
    return "\n".join(rows) + "\n"
