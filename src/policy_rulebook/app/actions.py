"""What the commands do, as plain functions: no click here, so tests and other code can call them.

Each returns the text to print and the exit code.
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
from policy_rulebook.core.i18n import _, ngettext

if TYPE_CHECKING:
    from policy_rulebook.core.document import Document
    from policy_rulebook.core.findings import Report, Severity
    from policy_rulebook.core.scheme import Scheme
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


# --- reaction scheme: graph, react, render (issue 6) ---------------------------------------


def load_scheme(path: Path) -> tuple[Document, Scheme]:
    """The document at ``path`` and its reaction scheme; an input error without one."""
    from policy_rulebook.core import loader
    from policy_rulebook.core.findings import InputError
    from policy_rulebook.core.scheme import build

    document = loader.load(path)
    scheme = build(document)
    if scheme is None or not scheme.nodes:
        raise InputError(
            _(
                "{source}: the policy has no reaction scheme (`reactions` with "
                "`nodes`): run `rulebook lint`"
            ).format(source=document.source)
        )
    return document, scheme


def graph(path: Path, output_format: str, language: str | None) -> str:
    from policy_rulebook.documents import graph as drawing

    _, scheme = load_scheme(path)
    return drawing.render(scheme, output_format, drawing.choose_language(scheme, language))


@dataclass(frozen=True)
class ReactOptions:
    path: Path
    language: str | None = None
    answers: str | None = None


def react(
    options: ReactOptions, ask: Callable[[str, str], str] | None, say: Callable[[str], None]
) -> ExitCode:
    """Walk the scheme: with ``options.answers`` scripted (echoing each question and answer),
    otherwise with ``ask`` (interactive). The outcome report goes to ``say``."""
    from policy_rulebook.app import react as triage
    from policy_rulebook.documents.graph import choose_language

    document, scheme = load_scheme(options.path)
    language = choose_language(scheme, options.language)
    script = None
    if options.answers is not None:
        script = triage.Script([a for a in options.answers.split(",")])

        def echo(node_id: str, prompt: str) -> str:
            assert script is not None
            answer = script(node_id, prompt)
            say(f"{prompt}: {answer.strip()}")
            return answer

        ask = echo
    if ask is None:
        raise ValueError("react needs answers or a way to ask")
    result = triage.walk(scheme, language, ask, say)
    if script is not None:
        script.check_all_used(result.outcome)
    say(triage.report(document, scheme, result, language).rstrip("\n"))
    return ExitCode.CLEAN


@dataclass(frozen=True)
class RenderOptions:
    path: Path
    output_format: str = "html"
    language: str | None = None
    output: Path | None = None


def render(options: RenderOptions) -> str | bytes:
    """The rendered policy (bytes for docx and pdf); written atomically to ``options.output``
    when given (then ``""``)."""
    from policy_rulebook.core import loader
    from policy_rulebook.core.scheme import Scheme, build
    from policy_rulebook.documents import render as rendering
    from policy_rulebook.documents.graph import choose_language

    document = loader.load(options.path)
    refuse_with_errors(document, "render")
    scheme = build(document)
    language = choose_language(
        scheme or Scheme(None, languages=document.languages), options.language
    )
    text: str | bytes
    if options.output_format in ("docx", "pdf"):
        from policy_rulebook.documents import print_documents

        make = print_documents.docx if options.output_format == "docx" else print_documents.pdf
        text = make(document, scheme, language)
    else:
        edit = None
        if options.output_format == "html":
            from policy_rulebook.app.source_links import edit_links
            from policy_rulebook.linter import config

            edit = edit_links(config.load(None, Path.cwd(), {}), options.path)
        text = rendering.render(document, scheme, options.output_format, language, edit)
    if options.output is None:
        return text
    from policy_rulebook.app.output import deliver

    return deliver(text, options.output, refuse=_inputs(options.path))


def refuse_with_errors(document: Document, what: str) -> None:
    """A policy with errors is not published: the first error and how many there are."""
    from policy_rulebook.core.findings import InputError, Severity
    from policy_rulebook.linter import engine

    errors = [f for f in engine.lint(document).findings if f.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        more = " " + _("and {count} more").format(count=len(errors) - 1) if len(errors) > 1 else ""
        raise InputError(
            _(
                "cannot {what} a policy with errors: {file}:{line}:{column}: "
                "{code} {message}{more}; run `rulebook lint` and fix them first"
            ).format(
                what=what,
                file=first.file,
                line=first.line,
                column=first.column,
                code=first.code,
                message=first.message,
                more=more,
            )
        )


# --- fmt and init (robust) ------------------------------------------------------------------


@dataclass(frozen=True)
class FmtOptions:
    path: Path
    check: bool = False
    diff: bool = False
    max_bytes: int | None = None


def fmt(options: FmtOptions) -> tuple[str, str, ExitCode]:
    """Format the files at PATH; returns (stdout, stderr, exit code).

    Writes only files that change, atomically, and only without --check and --diff. A file
    with load problems is skipped with a message (exit 2 at the end, after the others).
    """
    import difflib

    from policy_rulebook.authoring import fmt as formatter
    from policy_rulebook.core import files, loader
    from policy_rulebook.core.escape import terminal as safe
    from policy_rulebook.core.findings import InputError
    from policy_rulebook.core.i18n import _

    max_bytes = options.max_bytes or files.DEFAULT_MAX_BYTES
    out: list[str] = []
    err: list[str] = []
    changed = unchanged = 0
    root = options.path.resolve() if options.path.is_dir() else None
    languages = loader.load(options.path, max_bytes=max_bytes).languages
    for file in files.discover(options.path):
        name = files.display_name(file)
        if root is not None and file.is_symlink() and root not in file.resolve().parents:
            err.append(
                "rulebook: fmt: "
                + _(
                    "skipped {name}: it links to a file outside the rulebook folder (RB012)"
                ).format(name=safe(name))
            )
            continue
        try:
            result = formatter.format_file(file, name, max_bytes=max_bytes, languages=languages)
        except formatter.FormatError as error:
            err.append("rulebook: fmt: " + _("skipped {reason}").format(reason=safe(str(error))))
            continue
        except OSError as error:
            err.append(
                "rulebook: fmt: "
                + _("skipped {name}: cannot read: {reason}").format(
                    name=safe(name), reason=error.strerror
                )
            )
            continue
        if not result.changed:
            unchanged += 1
            continue
        changed += 1
        if options.diff:
            out.extend(
                safe(line)
                for line in difflib.unified_diff(
                    result.before.splitlines(keepends=True),
                    result.after.splitlines(keepends=True),
                    name,
                    f"{name} (formatted)",
                )
            )
            if out and not out[-1].endswith("\n"):
                out[-1] += "\n\\ No newline at end of file\n"
        if options.check:
            out.append(_("would reformat {name}").format(name=safe(name)) + "\n")
        elif not options.diff:
            try:
                formatter.write_atomically(result)
            except InputError as error:  # read-only, changed meanwhile, no permission
                changed -= 1
                err.append(_("rulebook: fmt: skipped {reason}").format(reason=safe(str(error))))
                continue
            out.append(_("reformatted {name}").format(name=safe(name)) + "\n")
    summary = (
        ngettext("{count} file would be reformatted", "{count} files would be reformatted", changed)
        if options.check or options.diff
        else ngettext("{count} file reformatted", "{count} files reformatted", changed)
    )
    out.append(
        summary.format(count=changed)
        + ", "
        + _("{count} unchanged").format(count=unchanged)
        + (", " + _("{count} skipped").format(count=len(err)) if err else "")
        + ".\n"
    )
    if err:
        code = ExitCode.USAGE
    elif options.check and changed:
        code = ExitCode.FINDINGS
    else:
        code = ExitCode.CLEAN
    return "".join(out), "".join(line + "\n" for line in err), code


@dataclass(frozen=True)
class InitOptions:
    directory: Path
    languages: str = "nl,en"
    organisation: str | None = None
    profile: str | None = None


def init(options: InitOptions) -> tuple[str, ExitCode]:
    """Scaffold a new policy; ``InputError`` (exit 2, nothing written) if a file exists."""
    from policy_rulebook.authoring import scaffold
    from policy_rulebook.core.escape import terminal as safe
    from policy_rulebook.core.schema import schema_text

    languages = scaffold.parse_languages(options.languages)
    written = scaffold.create(
        options.directory, options.organisation, languages, schema_text(), options.profile
    )
    lines = [_("created {path}").format(path=safe(str(path))) for path in written]
    lines.append(
        _(
            "Now fill in the TODOs; `rulebook lint {directory}` lists what is still to write."
        ).format(directory=safe(str(options.directory)))
    )
    return "\n".join(lines) + "\n", ExitCode.CLEAN


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
