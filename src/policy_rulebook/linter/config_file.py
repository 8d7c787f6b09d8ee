"""Reading a configuration file: finding it (``.rulebook.yaml`` or ``[tool.rulebook]`` in
pyproject.toml, upward inside the repository only), reading it within bounds and validating it
against ``schema/config.schema.json``, each problem one ``InputError`` naming the file, the key
and the reason (exit 2).

What the values then mean for a run (``Settings``, the options that override them, the notes
on what a file switches off) is ``linter.config``; this module only reads, so that commands
that need a value of the file (``announce``'s addresses) or its name (``-o`` never replaces
it) ask here.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import Count, _

CONFIG_SCHEMA = "config.schema.json"
YAML_NAMES = (".rulebook.yaml", ".rulebook.yml")
PYPROJECT = "pyproject.toml"


def _tool(data: dict[str, Any]) -> Any:
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``.git`` (a folder or, in a
    worktree or submodule, a file), or None."""
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return None


def find(start: Path, stop: Path | None = None) -> Path | None:
    """The nearest ``.rulebook.yaml`` or pyproject.toml with ``[tool.rulebook]``, from
    ``start`` upward to ``stop`` (included; None: ``start`` only)."""
    for directory in (start, *start.parents):
        for name in YAML_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and "rulebook" in _tool(_read_toml(pyproject)):
            return pyproject
        if stop is None or directory == stop:
            break
    return None


#: A configuration file is a few lines; these bound what a hostile one costs (SECURITY.md).
MAX_CONFIG_BYTES = 256 * 1024
MAX_CODES = 500  # entries in ``select`` or ``ignore``
MAX_FILE_SIZE = 1024**3  # the largest ``max-file-size`` (as ``--max-file-size``)
_SHORT = 60  # characters of a value quoted in a message


def short(value: Any) -> str:
    """A value for a message: its repr, cut (a 14 MB value makes no one-line error)."""
    text = repr(value)
    return text if len(text) <= _SHORT else text[: _SHORT - 5] + "...'" + text[-1:]


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refused when it is a link out of its folder (its content could be a
    secret elsewhere, and messages quote a configuration) or larger than the limit."""
    from policy_rulebook.core.escape import terminal

    try:
        if path.is_symlink():
            folder, target = path.absolute().parent.resolve(), path.resolve()
            if folder not in target.parents:
                raise InputError(
                    _("{path}: not read: it is a link to a file outside its folder").format(
                        path=terminal(str(path))
                    )
                )
        with path.open("rb") as stream:
            raw = stream.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise InputError(
            _("{path}: cannot read: {reason}").format(path=path, reason=error.strerror)
        ) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise InputError(
            _(
                "{path}: the configuration file is larger than {limit:,} bytes; it is not read"
            ).format(path=path, limit=Count(MAX_CONFIG_BYTES))
        )
    return raw


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover (3.10)
        import tomli as tomllib
    from policy_rulebook.core.yaml_reader import MAX_DEPTH

    raw = _read_bytes(path)
    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InputError(
            _("{path}: not UTF-8 text (bad byte at offset {offset}): save it as UTF-8").format(
                path=path, offset=error.start
            )
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(
            _("{path}: not valid TOML: {error}").format(path=path, error=error)
        ) from None
    except RecursionError:
        raise InputError(
            _("{path}: not read: it nests deeper than {depth} levels").format(
                path=path, depth=MAX_DEPTH
            )
        ) from None
    if _depth(data) > MAX_DEPTH:
        raise InputError(
            _("{path}: not read: it nests deeper than {depth} levels").format(
                path=path, depth=MAX_DEPTH
            )
        )
    return data


def _depth(value: Any, level: int = 0) -> int:
    if level > 100:  # far past any limit: no need to look deeper
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def _read_yaml(path: Path) -> Any:
    """Read with the policy loader: the same size, depth and alias limits and the same
    findings (a duplicate key is an error here too); the first problem is the error."""
    from policy_rulebook.core.loader import parse

    parsed = parse(str(path), _read_bytes(path), max_bytes=MAX_CONFIG_BYTES, fast=True)
    if parsed.problems:
        first = parsed.problems[0]
        raise InputError(
            _("{path}: cannot be read at line {line}, column {column}: {message} ({code})").format(
                path=path,
                line=first.line,
                column=first.column,
                code=first.code,
                message=first.message,
            )
        )
    return parsed.data


def read(path: Path) -> dict[str, Any]:
    """The raw settings of a configuration file, validated; ``{}`` for an empty one."""
    if path.name == PYPROJECT or path.suffix == ".toml":
        data: Any = _tool(_read_toml(path)).get("rulebook", {})
        where = "[tool.rulebook]"
    else:
        data = _read_yaml(path)
        where = ""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(
            _("{path}: the configuration must be a mapping of keys to values").format(path=path)
        )
    values = {str(k): (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items()}
    for key in ("select", "ignore"):
        if isinstance(values.get(key), list) and len(values[key]) > MAX_CODES:
            raise InputError(
                _(
                    "{path}: `{key}` lists {count:,} codes, more than {limit}: use "
                    "prefixes such as RB3"
                ).format(path=path, key=key, count=Count(len(values[key])), limit=MAX_CODES)
            )
    _validate(path, where, values)
    largest = values.get("max-file-size", 0)
    if isinstance(largest, int) and largest > MAX_FILE_SIZE:
        raise InputError(
            _("{path}: `max-file-size`: more than the largest size, {limit:,} bytes (1G)").format(
                path=path, limit=Count(MAX_FILE_SIZE)
            )
        )
    return values


def _validate(path: Path, where: str, data: dict[str, Any]) -> None:
    import jsonschema

    from policy_rulebook.core.schema import load_schema, validator_for
    from policy_rulebook.linter.checks import BY_CODE

    schema = load_schema(CONFIG_SCHEMA)
    prefix = f"{path}: {where + ' ' if where else ''}"
    error = jsonschema.exceptions.best_match(validator_for(schema, formats=()).iter_errors(data))
    if error is not None:
        raise InputError(prefix + _explain(error, schema))
    for key in ("select", "ignore"):
        for value in data.get(key, []):
            if not any(code.startswith(value) for code in BY_CODE):
                raise InputError(
                    prefix
                    + _("`{key}`: {value} matches no check (`rulebook rules` lists them)").format(
                        key=key, value=short(value)
                    )
                )
    if "profile" in data:
        from policy_rulebook.linter import profiles

        profiles.check_spec(data["profile"], tuple(BY_CODE), prefix)
    for code in data.get("severity", {}):
        if code not in BY_CODE:
            raise InputError(
                prefix
                + _(
                    "`severity`: {code} is not the code of a check (`rulebook rules` lists them)"
                ).format(code=short(code))
            )


_TYPES = {
    "string": "a text",
    "boolean": "true or false",
    "object": "a mapping (key: value)",
    "array": "a list",
    "integer": "a whole number",
}


def _explain(error: Any, schema: dict[str, Any]) -> str:
    """One plain sentence for a schema error: the key, what is there, what is wanted."""
    path = list(error.absolute_path)
    key = "`" + ".".join(str(p) for p in path) + "`" if path else "the configuration"
    if error.validator == "additionalProperties" and not path:
        known = ", ".join(schema["properties"])
        unknown = sorted(set(error.instance) - set(schema["properties"]))
        return _("unknown key `{key}` (the keys are {known})").format(
            key=short(unknown[0])[1:-1], known=known
        )
    if error.validator == "enum":
        return f"{key}: {short(error.instance)} is not allowed: use one of " + ", ".join(
            str(v) for v in error.validator_value
        )
    if error.validator == "type" and isinstance(error.validator_value, str):
        wanted = _TYPES.get(error.validator_value, error.validator_value)
        return _("{key}: {value} should be {wanted}").format(
            key=key, value=short(error.instance), wanted=wanted
        )
    if error.validator == "pattern" and path and path[0] in ("select", "ignore"):
        return _("{key}: {value} is not a code or prefix such as RB301 or RB3").format(
            key=key, value=short(error.instance)
        )
    if error.validator == "pattern" and path == ["today"]:
        return _("{key}: {value} is not a date in the form YYYY-MM-DD").format(
            key=key, value=short(error.instance)
        )
    if error.validator in ("pattern", "propertyNames") and path[:1] == ["severity"]:
        return _("`severity`: {value} is not a code such as RB301").format(
            value=short(error.instance)
        )
    return f"{key}: {error.message}"
