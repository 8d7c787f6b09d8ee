"""Configuration: ``.rulebook.yaml`` or ``[tool.rulebook]`` in pyproject.toml, found upward
inside the repository (never above it: a folder above the checkout is not the pull request's
to configure, nor the checkout's), or only in the working directory outside a repository.

The file is found, read and validated by ``schema/config.schema.json`` in
``linter.config_file``; any problem is an ``InputError`` naming the file, the key and the reason
(exit 2). Here its values become the run's ``Settings``; options given on the command line
override them. No
configuration hides that a file could not be read (``UNREAD``), and what a file switches off or
lowers is said in the report (``Settings.notes``, issue 24).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from policy_rulebook.core.files import DEFAULT_MAX_BYTES, display_name
from policy_rulebook.core.findings import InputError, Severity
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.config_file import find, read, repository_root, short

#: The findings that a file could not be read (whole): always reported, always errors,
#: whatever ``select``, ``ignore`` or ``severity`` say (ruff and check-jsonschema never let
#: configuration hide a parse error either).
UNREAD = frozenset({"RB001", "RB005", "RB006", "RB007", "RB008"})
#: Checks that no selection switches off: the ones above, and RB904, which tells the reviewer
#: that the configuration itself changed since ``--base`` (it could otherwise hide itself).
ALWAYS_RUN = UNREAD | {"RB904"}


@dataclass(frozen=True)
class Note:
    """A line for the report on what the configuration file switches off or lowers; said in
    the reader's language when the report is made (``str(note)``)."""

    message: str  # an N_ message with {codes}, {source} and maybe {count}
    codes: str
    source: Path
    count: int = 0

    def __str__(self) -> str:
        return _(self.message).format(codes=self.codes, source=self.source, count=self.count)


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
    #: ``profile:`` of the file: a profile name, or {extends, require, disable} (issue 14)
    profile: str | Mapping[str, Any] | None = None
    #: Where the policy is edited and published (issue 23): the repository's web address, the
    #: branch edits start from, ``github`` or ``gitlab``, the rendered page's address.
    repository: str | None = None
    branch: str | None = None
    repository_host: str | None = None
    policy_url: str | None = None
    #: What the configuration file switches off or lowers, one line each, for the report.
    notes: tuple[Note, ...] = ()

    def enabled(self, code: str) -> bool:
        """Whether the check with this code runs: selected (or no selection) and not ignored;
        the checks of ``ALWAYS_RUN`` always run."""
        if code in ALWAYS_RUN:
            return True
        if self.select and not code.startswith(self.select):
            return False
        return not (self.ignore and code.startswith(self.ignore))


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(
        part.strip().upper() for value in values for part in value.split(",") if part.strip()
    )


def settings(
    file_values: Mapping[str, Any], source: Path | None, options: Mapping[str, Any]
) -> Settings:
    """Merge: defaults, then the file, then the options that were given (not None)."""
    base = source.parent if source else Path()
    merged: dict[str, Any] = {"source": source}
    if "path" in file_values:
        merged["path"] = base / str(file_values["path"])
        root = base.resolve()
        target = merged["path"].resolve()
        if target != root and root not in target.parents:
            raise InputError(
                _(
                    "{source}: `path`: the policy must be inside the folder of the "
                    "configuration file (after following links)"
                ).format(source=source)
            )
    for key, attribute in (
        ("format", "output_format"),
        ("max-file-size", "max_file_size"),
        ("show-suppressed", "show_suppressed"),
        ("profile", "profile"),
        ("repository", "repository"),
        ("branch", "branch"),
        ("repository-host", "repository_host"),
        ("policy-url", "policy_url"),
    ):
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
            raise InputError(
                _("{source}: `today`: {value} is not a real date").format(
                    source=source, value=short(file_values["today"])
                )
            ) from None
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
            raise InputError(
                _("{option}: {value} matches no check (`rulebook rules` lists them)").format(
                    option=name, value=short(value)
                )
            )


def load(config: Path | None, cwd: Path, options: Mapping[str, Any]) -> Settings:
    """The settings for this run: ``--config FILE``, else the nearest file, else defaults."""
    if config is not None and not config.is_file():
        raise InputError(_("{config}: no such configuration file").format(config=config))
    here = cwd.absolute()
    found = config or find(here, repository_root(here))
    source = Path(display_name(found)) if found else None
    values = read(source) if source else {}
    merged = settings(values, source, options)
    return replace(merged, notes=notes(values, source)) if source else merged


def notes(values: Mapping[str, Any], source: Path) -> tuple[Note, ...]:
    """One line for each way the file switches checks off or lowers them (the reviewer of a
    pull request that adds ``ignore: [RB9]`` must see it in the output). Kept untranslated:
    the policy, read after the configuration, decides the language they are said in."""
    from policy_rulebook.linter.checks import BY_CODE

    found: list[Note] = []
    ignored = _split(values.get("ignore") or ())
    if ignored:
        found.append(
            Note(N_("checks {codes} switched off by {source}"), ", ".join(ignored), source)
        )
    selected = _split(values.get("select") or ())
    if selected:
        off = [c for c in BY_CODE if not c.startswith(selected) and c not in ALWAYS_RUN]
        if off:
            found.append(
                Note(
                    N_("only checks {codes} selected by {source}: {count} others switched off"),
                    ", ".join(selected),
                    source,
                    len(off),
                )
            )
    lowered = [
        code
        for code, level in (values.get("severity") or {}).items()
        if code in BY_CODE
        and code not in UNREAD  # never lowered
        and Severity(level) is Severity.WARNING
        and BY_CODE[code].severity is Severity.ERROR
    ]
    if lowered:
        found.append(
            Note(
                N_("checks {codes} lowered from error to warning by {source}"),
                ", ".join(sorted(lowered)),
                source,
            )
        )
    return tuple(found)
