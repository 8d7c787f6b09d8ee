"""RB100 schema: every section has the shape the schema describes.

## What it checks
Each section against `schema/rulebook.schema.json`: known fields only (a typo is caught), the
right kind of value in each (a text, a list, a date, yes/no), the fields an item needs to be an
item (every rule has an `id` and a `text`), ids in lowercase kebab-case, dates as YYYY-MM-DD,
the version as three numbers.

At most 100 schema errors are listed per section; one more finding counts the rest (a file of
130,000 unknown fields would otherwise be as many findings, each with its guess of the field
meant). Beyond 10,000 errors in a section the count is "at least".

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
import itertools
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from typing import Any

from policy_rulebook.core import i18n
from policy_rulebook.core.document import Document, pointer, split_pointer
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import N_, Count, _
from policy_rulebook.core.schema import fast_validator_for, load_schema, resolve, validator_for
from policy_rulebook.core.yaml_mistakes import without_invisible
from policy_rulebook.linter.checks._value_hints import as_iso_date, empty_by_comment, quote_hint
from policy_rulebook.linter.checks.base import Check, Context, make_check

TYPE_WORDS = {
    "string": N_("a piece of text"),
    "object": N_("a mapping of fields (`key: value` lines)"),
    "array": N_("a list (lines starting with `- `)"),
    "boolean": N_("true or false"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "null": N_("nothing"),
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
        return _("true or false")
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value)
    return _("the text {text!r}").format(text=str(value))


def describe(ptr: str, document: Document) -> str:
    """A pointer in words: ``conduct › dos › be-polite › text``, using ids for list items."""
    words: list[str] = []
    node: Any = document.data
    for token in split_pointer(ptr):
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
            item_id = node.get("id") if isinstance(node, dict) else None
            words.append(
                str(item_id)
                if isinstance(item_id, str)
                else _("item {number}").format(number=int(token) + 1)
            )
        else:
            node = node.get(token) if isinstance(node, dict) else None
            words.append(token)
    return " › ".join(words) if words else _("the file")


def _expected(schema: dict[str, Any]) -> str:
    root = load_schema()
    schema = resolve(schema, root)
    title = schema.get("title")
    if "anyOf" in schema and title:
        return f"{_(str(title).lower())} ({_(schema.get('description', '').split('.')[0])})"
    kind = schema.get("type")
    if isinstance(kind, str):
        return _(TYPE_WORDS[kind]) if kind in TYPE_WORDS else kind
    return str(title or _("something else"))


def expected_phrases() -> Iterator[str]:
    """The words RB100 uses for a value of a choice of shapes (a text, a step of the scheme):
    the title and the first sentence of the description, for the catalogue."""
    for definition in load_schema().get("$defs", {}).values():
        if isinstance(definition, dict) and "anyOf" in definition and definition.get("title"):
            yield str(definition["title"]).lower()
            yield str(definition.get("description", "")).split(".")[0]


def required_descriptions() -> Iterator[str]:
    """The schema's descriptions of required fields: RB100 quotes them (translated) when such a
    field is missing, so scripts/update_catalogues.py puts them in the catalogue."""
    root = load_schema()
    seen: set[str] = set()

    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            required, properties = node.get("required"), node.get("properties", {})
            if isinstance(required, list):
                for name in required:
                    text = resolve(properties.get(name, {}), root).get("description")
                    if isinstance(text, str) and text not in seen:
                        seen.add(text)
                        yield text
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    yield from walk(root)


def _closest_branch(error: Any) -> list[Any] | None:
    """The errors of the anyOf branch the value was meant for: the one of the right type with
    the fewest errors (a node with ``question`` is a question node). None if no branch fits."""
    branches: dict[int, list[Any]] = {}
    for sub in error.context or ():
        branches.setdefault(int(sub.schema_path[0]), []).append(sub)
    fitting = [
        errs
        for errs in branches.values()
        if not any(e.validator == "type" and not e.relative_path for e in errs)
    ]
    return min(fitting, key=len) if fitting else None


def _field_title(node: dict[str, Any], name: str) -> str:
    lang = i18n.current().split("-")[0]
    title = node.get(f"x-title-{lang}") or (node.get("title") if lang == "en" else None)
    if not isinstance(title, str) or title.replace(" ", "_").lower() == name.lower():
        return ""
    return f" ({title.lower()})"


#: A message, or what words it when called (``run`` words at most ``MAX_PER_SECTION``).
Message = str | Callable[[], str]


def _messages(error: Any, document: Document) -> Iterator[tuple[str, Message]]:
    """(pointer, plain message) pairs for one jsonschema error. The message of an unknown field
    is worded only when listed: its guess of the field meant costs time."""
    root = load_schema()
    ptr = pointer(*error.absolute_path)
    where = describe(ptr, document)
    schema = resolve(error.schema, root)
    validator = error.validator
    if validator == "required":
        properties = schema.get("properties", {})
        for name in error.validator_value:
            if (
                isinstance(error.instance, dict)
                and name not in error.instance
                and not any(without_invisible(str(key)) == name for key in error.instance)
            ):
                # The field's short title in the reader's language ("Review date"), never its
                # schema description: a paragraph pasted in brackets reads as noise.
                hint = _field_title(resolve(properties.get(name, {}), root), str(name))
                yield (
                    pointer(*error.absolute_path, name),
                    _("{where} has no `{name}`{hint}: add `{name}:`").format(
                        where=where, name=name, hint=hint
                    ),
                )
    elif validator == "additionalProperties":
        known = list(schema.get("properties", {}))
        for name in error.instance:
            if name in known:
                continue
            if without_invisible(str(name)) in known:
                yield (
                    pointer(*error.absolute_path, name),
                    _(
                        "the field name `{name}` holds an invisible character pasted from Word "
                        "or a web page (a zero-width or non-breaking space): delete the name "
                        "and type it again"
                    ).format(name=without_invisible(str(name))),
                )
                continue
            yield pointer(*error.absolute_path, name), partial(_unknown, name, where, known)
    elif error.instance is None and (comment := empty_by_comment(document, ptr, where)):
        yield ptr, comment
    elif validator == "anyOf":
        branch = _closest_branch(error)
        if branch is None:
            yield (
                ptr,
                _("{where} should be {expected}, but it is {actual}").format(
                    where=where, expected=_expected(schema), actual=_kind_of(error.instance)
                ),
            )
        else:
            for sub in branch:
                yield from _messages(sub, document)
    elif (
        validator == "type"
        and schema.get("type") == "string"
        and isinstance(error.instance, (bool, int, float))
    ):
        yield ptr, quote_hint(where, error.instance, ptr)
    elif (
        validator == "type" and schema.get("type") == "boolean" and isinstance(error.instance, str)
    ):
        yield (
            ptr,
            _(
                "{where} is an answer that YAML only understands as true or false, but it "
                "is the text `{value}`: write true (for yes, ja, oui) or false (for no, "
                "nee, non), without quotes"
            ).format(where=where, value=error.instance),
        )
    elif validator == "type":
        yield (
            ptr,
            _("{where} should be {expected}, but it is {actual}").format(
                where=where, expected=_expected(schema), actual=_kind_of(error.instance)
            ),
        )
    elif validator == "enum":
        options = ", ".join(f"`{v}`" for v in error.validator_value)
        yield (
            ptr,
            _("{where} is `{value}`, but it must be one of {options}").format(
                where=where, value=error.instance, options=options
            ),
        )
    elif validator == "pattern":
        message = (
            _(schema["errorMessage"])
            if schema.get("errorMessage")
            else _("it must match {pattern}").format(pattern=error.validator_value)
        )
        iso = as_iso_date(error.instance)
        if iso is not None and "date" in str(schema.get("title", "")).lower() + message.lower():
            message += " " + _("Write `{iso}`.").format(iso=iso)
        yield (
            ptr,
            _("{where} is `{value}`: {message}").format(
                where=where, value=error.instance, message=message
            ),
        )
    elif validator == "format":
        yield (
            ptr,
            _("{where} is `{value}`, which is not a real {format}").format(
                where=where, value=error.instance, format=error.validator_value
            ),
        )
    elif validator == "minItems":
        yield (
            ptr,
            _("{where} needs at least {count} item(s)").format(
                where=where, count=error.validator_value
            ),
        )
    elif validator == "uniqueItems":
        yield ptr, _("{where} lists the same value twice: keep each once").format(where=where)
    elif validator in ("minLength", "minProperties"):
        pass  # an empty text is reported by RB103 placeholder-text, in words about the text
    else:
        yield ptr, f"{where}: {error.message}"


def _unknown(name: Any, where: str, known: list[str]) -> str:
    close = difflib.get_close_matches(str(name), known, n=1)
    guess = _("did you mean `{id}`? ").format(id=close[0]) if close else ""
    return _("`{name}` is not a field of {where}: {guess}the fields are {fields}").format(
        name=name, where=where, guess=guess, fields=", ".join(f"`{k}`" for k in known)
    )


#: Schema errors listed one by one per section; one more finding counts the rest.
MAX_PER_SECTION = 100
#: Schema errors looked at per section: the validator makes each at some 50 us (87,000 do's
#: without a text took 4 s of it); beyond, the rest is "at least" this many.
MAX_COUNTED = 10_000


def run(document: Document, context: Context) -> Iterable[Finding]:
    for name, section in document.sections.items():
        instance = {name: section.node}
        if is_valid_fast(instance):
            continue
        said: set[str] = set()  # one finding per value: a bad date breaks pattern and format
        listed = 0
        rest: str | None = None  # where the unlisted ones begin
        more = 0
        errors = list(itertools.islice(_validator().iter_errors(instance), MAX_COUNTED + 1))
        cut = len(errors) > MAX_COUNTED
        for error in sorted(errors[:MAX_COUNTED], key=lambda e: e.validator == "format"):
            for ptr, message in _messages(error, document):
                if ptr in said and error.validator == "format":
                    continue
                said.add(ptr)
                if listed == MAX_PER_SECTION:  # a bound on the report and on the wording
                    rest = rest or ptr
                    more += 1
                    continue
                listed += 1
                yield CHECK.finding(
                    document, ptr, message if isinstance(message, str) else message()
                )
        if rest is not None:
            message = (
                _(
                    "at least {count:,} more schema errors in {section} from here on, not "
                    "listed one by one: fix the ones above first"
                )
                if cut
                else _(
                    "{count:,} more schema errors in {section} from here on, not listed one by "
                    "one: fix the ones above first"
                )
            )
            yield CHECK.finding(document, rest, message.format(count=Count(more), section=name))


CHECK: Check = make_check(
    __doc__,
    code="RB100",
    name="schema",
    severity=Severity.ERROR,
    summary=N_("a section does not have the shape the schema describes"),
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
