"""Configuration: ``.rulebook.yaml`` or ``[tool.rulebook]`` in pyproject.toml, found upward.

The file is validated by ``schema/config.schema.json``; any problem is an ``InputError`` naming
the file, the key and the reason (exit 2). Options given on the command line override it.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policy_rulebook.core.findings import InputError, Severity
from policy_rulebook.core.i18n import _
from policy_rulebook.core.loader import DEFAULT_MAX_BYTES, display_name

CONFIG_SCHEMA = "config.schema.json"
YAML_NAMES = (".rulebook.yaml", ".rulebook.yml")
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class Settings:
    """What ``rulebook lint`` does: the defaults, overridden by the file, then the options."""

    path: Path = Path("rulebook")
    output_format: str = "text"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    today: dt.date | None = None
    max_file_size: int = DEFAULT_MAX_BYTES
    show_suppressed: bool = False
    source: Path | None = None

    def enabled(self, code: str) -> bool:
        """Whether the check with this code runs: selected (or no selection) and not ignored."""
        if self.select and not code.startswith(self.select):
            return False
        return not (self.ignore and code.startswith(self.ignore))


def find(start: Path) -> Path | None:
    """The nearest ``.rulebook.yaml`` or pyproject.toml with ``[tool.rulebook]``, upward."""
    for directory in (start, *start.parents):
        for name in YAML_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and "rulebook" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover (3.10)
        import tomli as tomllib
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise InputError(_("{path}: not valid TOML: {error}").format(
            path=path, error=error)) from None
    except OSError as error:
        raise InputError(_("{path}: cannot read: {strerror}").format(
            path=path, strerror=error.strerror)) from None
    return data


def _read_yaml(path: Path) -> Any:
    from ruamel.yaml.error import YAMLError

    from policy_rulebook.core.loader import make_yaml  # dates stay text; tags are never run

    try:
        return make_yaml().load(path.read_text(encoding="utf-8"))
    except (YAMLError, UnicodeDecodeError) as error:
        reason = " ".join(str(error).split())
        raise InputError(_("{path}: not valid YAML: {reason}").format(
            path=path, reason=reason)) from None
    except OSError as error:
        raise InputError(_("{path}: cannot read: {strerror}").format(
            path=path, strerror=error.strerror)) from None


def read(path: Path) -> dict[str, Any]:
    """The raw settings of a configuration file, validated; ``{}`` for an empty one."""
    if path.name == PYPROJECT or path.suffix == ".toml":
        data: Any = _read_toml(path).get("tool", {}).get("rulebook", {})
        where = "[tool.rulebook]"
    else:
        data = _read_yaml(path)
        where = ""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(_("{path}: the configuration must be a mapping of keys to values").format(
            path=path))
    values = {str(k): (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items()}
    _validate(path, where, values)
    return values


def _validate(path: Path, where: str, data: dict[str, Any]) -> None:
    import jsonschema

    from policy_rulebook.core.schema import load_schema, validator_for
    from policy_rulebook.linter.checks import BY_CODE

    schema = load_schema(CONFIG_SCHEMA)
    prefix = f"{path}: {where + ' ' if where else ''}"
    error = jsonschema.exceptions.best_match(
        validator_for(schema, formats=()).iter_errors(data))
    if error is not None:
        raise InputError(prefix + _explain(error, schema))
    for key in ("select", "ignore"):
        for value in data.get(key, []):
            if not any(code.startswith(value) for code in BY_CODE):
                raise InputError(_("{prefix}`{key}`: {value!r} matches no check (`rulebook "
                                   "rules` lists them)").format(
                                       prefix=prefix, key=key, value=value))
    for code in data.get("severity", {}):
        if code not in BY_CODE:
            raise InputError(_("{prefix}`severity`: {code!r} is not the code of a check "
                               "(`rulebook rules` lists them)").format(prefix=prefix, code=code))


_TYPES = {"string": "a text", "boolean": "true or false", "object": "a mapping (key: value)",
          "array": "a list", "integer": "a whole number"}


def _explain(error: Any, schema: dict[str, Any]) -> str:
    """One plain sentence for a schema error: the key, what is there, what is wanted."""
    path = list(error.absolute_path)
    key = "`" + ".".join(str(p) for p in path) + "`" if path else "the configuration"
    if error.validator == "additionalProperties" and not path:
        known = ", ".join(schema["properties"])
        unknown = sorted(set(error.instance) - set(schema["properties"]))
        return f"unknown key `{unknown[0]}` (the keys are {known})"
    if error.validator == "enum":
        return f"{key}: {error.instance!r} is not allowed: use one of " + ", ".join(
            str(v) for v in error.validator_value)
    if error.validator == "type" and isinstance(error.validator_value, str):
        wanted = _TYPES.get(error.validator_value, error.validator_value)
        return f"{key}: {error.instance!r} should be {wanted}"
    if error.validator == "pattern" and path and path[0] in ("select", "ignore"):
        return f"{key}: {error.instance!r} is not a code or prefix such as RB301 or RB3"
    if error.validator == "pattern" and path == ["today"]:
        return f"{key}: {error.instance!r} is not a date in the form YYYY-MM-DD"
    if error.validator in ("pattern", "propertyNames") and path[:1] == ["severity"]:
        return f"`severity`: {error.instance!r} is not a code such as RB301"
    return f"{key}: {error.message}"


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip().upper() for value in values for part in value.split(",")
                 if part.strip())


def settings(file_values: Mapping[str, Any], source: Path | None,
             options: Mapping[str, Any]) -> Settings:
    """Merge: defaults, then the file, then the options that were given (not None)."""
    base = source.parent if source else Path()
    merged: dict[str, Any] = {"source": source}
    if "path" in file_values:
        merged["path"] = base / str(file_values["path"])
    for key, attribute in (("format", "output_format"), ("max-file-size", "max_file_size"),
                           ("show-suppressed", "show_suppressed")):
        if key in file_values:
            merged[attribute] = file_values[key]
    for key in ("select", "ignore"):
        if key in file_values:
            merged[key] = _split(file_values[key])
    if "severity" in file_values:
        merged["severity"] = {c: Severity(v) for c, v in file_values["severity"].items()}
    if "fail-on" in file_values:
        merged["fail_on"] = Severity(file_values["fail-on"])
    if "today" in file_values:
        try:
            merged["today"] = dt.date.fromisoformat(file_values["today"])
        except ValueError:
            raise InputError(_("{source}: `today`: {today!r} is not a real date").format(
                source=source, today=file_values['today'])) from None
    for key, value in options.items():
        if value is None or value == ():
            continue
        if key in ("select", "ignore"):
            value = _split(value)
            _check_selectors(f"--{key}", value)
        merged[key] = value
    return Settings(**merged)


def _check_selectors(name: str, values: Sequence[str]) -> None:
    from policy_rulebook.linter.checks import BY_CODE

    for value in values:
        if not any(code.startswith(value) for code in BY_CODE):
            raise InputError(_("{name}: {value!r} matches no check (`rulebook rules` lists "
                               "them)").format(name=name, value=value))


def load(config: Path | None, cwd: Path, options: Mapping[str, Any]) -> Settings:
    """The settings for this run: ``--config FILE``, else the nearest file, else defaults."""
    if config is not None and not config.is_file():
        raise InputError(_("{config}: no such configuration file").format(config=config))
    found = config or find(cwd.absolute())
    source = Path(display_name(found)) if found else None
    values = read(source) if source else {}
    return settings(values, source, options)
