"""The schema is editor help for people: every property explains itself; it validates real data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator

from policy_rulebook.core.schema import load_schema
from policy_rulebook.linter.checks import CHECKS
from tests.helpers import REPO


def subschemas(schema: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(schema, dict):
        yield where, schema
        for key in ("properties", "$defs"):
            for name, sub in schema.get(key, {}).items():
                yield from subschemas(sub, f"{where}/{key}/{name}")
        for key in ("items", "additionalProperties", "propertyNames"):
            if isinstance(schema.get(key), dict):
                yield from subschemas(schema[key], f"{where}/{key}")
        for key in ("anyOf", "oneOf", "allOf"):
            for index, sub in enumerate(schema.get(key, [])):
                yield from subschemas(sub, f"{where}/{key}/{index}")


def test_schema_is_valid_2020_12() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_property_and_definition_has_title_and_description() -> None:
    checked = 0
    for where, schema in subschemas(load_schema()):
        if where.count("/") >= 2 and where.rsplit("/", 2)[-2] in ("properties", "$defs"):
            assert schema.get("title"), f"{where} has no title"
            assert schema.get("description"), f"{where} has no description"
            checked += 1
    assert checked > 100


def test_every_pattern_has_a_plain_error_message() -> None:
    for where, schema in subschemas(load_schema()):
        if "pattern" in schema:
            assert schema.get("errorMessage"), f"{where} has a pattern without errorMessage"


def test_shipped_schema_is_the_repository_schema() -> None:
    on_disk = json.loads((REPO / "schema" / "rulebook.schema.json").read_text(encoding="utf-8"))
    assert load_schema() == on_disk


def test_readme_lists_every_check() -> None:
    # The README or a docs page (docs/checks-coverage.md lists every check with its profiles)
    readme = "\n".join(page.read_text(encoding="utf-8")
                       for page in (REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))))
    for check in CHECKS:
        assert f"| {check.code} | {check.name} |" in readme, check.code
