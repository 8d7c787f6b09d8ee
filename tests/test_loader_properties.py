"""Property-based tests of the loader and the checks (issue 7, item 2).

Arbitrary bytes, arbitrary YAML documents and arbitrary mutations of the bundled policy never
raise anything but our own errors, and every finding points inside the file it names. The
budget is fixed (``max_examples``), so CI stays within minutes.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from policy_rulebook.core import files, loader
from policy_rulebook.core.document import Document
from policy_rulebook.linter import engine
from policy_rulebook.linter.checks import Context
from tests.helpers import BUNDLED, TODAY

BUDGET = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
FILES = {p.name: p.read_text(encoding="utf-8") for p in sorted(BUNDLED.glob("*.yaml"))}


def lint_texts(texts: dict[str, bytes]) -> Document:
    """Load files from bytes (the same way in as from disk) and run every check; any
    exception other than our own fails the test."""
    document = Document(source="rulebook")
    for name, raw in texts.items():
        loader.load_text(document, name, raw)
    report = engine.lint(document, Context(today=TODAY))
    by_name = {f.name: f.text for f in document.files}
    for finding in report.findings:
        assert finding.file in texts, finding
        text = by_name.get(finding.file, "")
        lines = text.split("\n")
        assert 1 <= finding.line <= len(lines) + 1, (finding, len(lines))
        if finding.line <= len(lines):
            assert 1 <= finding.column <= len(lines[finding.line - 1]) + 2, finding
        assert finding.message.strip()
    return document


@BUDGET
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(raw: bytes) -> None:
    lint_texts({"random.yaml": raw})


YAML_ALPHABET = st.sampled_from(
    [
        *" \n\t-:?,[]{}#&*!|>'\"%@`~\\",
        "\r\n",
        "---",
        "...",
        "<<",
        "meta",
        "conduct",
        "id",
        "text",
        "nl",
        "en",
        "é",
        "\ufeff",
        "\x1b",
        "\u202e",
        "  ",
        "    ",
        "yes",
        "2026-01-01",
        "!!str",
        "!!omap",
        "!!set",
        "!!binary",
        "%YAML 1.3\n",
        "? ",
        "&a ",
        "*a",
    ]
)


@BUDGET
@given(st.lists(YAML_ALPHABET, max_size=200).map("".join))
def test_arbitrary_yaml_like_text(text: str) -> None:
    lint_texts({"random.yaml": text.encode("utf-8", "surrogatepass")})


SCALARS = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.sampled_from(["2026-02-30", "1.0.0", "TODO"]),
)
TREES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=40,
)
SECTION_NAMES = st.sampled_from(
    [
        "meta",
        "brand",
        "conduct",
        "legal",
        "contact",
        "roles",
        "reactions",
        "house_rules",
        "channels",
        "other",
    ]
)


@BUDGET
@given(
    st.one_of(TREES, st.dictionaries(SECTION_NAMES, TREES, max_size=9)),
    st.sampled_from([None, True, False]),
)
def test_arbitrary_yaml_documents(data: object, flow: bool | None) -> None:
    yaml = YAML(typ="rt", pure=True)
    yaml.default_flow_style = flow
    out = io.StringIO()
    yaml.dump(data, out)
    lint_texts({"generated.yaml": out.getvalue().encode("utf-8", "surrogatepass")})


@st.composite
def mutated_policy(draw: st.DrawFn) -> dict[str, bytes]:
    """The bundled policy with a few random edits in one of its files."""
    texts = {name: text.encode("utf-8") for name, text in FILES.items()}
    name = draw(st.sampled_from(sorted(FILES)))
    data = bytearray(texts[name])
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "duplicate-line"]))
        if kind == "insert":
            data[position:position] = draw(YAML_ALPHABET).encode("utf-8", "surrogatepass")
        elif kind == "delete":
            del data[position : position + draw(st.integers(1, 40))]
        elif kind == "replace" and position < len(data):
            data[position] = draw(st.integers(0, 255))
        else:
            start = data.rfind(b"\n", 0, position) + 1
            end = data.find(b"\n", position)
            end = len(data) if end < 0 else end + 1
            data[end:end] = data[start:end]
    texts[name] = bytes(data)
    return texts


@settings(BUDGET, max_examples=60)  # each example lints the whole policy (~0.5 s)
@given(mutated_policy())
def test_mutations_of_the_bundled_policy(texts: dict[str, bytes]) -> None:
    lint_texts(texts)


def test_a_mutated_policy_on_disk_lints_like_from_bytes(tmp_path: Path) -> None:
    """The disk path and the bytes path are the same way in."""
    target = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, target)
    (target / "meta.yaml").write_text(
        FILES["meta.yaml"].replace("status: adopted", "status: [adopted"), encoding="utf-8"
    )
    from_disk = loader.load(target)
    from_bytes = Document(source=str(target))
    for path in sorted(target.glob("*.yaml")):
        loader.load_text(from_bytes, files.display_name(path), path.read_bytes())
    assert from_disk.problems == from_bytes.problems
    assert [p.code for p in from_disk.problems] == ["RB001"]
