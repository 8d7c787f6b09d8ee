"""The JSON Schema of a rulebook, shipped inside the package (``rulebook_schema``)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "rulebook.schema.json"


def schema_text(name: str = SCHEMA_FILE) -> str:
    return resources.files("policy_rulebook.schemas").joinpath(name).read_text(encoding="utf-8")


@cache
def load_schema(name: str = SCHEMA_FILE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(schema_text(name))
    return data


def validator_for(schema: dict[str, Any], formats: tuple[str, ...] = ("date",)) -> Any:
    """A JSON Schema validator that resolves ``$ref`` only inside the schema it is given.

    Without an explicit registry, jsonschema still fetches a remote ``$ref`` over HTTP (a
    deprecated fallback): a schema could make the linter reach the network. An empty
    ``referencing.Registry`` has no retrieve function, so a remote ``$ref`` is an error.
    Every validator in rulebook is made here (a test checks this).
    """
    from jsonschema import Draft202012Validator, FormatChecker  # heavy: only when validating
    from referencing import Registry

    return Draft202012Validator(
        schema, registry=Registry(), format_checker=FormatChecker(list(formats))
    )


def _refuse_retrieval(uri: str) -> Any:
    raise ValueError(f"rulebook never fetches a schema ({uri})")


def fast_validator_for(schema: dict[str, Any]) -> Any:
    """jsonschema-rs's validator for a schema, or None where it is not installed. Its default
    retriever fetches a remote ``$ref`` over HTTP; this one refuses (a test checks this)."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs.Draft202012Validator(
        schema, validate_formats=True, retriever=_refuse_retrieval
    )


def resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` (``#/$defs/name``), keeping the referring schema's own keys."""
    seen = 0
    while "$ref" in schema and str(schema["$ref"]).startswith("#/") and seen < 16:
        target: Any = root
        for token in str(schema["$ref"])[2:].split("/"):
            target = target.get(token, {}) if isinstance(target, dict) else {}
        merged = {k: v for k, v in schema.items() if k != "$ref"}
        schema = {**target, **merged} if isinstance(target, dict) else merged
        seen += 1
    return schema


@cache
def field_names() -> frozenset[str]:
    """Every field name the schema knows, in any section."""
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names.update(k for k in node.get("properties", {}) if isinstance(k, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(load_schema())
    return frozenset(names)
