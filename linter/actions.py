"""What the commands do, as plain functions: no click here, so tests and other code can call them.

Each returns the text to print and the exit code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from linter.findings import ExitCode


@dataclass(frozen=True)
class LintOptions:
    path: Path
    output_format: str = "text"
    strict: bool = False
    today: dt.date | None = None
    color: bool = False
    max_bytes: int | None = None  # None: loader.DEFAULT_MAX_BYTES


def lint(options: LintOptions) -> tuple[str, ExitCode]:
    from linter import engine, loader, reporters
    from linter.checks import Context

    document = loader.load(options.path, max_bytes=options.max_bytes or loader.DEFAULT_MAX_BYTES)
    context = Context(today=options.today) if options.today else Context()
    report = engine.lint(document, context)
    output = reporters.get(options.output_format)(report, options.color)
    code = ExitCode.FINDINGS if report.fails(options.strict) else ExitCode.CLEAN
    return output, code


def schema() -> str:
    from linter.schema import schema_text

    return schema_text()


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

    from linter import fmt as formatter
    from linter import loader
    from linter.terminal import safe

    max_bytes = options.max_bytes or loader.DEFAULT_MAX_BYTES
    out: list[str] = []
    err: list[str] = []
    changed = unchanged = 0
    root = options.path.resolve() if options.path.is_dir() else None
    languages = loader.load(options.path, max_bytes=max_bytes).languages
    for file in loader.discover(options.path):
        name = loader.display_name(file)
        if root is not None and file.is_symlink() and root not in file.resolve().parents:
            err.append(f"rulebook: fmt: skipped {safe(name)}: it links to a file outside "
                       "the rulebook folder (RB012)")
            continue
        try:
            result = formatter.format_file(file, name, max_bytes=max_bytes,
                                           languages=languages)
        except formatter.FormatError as error:
            err.append(f"rulebook: fmt: skipped {safe(str(error))}")
            continue
        except OSError as error:
            err.append(f"rulebook: fmt: skipped {safe(name)}: cannot read: {error.strerror}")
            continue
        if not result.changed:
            unchanged += 1
            continue
        changed += 1
        if options.diff:
            out.extend(safe(line) for line in difflib.unified_diff(
                result.before.splitlines(keepends=True), result.after.splitlines(keepends=True),
                name, f"{name} (formatted)"))
            if out and not out[-1].endswith("\n"):
                out[-1] += "\n\\ No newline at end of file\n"
        if options.check:
            out.append(f"would reformat {safe(name)}\n")
        elif not options.diff:
            formatter.write_atomically(file.resolve(), result.after)
            out.append(f"reformatted {safe(name)}\n")
    verb = "would be reformatted" if options.check or options.diff else "reformatted"
    out.append(f"{changed} file{'' if changed == 1 else 's'} {verb}, {unchanged} unchanged"
               + (f", {len(err)} skipped" if err else "") + ".\n")
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


def init(options: InitOptions) -> tuple[str, ExitCode]:
    """Scaffold a new policy; ``InputError`` (exit 2, nothing written) if a file exists."""
    from linter import scaffold
    from linter.schema import schema_text
    from linter.terminal import safe

    languages = scaffold.parse_languages(options.languages)
    written = scaffold.create(options.directory, options.organisation, languages, schema_text())
    lines = [f"created {safe(str(path))}" for path in written]
    lines.append(f"Now fill in the TODOs; `rulebook lint {safe(str(options.directory))}` lists "
                 "what is still to write.")
    return "\n".join(lines) + "\n", ExitCode.CLEAN
