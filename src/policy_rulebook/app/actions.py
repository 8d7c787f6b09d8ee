"""What ``lint`` does, and ``schema`` and ``explain``, as plain functions: no click here, so tests
and other code can call them.

Each returns the text to print and the exit code. The other commands are as plain:
``app.document_actions`` (graph, react, render), ``app.authoring_actions`` (fmt, init),
``app.history_actions`` (diff, history, changelog), ``app.review`` (review) and
``app.lint_base_actions`` (lint --base).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from policy_rulebook.core.findings import ExitCode

if TYPE_CHECKING:
    from policy_rulebook.core.document import Document
    from policy_rulebook.core.findings import Report, Severity
    from policy_rulebook.linter.checks import Context
    from policy_rulebook.linter.config import Settings

#: A step after the checks, before severities and rendering (``lint --base`` can add its
#: findings here): (the document, the report so far, the settings) -> the report.
Extend = Callable[["Document", "Report", "Settings"], "Report"]
#: What the checks may know besides the policy (``lint --base`` adds the base revision):
#: (the settings, the context so far) -> the context.
Prepare = Callable[["Settings", "Context"], "Context"]


@dataclass(frozen=True)
class LintOptions:
    """What was given on the command line; None (or empty) means "not given": the
    configuration file or the default decides."""

    path: Path | None = None
    output_format: str | None = None
    strict: bool = False
    today: dt.date | None = None
    color: bool = False
    config: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    output: Path | None = None
    show_suppressed: bool = False
    max_bytes: int | None = None  # None: files.DEFAULT_MAX_BYTES
    profile: str | None = None  # --profile: try this profile instead of meta.profile


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector: a long policy is some hundred thousand objects that
    all live until the end, and every collection would walk them all again (a tenth of the
    time of a large lint). Nothing in a lint makes cycles to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def lint(
    options: LintOptions, extend: Extend | None = None, prepare: Prepare | None = None
) -> tuple[str, ExitCode]:
    """Configuration, checks, suppressions, severities, then the report in its format."""
    from policy_rulebook.core import loader
    from policy_rulebook.core.findings import Severity
    from policy_rulebook.linter import config, engine, reporters
    from policy_rulebook.linter.checks import CHECKS, Context

    fail_on = (
        Severity.WARNING
        if options.strict
        else (Severity(options.fail_on) if options.fail_on else None)
    )
    settings = config.load(
        options.config,
        Path.cwd(),
        {
            "path": options.path,
            "output_format": options.output_format,
            "today": options.today,
            "select": options.select,
            "ignore": options.ignore,
            "fail_on": fail_on,
            "show_suppressed": options.show_suppressed or None,
            "max_file_size": options.max_bytes,
        },
    )
    with _no_cycle_collection():
        document = loader.load(settings.path, max_bytes=settings.max_file_size)
        context = Context(today=settings.today) if settings.today else Context()
        if prepare is not None:
            context = prepare(settings, context)
        checks = [check for check in CHECKS if settings.enabled(check.code)]
        report = engine.lint(
            document, context, checks, _tried_profile(settings.profile, options.profile)
        )
        if extend is not None:
            report = extend(document, report, settings)
        # Freed here, not after the collector is back: it would first walk every object
        # made meanwhile (a fifth of a second for a 10,000-rule policy).
        del document
    report = with_severities(report, settings.severity)
    if settings.notes:
        report = replace(report, notes=(*map(str, settings.notes), *report.notes))
    color = options.color and options.output is None
    output = reporters.render(settings.output_format, report, color, settings.show_suppressed)
    code = (
        ExitCode.FINDINGS
        if report.fails(settings.fail_on is Severity.WARNING)
        else (ExitCode.CLEAN)
    )
    if options.output is not None:
        from policy_rulebook.core import atomic  # only with -o: a plain lint writes nothing

        read = [*_inputs(settings.path), *([settings.source] if settings.source else [])]
        atomic.write_text(options.output, output, refuse=read)  # nor the configuration
        return "", code
    return output, code


def _tried_profile(
    spec: str | Mapping[str, object] | None, name: str | None
) -> str | Mapping[str, object] | None:
    """The configuration's ``profile:`` with ``--profile NAME`` as the profile it extends (its
    ``require`` and ``disable`` still apply)."""
    if name is None:
        return spec
    if isinstance(spec, Mapping):
        return {**spec, "extends": name}
    return name


def _inputs(path: Path) -> list[Path]:
    """The policy files at ``path`` and the configuration: an output file is never one."""
    from policy_rulebook.app.output import protected_files

    return protected_files(path)


def with_severities(report: Report, severities: Mapping[str, Severity]) -> Report:
    """The report with the severity of some codes changed (``severity`` in the config)."""
    if not severities:
        return report
    from policy_rulebook.linter.config import UNREAD

    findings = tuple(
        f if f.code in UNREAD else replace(f, severity=severities.get(f.code, f.severity))
        for f in report.findings
    )
    return replace(report, findings=findings)


def schema() -> str:
    from policy_rulebook.core.schema import schema_text

    return schema_text()


def speak_the_policys_language_here() -> None:
    """Messages in the language ``lint`` would speak in this folder: the policy's first
    language (the configured path, else ``rulebook/``), read from meta.yaml's ``languages:``
    line without loading the policy; ``--lang`` or ``RULEBOOK_LANG`` still win."""
    from policy_rulebook.core import i18n
    from policy_rulebook.core.findings import InputError
    from policy_rulebook.core.policy_language import from_meta_text
    from policy_rulebook.linter import config

    try:
        path = config.load(None, Path.cwd(), {}).path
    except InputError:  # a broken configuration is lint's to report
        path = Path("rulebook")
    language = from_meta_text(path) if path.exists() else None
    if language:
        i18n.use_policy_language([language])


def explain(code: str) -> str:
    """``rulebook explain CODE`` in the policy's language, like ``lint``."""
    from policy_rulebook.linter.explain import find, render_explain

    speak_the_policys_language_here()
    return render_explain(find(code))
