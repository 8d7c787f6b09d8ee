"""The fast schema check and the compiled text walk agree with their slow references."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_rulebook.core import loader
from policy_rulebook.core.document import Document, Section, pointer
from policy_rulebook.core.schema import load_schema, resolve
from policy_rulebook.core.texts import TEXT_REF, iter_texts
from policy_rulebook.linter.checks import CHECKS, schema_violation
from tests.helpers import BUNDLED, EXAMPLES, TODAY, overlay, run

BUNDLED_DOCUMENT = loader.load(BUNDLED)


def jsonschema_errors(instance: Any) -> list[Any]:
    return list(schema_violation._validator().iter_errors(instance))


# --------------------------------------------------------------------------- the schema


def documents_of_examples(tmp_path: Path) -> Iterator[Document]:
    yield BUNDLED_DOCUMENT
    yield loader.load(EXAMPLES / "invalid" / "broken")
    yield loader.load(EXAMPLES / "valid" / "minimal.yaml")
    for index, check in enumerate(CHECKS):
        for kind, fragment in (("bad", check.bad), ("good", check.good)):
            yield loader.load(overlay(tmp_path / f"{index}-{kind}", fragment))


def test_fast_validator_is_installed() -> None:
    assert schema_violation._fast_validator() is not None


def test_fast_and_full_validators_agree_on_the_examples(tmp_path: Path) -> None:
    for document in documents_of_examples(tmp_path):
        for name, section in document.sections.items():
            instance = {name: section.node}
            fast = schema_violation.is_valid_fast(instance)
            assert fast == (not jsonschema_errors(instance)), (document.source, name)


ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    st.sampled_from(
        [
            "",
            " ",
            "TODO",
            "abc\n",
            "Wees beleefd.",
            "be-polite",
            "Be-Polite",
            "be_polite",
            "2027-03-01",
            "2027-02-30",
            "2027-3-1",
            "20270301",
            "2027-03-01\n",
            "1.2.3",
            "1.2",
            "01.2.3",
            "nl",
            "nl-BE",
            "NL",
            "xx-yy",
            "https://example.org",
            "http://",
            "ftp://x",
            "not a url",
            "٣٣٣٣-٠١-٠١",
            "informal",
            "formal",
            "draft",
            "adopted",
            "remove",
            "+32 3 123 45 67",
        ]
    ),
    st.lists(st.sampled_from(["nl", "en", "nl", "x"]), max_size=3),
    st.dictionaries(
        st.sampled_from(["nl", "en", "fr", "id", "text", "extra"]),
        st.sampled_from(["tekst", "", "text", "x-y"]),
        max_size=3,
    ),
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*prefix, index))


SECTION_PATHS = {
    name: list(paths(section.node)) for name, section in BUNDLED_DOCUMENT.sections.items()
}


@st.composite
def mutated_sections(draw: st.DrawFn) -> dict[str, Any]:
    """A bundled section with one to three values replaced, removed, or a key added."""
    name = draw(st.sampled_from(sorted(SECTION_PATHS)))
    holder: dict[str, Any] = {name: copy.deepcopy(BUNDLED_DOCUMENT.sections[name].node)}
    for _ in range(draw(st.integers(1, 3))):
        parent: Any = holder
        key: Any = name
        for token in draw(st.sampled_from(SECTION_PATHS[name])):
            child = parent[key]
            if (isinstance(child, dict) and token in child) or (
                isinstance(child, list) and isinstance(token, int) and token < len(child)
            ):
                parent, key = child, token
            else:
                break
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace" or parent is holder:
            parent[key] = draw(ODD_VALUES)
        elif action == "remove":
            del parent[key]
        elif isinstance(parent[key], dict):
            parent[key][draw(st.sampled_from(["extra", "nl", "id", "text"]))] = draw(ODD_VALUES)
    return holder


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_sections())
def test_what_the_fast_validator_passes_has_no_schema_error(instance: dict[str, Any]) -> None:
    if schema_violation.is_valid_fast(instance):
        assert jsonschema_errors(instance) == []


def test_lint_output_is_the_same_without_the_fast_validator(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = EXAMPLES / "invalid" / "broken"
    args = ("lint", "--today", TODAY.isoformat(), "--format", "json")
    fast = [run(capsys, *args, str(p)) for p in (BUNDLED, broken)]
    monkeypatch.setattr(schema_violation, "_fast_validator", lambda: None)
    full = [run(capsys, *args, str(p)) for p in (BUNDLED, broken)]
    assert fast == full


# --------------------------------------------------------------------------- the texts


def reference_texts(document: Document) -> list[tuple[str, Any]]:
    """The walk as it was first written: resolve every schema at every node."""
    root = load_schema()
    found: list[tuple[str, Any]] = []

    def walk(node: Any, schema: dict[str, Any], path: tuple[Any, ...]) -> None:
        if schema.get("$ref") == TEXT_REF:
            found.append((pointer(*path), node))
            return
        schema = resolve(schema, root)
        if "anyOf" in schema:
            for branch in schema["anyOf"]:
                branch = resolve(branch, root)
                if isinstance(node, dict) and all(k in node for k in branch.get("required", [])):
                    walk(node, branch, path)
                    return
            return
        if isinstance(node, dict):
            for key, value in node.items():
                if key in schema.get("properties", {}):
                    walk(value, schema["properties"][key], (*path, key))
        elif isinstance(node, list) and isinstance(schema.get("items"), dict):
            for index, item in enumerate(node):
                walk(item, schema["items"], (*path, index))

    for name, section in document.sections.items():
        if name in root.get("properties", {}):
            walk(section.node, root["properties"][name], (name,))
    return found


def test_texts_are_those_of_the_reference_walk(tmp_path: Path) -> None:
    for document in documents_of_examples(tmp_path):
        assert list(iter_texts(document)) == reference_texts(document), document.source


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_sections())
def test_texts_of_mutated_sections_are_those_of_the_reference_walk(
    instance: dict[str, Any],
) -> None:
    document = Document(source="mutated")
    for name, node in instance.items():
        document.sections[name] = Section(name, "mutated.yaml", 1, 1, node)
    assert list(iter_texts(document)) == reference_texts(document)
