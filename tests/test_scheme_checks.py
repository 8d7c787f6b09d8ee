"""The graph checks RB7xx on the US Air Force Web Posting Response Assessment and broken
variants of it (tests/examples/scheme/), with golden output; and the graph model itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policy_rulebook.core import loader
from policy_rulebook.core.scheme import build
from tests.helpers import BUNDLED, EXAMPLES, Golden, run

# Written against the English wording (the bundled policy is Dutch; see test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")

AIRFORCE = EXAMPLES / "scheme" / "airforce"
BROKEN = EXAMPLES / "scheme" / "broken"

#: Each broken variant and the codes it must give (and no others).
EXPECTED = {
    "cycle": {"RB703"},
    "dangling-branch": {"RB202", "RB701", "RB707"},
    "no-start": {"RB100"},
    "no-way-out": {"RB703", "RB705"},
    "same-branches": {"RB702"},
    "scenarios": {"RB202", "RB301", "RB302"},
    "second-start": {"RB701", "RB704"},
    "self-loop": {"RB703"},
    "unreached-outcome": {"RB706", "RB707"},
}


def variant(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(AIRFORCE, target)
    for file in (BROKEN / name).iterdir():
        shutil.copy(file, target / file.name)
    return target


def test_every_variant_is_listed() -> None:
    assert {p.name for p in BROKEN.iterdir()} == set(EXPECTED)


def test_airforce_scheme_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "lint", "--strict", str(AIRFORCE))
    # only the hint that it names no profile (RB610, info: never fails a run)
    assert result.code == 0 and [line.split()[2] for line in result.out.splitlines()[:-1]] == [
        "RB610"
    ]
    assert result.out.splitlines()[-1].startswith("1 finding (0 errors, 0 warnings, 1 info)")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_variant_gives_its_findings(
    name: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    golden: Golden,
) -> None:
    variant(tmp_path, name)
    monkeypatch.chdir(tmp_path)
    result = run(capsys, "lint", "--strict", name)
    assert result.code == 1
    lines = result.out.splitlines()
    # the example names no profile: RB610 (info) comes with every variant
    assert {line.split()[2] for line in lines[:-1]} == EXPECTED[name] | {"RB610"}
    golden(f"scheme-{name}.txt", result.out)


def test_findings_point_at_the_node_and_name_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    variant(tmp_path, "second-start")
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "lint", "second-start").out
    text = (tmp_path / "second-start" / "reactions.yaml").read_text(encoding="utf-8")
    line_of = {
        line.split(",")[0].split("id: ")[1]: number
        for number, line in enumerate(text.splitlines(), 1)
        if "{id: " in line
    }
    assert f"reactions.yaml:{line_of['press']}:7: error RB701 the question `press`" in out
    assert f"reactions.yaml:{line_of['press-deadline']}:7: error RB704" in out


def test_cycle_is_named_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "lint", str(variant(tmp_path, "cycle"))).out
    assert "positive -> trolling -> rager -> misguided -> unhappy -> positive" in out


def test_bundled_scheme_is_a_tree_of_paths() -> None:
    scheme = build(loader.load(BUNDLED))
    assert scheme is not None and scheme.start == "discovered"
    assert scheme.cycles() == []
    assert scheme.reachable() == set(scheme.nodes)
    ends = {visited[-1] for _, visited in scheme.paths()}
    assert ends == {n for n, node in scheme.nodes.items() if node.kind == "outcome"}


def test_cycles_in_a_larger_component_are_found() -> None:
    document = loader.load(AIRFORCE)
    scheme = build(document)
    assert scheme is not None
    nodes = dict(scheme.nodes)
    nodes["respond"] = nodes["final"].__class__(
        "respond", "/x", "question", {}, "discovered", "let-stand"
    )
    scheme.nodes = nodes
    cycles = scheme.cycles()
    assert len(cycles) == 1 and cycles[0][0] == "discovered" and cycles[0][-1] == "discovered"
    assert cycles[0][-2] == "respond"


def test_the_scheme_is_built_once_per_document_and_kept_with_it() -> None:
    """No module-level cache: each document keeps its own scheme (``Document.derived``), so two
    documents linted in turn (a server, the tests) never see each other's."""
    from policy_rulebook.linter import engine
    from policy_rulebook.linter.checks import _scheme

    first, second = loader.load(BUNDLED), loader.load(EXAMPLES / "scheme" / "airforce")
    assert _scheme.scheme_of(first) is _scheme.scheme_of(first)
    assert _scheme.scheme_of(second) is not _scheme.scheme_of(first)
    kept, built = first.derived["scheme"][1], build(first)
    assert kept is not None and built is not None and kept.start == built.start
    again = engine.lint(loader.load(EXAMPLES / "scheme" / "airforce")).findings
    assert engine.lint(second).findings == again
    state = [n for n, v in vars(_scheme).items() if isinstance(v, list | dict) and n[:2] != "__"]
    assert state == []
