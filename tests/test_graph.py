"""``rulebook graph``: Mermaid and DOT drawings of the reaction scheme, checked with the real
Mermaid parser (npm package ``mermaid``, installed by ``mermaid_parser`` below into the
git-ignored .cache/mermaid) and with a strict line grammar that needs no node."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import BUNDLED, EXAMPLES, REPO, Golden, overlay, run

CACHE = REPO / ".cache" / "mermaid"
SPEC = REPO / "tests" / "mermaid"

HOSTILE = """
reactions:
  start: about-us
  nodes:
    - id: about-us
      question:
        nl: "Zegt iemand \\"end\\" [of] {graph} #1 | `x` <script>alert(1)</script>\\
          \\ & co\\nnieuwe regel?"
        en: 'A "quoted" question; with [brackets], (parens), #hash, | pipe and a \\ backslash?'
      yes: end
      no: let-stand
    - id: end
      outcome: {nl: "Reageer --> \\"meteen\\"; -->|ja| x", en: "Respond <b>now</b>"}
    - id: let-stand
      outcome: {nl: "Laat staan.\\n\\nEcht.", en: Let it stand.}
"""

_ID = r"n_[A-Za-z0-9_]+"
_LABEL = r'"[^"\n<>`|\\]*"'
_GRAMMAR = [
    re.compile(r"^flowchart TD$"),
    re.compile(rf"^    {_ID}\{{{_LABEL}\}}$"),
    re.compile(rf"^    {_ID}\(\[{_LABEL}\]\)$"),
    re.compile(rf"^    {_ID} -->\|{_LABEL}\| {_ID}$"),
    re.compile(r"^    classDef (question|outcome|start) [a-z-]+:[#0-9a-z]+(,[a-z-]+:[#0-9a-z]+)*$"),
    re.compile(rf"^    class {_ID}(,{_ID})* (question|outcome|start)$"),
]


def strict_grammar(text: str) -> list[str]:
    """The lines that are not of the small Mermaid subset `graph` writes."""
    assert text.endswith("\n")
    return [line for line in text.splitlines() if not any(g.match(line) for g in _GRAMMAR)]


@pytest.fixture(scope="session")
def mermaid_parser() -> Path:
    """The real Mermaid parser: installed from the npm registry once into .cache/mermaid."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node and npm are needed for the real Mermaid parser (grammar check ran)")
    CACHE.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "parse.mjs"):
        shutil.copy(SPEC / name, CACHE / name)
    if not (CACHE / "node_modules" / "mermaid" / "package.json").is_file():
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=CACHE,
            check=True,
            capture_output=True,
            timeout=600,
        )
    return CACHE / "parse.mjs"


def parse_mermaid(parser: Path, text: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", str(parser)],
        input=text,
        capture_output=True,
        text=True,
        cwd=parser.parent,
        timeout=120,
        check=False,
    )


def graph(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    result = run(capsys, "graph", *args)
    assert (result.code, result.err) == (0, ""), result.err
    return result.out


@pytest.mark.parametrize(("fmt", "lang"), [("mermaid", "nl"), ("mermaid", "en"), ("dot", "nl")])
def test_bundled_graph_golden(
    fmt: str, lang: str, capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    out = graph(capsys, str(BUNDLED), "--format", fmt, "--lang", lang)
    golden(f"graph-{lang}.{'mmd' if fmt == 'mermaid' else 'dot'}", out)


def test_mermaid_shapes_and_answer_words(capsys: pytest.CaptureFixture[str]) -> None:
    out = graph(capsys, str(BUNDLED), "--lang", "nl")
    assert '    n_discovered{"Heeft iemand iets gepost over Stad Lindebeek' in out
    assert '    n_let_stand(["Laat het bericht staan, zonder reactie."])' in out
    assert '    n_discovered -->|"ja"| n_positive' in out
    assert '    n_discovered -->|"nee"| n_nothing_to_do' in out
    assert "    class n_discovered start" in out
    en = graph(capsys, str(BUNDLED), "--lang", "en")
    assert '-->|"yes"|' in en and '-->|"no"|' in en and "Is the post positive" in en


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_mermaid_follows_the_strict_grammar(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for policy in (BUNDLED, EXAMPLES / "scheme" / "airforce", overlay(tmp_path, HOSTILE)):
        args = ["--lang", lang] if policy != EXAMPLES / "scheme" / "airforce" else []
        assert strict_grammar(graph(capsys, str(policy), *args)) == []


def test_the_strict_grammar_is_strict() -> None:
    assert strict_grammar('flowchart TD\n    n_a{"say "hi""}\n') == ['    n_a{"say "hi""}']
    assert strict_grammar("flowchart TD\n    n_a --> n_b\n") == ["    n_a --> n_b"]


def test_hostile_labels_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = graph(capsys, str(overlay(tmp_path, HOSTILE)), "--lang", "nl")
    assert "<script>" not in out and "#lt;script#gt;" in out
    assert "#quot;end#quot; [of] {graph} #35;1 #124; #96;x#96;" in out
    assert "#amp; co nieuwe regel?" in out
    assert "n_end([" in out  # the id `end` (a Mermaid keyword) is prefixed
    dot = graph(capsys, str(overlay(tmp_path / "b", HOSTILE)), "--format", "dot", "--lang", "en")
    assert '\\"quoted\\"' in dot and "a \\\\ backslash" in dot
    for line in dot.splitlines():  # every quote in a line is escaped or opens/closes a string
        assert len(re.findall(r'(?<!\\)"', line.replace("\\\\", ""))) % 2 == 0, line


@pytest.mark.network("npm")  # the real Mermaid parser, from the npm registry
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_real_mermaid_parser_accepts_the_bundled_scheme(
    lang: str, mermaid_parser: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done = parse_mermaid(mermaid_parser, graph(capsys, str(BUNDLED), "--lang", lang))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ") and "flowchart" in done.stdout


@pytest.mark.network("npm")  # the real Mermaid parser, from the npm registry
def test_real_mermaid_parser_accepts_hostile_labels(
    mermaid_parser: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang in ("nl", "en"):
        text = graph(capsys, str(overlay(tmp_path / lang, HOSTILE)), "--lang", lang)
        done = parse_mermaid(mermaid_parser, text)
        assert done.returncode == 0, (done.stderr, text)


@pytest.mark.network("npm")  # the real Mermaid parser, from the npm registry
def test_real_mermaid_parser_rejects_broken_text(mermaid_parser: Path) -> None:
    done = parse_mermaid(mermaid_parser, 'flowchart TD\n    n_a{"Is it "ok"?"} -->|yes| n_b\n')
    assert done.returncode == 1 and "Parse error" in done.stderr


def test_unknown_language_is_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "graph", str(BUNDLED), "--lang", "fr")
    assert result.code == 2
    # --lang fr also asks for French messages: the error says so in French
    assert result.err == (
        "rulebook: erreur : la politique n’est pas rédigée en `fr` : ses langues sont nl, en\n"
    )


def test_policy_without_scheme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "p.yaml"
    policy.write_text("meta:\n  organisation: X\n", encoding="utf-8")
    result = run(capsys, "graph", str(policy))
    assert result.code == 2 and "has no reaction scheme" in result.err


@pytest.mark.network("npm")  # the real Mermaid parser, from the npm registry
def test_mermaid_in_a_browser_shows_hostile_labels_as_their_words(
    mermaid_parser: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Mermaid itself (its browser bundle, in headless Chromium) draws every label as exactly
    the policy's words: entity codes decoded, no markup from the text."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("headless Chromium (Debian package chromium) is not installed")
    import html

    text = graph(capsys, str(overlay(tmp_path / "policy", HOSTILE)), "--lang", "nl")
    shutil.copy(
        mermaid_parser.parent / "node_modules" / "mermaid" / "dist" / "mermaid.min.js",
        tmp_path / "mermaid.min.js",
    )
    page = tmp_path / "index.html"
    page.write_text(
        '<!doctype html><html><head><meta charset="utf-8"></head><body>'
        f'<pre class="mermaid">{html.escape(text)}</pre><script src="mermaid.min.js"></script>'
        "<script>mermaid.initialize({startOnLoad: true, securityLevel: 'strict'});</script>"
        "</body></html>",
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=10000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    labels = [
        html.unescape(m)
        for m in re.findall(r'<span[^>]*class="nodeLabel"[^>]*><p>(.*?)</p></span>', done.stdout)
    ]
    assert labels == [
        'Zegt iemand "end" [of] {graph} #1 | `x` <script>alert(1)</script> & co nieuwe regel?',
        'Reageer --> "meteen"; -->|ja| x',
        "Laat staan. Echt.",
    ], done.stdout[-2000:]
    assert "<script>alert" not in done.stdout


# -- the layout of the drawing (documents.layout: grandalf's Sugiyama layout) -----------------

#: The fewest crossings of the bundled scheme with grandalf's layering: three sources
#: (share-success, fix-facts, restore) each lead to both `final` and `let-stand`, a K(2,3) that
#: a layered drawing with those layers cannot draw without crossings.
BUNDLED_CROSSINGS = 3
#: The crossings of each test policy's scheme today (a layout change may only lower them).
EXAMPLE_CROSSINGS = {
    "airforce": 3,
    "cycle": 5,
    "dangling-branch": 4,
    "no-start": 3,
    "no-way-out": 1,
    "same-branches": 3,
    "scenarios": 3,
    "second-start": 16,
    "self-loop": 3,
    "unreached-outcome": 3,
}


def _scheme_layout(path: Path) -> object:
    from policy_rulebook.core import loader
    from policy_rulebook.core.scheme import build
    from policy_rulebook.documents.layout import layout

    scheme = build(loader.load(path))
    assert scheme is not None
    return layout(scheme, "nl", ("ja", "nee"))


def test_bundled_scheme_has_the_fewest_crossings_and_no_label_on_a_line() -> None:
    from policy_rulebook.documents.layout import Layout
    from policy_rulebook.documents.layout_measure import crossings, label_overlaps

    drawing = _scheme_layout(BUNDLED)
    assert isinstance(drawing, Layout)
    assert crossings(drawing) <= BUNDLED_CROSSINGS
    assert label_overlaps(drawing) == []
    # yes and no of one question never cross each other right under it
    from policy_rulebook.documents.layout_measure import _cross, _segments, polyline

    by_source: dict[str, list[object]] = {}
    for edge in drawing.edges:
        by_source.setdefault(edge.source, []).append(edge)
    for edges in by_source.values():
        if len(edges) == 2:
            a, b = (polyline(e) for e in edges)  # type: ignore[arg-type]
            assert not any(_cross(p, q, r, s) for p, q in _segments(a) for r, s in _segments(b))


@pytest.mark.parametrize("name", sorted(EXAMPLE_CROSSINGS))
def test_every_test_scheme_is_drawn_without_labels_on_lines(name: str) -> None:
    from policy_rulebook.documents.layout import Layout
    from policy_rulebook.documents.layout_measure import crossings, label_overlaps

    folder = EXAMPLES / "scheme" / name
    if not folder.is_dir():
        folder = EXAMPLES / "scheme" / "broken" / name
    drawing = _scheme_layout(folder)
    assert isinstance(drawing, Layout)
    assert crossings(drawing) <= EXAMPLE_CROSSINGS[name]
    assert label_overlaps(drawing) == []
    # boxes never overlap one another
    boxes = drawing.boxes
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (
                a.x < b.x + b.width
                and b.x < a.x + a.width
                and a.y < b.y + b.height
                and b.y < a.y + a.height
            ), (a.id, b.id)


def test_crossings_counts_a_real_crossing() -> None:
    from policy_rulebook.documents.layout import Edge, Layout
    from policy_rulebook.documents.layout_measure import crossings

    down = Edge("a", "b", "ja", "", 0, 0, points=((0.0, 0.0), (0.0, 100.0)))
    across = Edge("c", "d", "nee", "", 0, 0, points=((-50.0, 50.0), (50.0, 50.0)), back=True)
    beside = Edge("e", "f", "nee", "", 0, 0, points=((10.0, 0.0), (10.0, 100.0)))
    assert crossings(Layout(100, 100, (), (down, across))) == 1
    assert crossings(Layout(100, 100, (), (down, beside))) == 0
