"""RB100 schema: every section has the shape the schema describes.

## What it checks
Each section against `schema/rulebook.schema.json`: known fields only (a typo is caught), the
right kind of value in each (a text, a list, a date, yes/no), the fields an item needs to be an
item (every rule has an `id` and a `text`), ids in lowercase kebab-case, dates as YYYY-MM-DD,
the version as three numbers.

## Why
The schema is the policy's grammar. Editors show it as help while you type
(`# yaml-language-server: $schema=...` on the first line of each file), and every other check
and the changelog rely on it. The schema describes shape only; whether the policy says
*enough* (every element present, no placeholders, a backup contact) is for the other checks.

## How to fix
Read the message: it names the field, what was expected and, for a typo, the field you
probably meant.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from policy_rulebook.core.document import Document, pointer, split_pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.schema import fast_validator_for, load_schema, resolve, validator_for
from policy_rulebook.linter.checks.base import Check, Context, make_check

TYPE_WORDS = {
    "string": "a piece of text",
    "object": "a mapping of fields (`key: value` lines)",
    "array": "a list (lines starting with `- `)",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "null": "nothing",
}


@lru_cache(maxsize=1)
def _validator() -> Any:
    return validator_for(load_schema())


@lru_cache(maxsize=1)
def _fast_validator() -> Any:
    """jsonschema-rs, a validator written in Rust: a hundred times faster than jsonschema, and
    at least as strict with this schema (it also checks URLs; its regular expressions do not
    let a final newline through). It only says that a section is valid; jsonschema finds and
    explains what is wrong. None where it is not installed."""
    try:
        return fast_validator_for(load_schema())
    except Exception:  # not installed, or an API it does not have: jsonschema does it all
        return None


def is_valid_fast(instance: Any) -> bool:
    """True when the fast validator is sure the instance is valid; False when it is not
    installed, finds an error, or cannot read a value (then jsonschema decides)."""
    fast = _fast_validator()
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(instance))
    except Exception:
        return False


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the text {str(value)!r}"


def describe(ptr: str, document: Document) -> str:
    """A pointer in words: ``conduct › dos › be-polite › text``, using ids for list items."""
    words: list[str] = []
    node: Any = document.data
    for token in split_pointer(ptr):
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
            item_id = node.get("id") if isinstance(node, dict) else None
            words.append(str(item_id) if isinstance(item_id, str) else f"item {int(token) + 1}")
        else:
            node = node.get(token) if isinstance(node, dict) else None
            words.append(token)
    return " › ".join(words) if words else "the file"


def _expected(schema: dict[str, Any]) -> str:
    root = load_schema()
    schema = resolve(schema, root)
    title = schema.get("title")
    if "anyOf" in schema and title:
        return f"{str(title).lower()} ({schema.get('description', '').split('.')[0]})"
    kind = schema.get("type")
    if isinstance(kind, str):
        return TYPE_WORDS.get(kind, kind)
    return str(title or "something else")


def _closest_branch(error: Any) -> list[Any] | None:
    """The errors of the anyOf branch the value was meant for: the one of the right type with
    the fewest errors (a node with ``question`` is a question node). None if no branch fits."""
    branches: dict[int, list[Any]] = {}
    for sub in error.context or ():
        branches.setdefault(int(sub.schema_path[0]), []).append(sub)
    fitting = [errs for errs in branches.values()
               if not any(e.validator == "type" and not e.relative_path for e in errs)]
    return min(fitting, key=len) if fitting else None


def _messages(error: Any, document: Document) -> Iterator[tuple[str, str]]:
    """(pointer, plain message) pairs for one jsonschema error."""
    root = load_schema()
    ptr = pointer(*error.absolute_path)
    where = describe(ptr, document)
    schema = resolve(error.schema, root)
    validator = error.validator
    if validator == "required":
        properties = schema.get("properties", {})
        for name in error.validator_value:
            if isinstance(error.instance, dict) and name not in error.instance:
                help_text = resolve(properties.get(name, {}), root).get("description", "")
                hint = f" ({help_text})" if help_text else ""
                yield (pointer(*error.absolute_path, name),
                       f"{where} has no `{name}`{hint}: add `{name}:`")
    elif validator == "additionalProperties":
        known = list(schema.get("properties", {}))
        for name in error.instance:
            if name in known:
                continue
            close = difflib.get_close_matches(str(name), known, n=1)
            guess = f"did you mean `{close[0]}`? " if close else ""
            yield (pointer(*error.absolute_path, name),
                   f"`{name}` is not a field of {where}: {guess}the fields are "
                   + ", ".join(f"`{k}`" for k in known))
    elif validator == "anyOf":
        branch = _closest_branch(error)
        if branch is None:
            yield ptr, (f"{where} should be {_expected(schema)}, "
                        f"but it is {_kind_of(error.instance)}")
        else:
            for sub in branch:
                yield from _messages(sub, document)
    elif validator == "type":
        yield ptr, f"{where} should be {_expected(schema)}, but it is {_kind_of(error.instance)}"
    elif validator == "enum":
        options = ", ".join(f"`{v}`" for v in error.validator_value)
        yield ptr, f"{where} is `{error.instance}`, but it must be one of {options}"
    elif validator == "pattern":
        message = schema.get("errorMessage") or f"it must match {error.validator_value}"
        yield ptr, f"{where} is `{error.instance}`: {message}"
    elif validator == "format":
        yield ptr, f"{where} is `{error.instance}`, which is not a real {error.validator_value}"
    elif validator == "minItems":
        yield ptr, f"{where} needs at least {error.validator_value} item(s)"
    elif validator == "uniqueItems":
        yield ptr, f"{where} lists the same value twice: keep each once"
    elif validator in ("minLength", "minProperties"):
        pass  # an empty text is reported by RB103 placeholder-text, in words about the text
    else:
        yield ptr, f"{where}: {error.message}"


def run(document: Document, context: Context) -> Iterable[Finding]:
    for name, section in document.sections.items():
        instance = {name: section.node}
        if is_valid_fast(instance):
            continue
        for error in _validator().iter_errors(instance):
            for ptr, message in _messages(error, document):
                yield CHECK.finding(document, ptr, message)


CHECK: Check = make_check(
    __doc__,
    code="RB100",
    name="schema",
    severity=Severity.ERROR,
    summary="a section does not have the shape the schema describes",
    run=run,
    bad="""
    contact:
      primary:
        name: Sara Peeters
        role: Communicatieverantwoordelijke
        e-mail: communicatie@lindebeek.be
    """,
    good="""
    contact:
      primary:
        name: Sara Peeters
        role: Communicatieverantwoordelijke
        email: communicatie@lindebeek.be
    """,
)
