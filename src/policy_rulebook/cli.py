"""The ``rulebook`` command line. Each command parses options and calls a plain function.

Only click and the standard library are imported at start-up: the linter runs on every commit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # pathlib and datetime are imported when a command runs: see PathType
    import datetime as dt
    from pathlib import Path

from policy_rulebook import __version__
from policy_rulebook.core.exits import ExitCode, InputError
from policy_rulebook.core.i18n import LANGUAGES
from policy_rulebook.linter.reporters import REPORTERS


def _(message: str) -> str:
    """core.i18n's ``_``, imported when a message is shown (not at start-up: `--help` stays
    light, see tests/test_imports.py)."""
    from policy_rulebook.core.i18n import _ as translate

    return translate(message)


class PathType(click.Path):
    """``click.Path(path_type=Path)`` (the same checks and completion, the same ``Path`` for
    the command), without importing pathlib at start-up: it pulls in urllib and ipaddress, a
    tenth of the time of ``rulebook --help`` when installed (see benchmarks/). Use it as
    ``type=PathType(), default="rulebook"`` or ``type=PathType(dir_okay=False)``."""

    def coerce_path_result(self, value: Any) -> Any:
        from pathlib import Path

        return value if isinstance(value, Path) else Path(os.fsdecode(value))


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            _("{value!r} is not a date in the form YYYY-MM-DD").format(value=value)
        ) from None


_SIZE_UNITS = {
    "": 1,
    "b": 1,
    "k": 1024,
    "kb": 1024,
    "kib": 1024,
    "m": 1024**2,
    "mb": 1024**2,
    "mib": 1024**2,
    "g": 1024**3,
    "gb": 1024**3,
    "gib": 1024**3,
}


def _size(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """A size such as ``4M``, ``500k`` or ``1048576`` (bytes)."""
    if value is None:
        return None
    text = value.strip().lower()
    number = text.rstrip("kmgib")
    unit = text[len(number) :]
    try:
        size = int(float(number) * _SIZE_UNITS[unit])
    except (ValueError, KeyError, OverflowError):  # OverflowError: inf, 1e400
        raise click.BadParameter(
            _("{value!r} is not a size such as 4M, 500k or 1048576").format(value=value)
        ) from None
    if size <= 0:
        raise click.BadParameter(_("{value!r} is not a positive size").format(value=value))
    if size > MAX_FILE_SIZE:
        raise click.BadParameter(
            _("{value} is more than the largest size, 1G").format(value=value[:40])
        )
    return size


#: The largest --max-file-size: a file is read into memory whole.
MAX_FILE_SIZE = 1024**3


def _use_color(stream: Any) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _choose_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--lang``: the language of messages (an explicit choice wins over the policy's)."""
    if value:
        from policy_rulebook.core import i18n

        i18n.set_language(value.split(",")[0])
    return value


def _choose_message_language(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    """``--lang`` of the commands whose output is only messages: a language with a catalogue
    (``de`` or ``xx`` is a usage error naming the languages, not English in silence)."""
    if value:
        from policy_rulebook.usage import unknown_language

        problem = unknown_language(value.split(",")[0])
        if problem:
            raise click.BadParameter(problem, ctx=ctx, param=param)
    return _choose_language(ctx, param, value)


def _policy_languages(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``init --lang``: the new policy's languages; messages in the first, as for a policy."""
    from policy_rulebook.core import i18n

    i18n.use_policy_language([code.strip() for code in value.split(",")])
    return value


_LANG_MESSAGES_HELP = (
    "Language of messages: {languages} (default: $RULEBOOK_LANG, else the "
    "policy's first language, else LC_ALL/LANG, else en)."
)
#: ``--lang`` on the commands whose output is only messages.
lang_option = click.option(
    "--lang",
    "lang",
    metavar="LANG",
    expose_value=False,
    callback=_choose_message_language,
    is_eager=True,  # before the other options: their errors in this language
    help=_LANG_MESSAGES_HELP.format(languages=", ".join(LANGUAGES)),
)


def emit(text: str, code: ExitCode, *, escaped: bool = False) -> None:
    """Print a command's output and exit. Control characters from the data (an author name
    from git with ``\\e]0;...``) are shown as escapes, never sent raw; ``escaped``: the
    output did that itself (lint's reporters, which may colour)."""
    if not escaped:
        from policy_rulebook.core.escape import terminal

        text = terminal(text)
    try:
        click.echo(text, nl=False)
        sys.stdout.flush()
    except BrokenPipeError:
        _closed_pipe()
    except OSError as error:  # a full disk (/dev/full), an I/O error: not "internal"
        _closed_pipe()
        raise InputError(
            _("cannot write to standard output: {reason}").format(
                reason=error.strerror or type(error).__name__
            )
        ) from None
    sys.exit(int(code))


_OUTPUT = click.option(
    "-o",
    "--output",
    type=PathType(dir_okay=False),
    help="Write to this file (atomically) instead of standard output.",
)


def deliver(
    content: str | bytes,
    code: ExitCode = ExitCode.CLEAN,
    output: Path | None = None,
    read: Path | None = None,
) -> None:
    """Print ``content`` or write it to ``output``; bytes (docx, pdf) never to a terminal.
    Text is escaped the same way for both (git data may hold escape sequences), and the
    output is never one of the policy files read at ``read`` nor the configuration."""
    from policy_rulebook.app.output import deliver as run
    from policy_rulebook.app.output import protected_files
    from policy_rulebook.core.escape import terminal

    if isinstance(content, str):
        content = terminal(content)
    refuse = protected_files(read) if output is not None else []
    emit(run(content, output, refuse=refuse), code, escaped=True)


def _closed_pipe(stream: Any = None) -> None:
    """The reader stopped reading (``rulebook lint | head -1``): like other command-line
    tools, stop quietly; the exit code stays that of the run. Standard output (or
    ``stream``) is pointed at /dev/null so that Python's final flush does not complain."""
    stream = stream or sys.stdout
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):
        return  # not a real file (a test's capture): nothing will be flushed at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def _say(line: str) -> None:
    """One line on standard error, if it can still be written (a full disk): the exit code
    says the rest."""
    try:
        click.echo(line, err=True)
    except OSError:
        _closed_pipe(sys.stderr)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="rulebook")
def cli() -> None:
    """Policy-as-code for an organisation's social-media policy.

    \b
    Exit codes: 0 clean, 1 findings, 2 usage or input error, 3 internal error.
    """


#: The names of the output formats, from the one reporter table.
FORMAT_NAMES = tuple(REPORTERS)
#: The bundled profiles (linter.profiles.NAMES; a test keeps them equal): not imported at
#: start-up, the linter runs on every commit.
PROFILE_NAMES = (
    "local-government",
    "public-body",
    "education",
    "higher-education",
    "care",
    "non-profit",
    "company",
)


@cli.command()
@lang_option
@click.argument("path", type=PathType(), required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMAT_NAMES),
    help="How to report findings  [default: text].",
)
@click.option(
    "--output",
    "-o",
    type=PathType(dir_okay=False),
    help="Write the report to FILE (atomically) instead of standard output.",
)
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1); as --fail-on warning.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    help="The least severe finding that fails the run  [default: error].",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Run only checks whose code starts with one of these (comma-separated).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Skip checks whose code starts with one of these (comma-separated).",
)
@click.option(
    "--show-suppressed",
    is_flag=True,
    help="Also list the findings silenced by suppression comments, with the reasons.",
)
@click.option(
    "--config",
    type=PathType(dir_okay=False),
    help="The configuration file (default: the nearest .rulebook.yaml or "
    "pyproject.toml with [tool.rulebook], looking upward).",
)
@click.option(
    "--today",
    callback=_date,
    metavar="YYYY-MM-DD",
    help="The date of today, for reproducible builds (default: the real date).",
)
@click.option(
    "--max-file-size",
    "max_bytes",
    callback=_size,
    metavar="SIZE",
    help="Larger files are not read (RB006); like 4M or 500k [default: 4M].",
)
@click.option(
    "--profile",
    type=click.Choice(PROFILE_NAMES),
    help="Lint as this kind of organisation instead of meta.profile (to try one).",
)
@click.option(
    "--base",
    metavar="REV",
    help="Also check version discipline (RB901-RB903) against this git revision.",
)
@click.option(
    "--changed-only",
    is_flag=True,
    help="With --base: report only findings on items added or changed since REV.",
)
def lint(
    path: Path | None,
    output_format: str | None,
    output: Path | None,
    strict: bool,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    show_suppressed: bool,
    config: Path | None,
    today: dt.date | None,
    max_bytes: int | None,
    profile: str | None,
    base: str | None,
    changed_only: bool,
) -> None:
    """Check that the policy at PATH (default ./rulebook) is complete and valid.

    Options override the configuration file. A finding can be silenced for one item with a
    comment on it: `# rulebook: ignore[CODE] reason: ... until: YYYY-MM-DD`.
    """
    from policy_rulebook.app.actions import LintOptions
    from policy_rulebook.app.actions import lint as run

    options = LintOptions(
        path,
        output_format,
        strict,
        today,
        _use_color(sys.stdout),
        config,
        select,
        ignore,
        fail_on,
        output,
        show_suppressed,
        max_bytes,
        profile,
    )
    if base is not None or changed_only:
        from policy_rulebook.app.history_actions import lint_against_base

        emit(*lint_against_base(options, base, changed_only), escaped=True)
    emit(*run(options), escaped=True)


@cli.command()
@_OUTPUT
@lang_option
def schema(output: Path | None) -> None:
    """Print the JSON Schema of a rulebook (for editors and other tools)."""
    from policy_rulebook.app.actions import schema as run

    deliver(run(), output=output)


# -- versions from git: diff, history, changelog (app.history_actions) ----

_POLICY = click.argument("path", type=PathType(), default="rulebook")


@cli.command()
@_POLICY
@click.option(
    "--from",
    "from_rev",
    required=True,
    metavar="REV",
    help="The older revision (a commit, tag or branch) or policy version (1.1.0).",
)
@click.option(
    "--to",
    "to_rev",
    metavar="REV",
    help="The newer revision or policy version (default: the working tree, with its edits).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json", "html", "docx"]),
    default="text",
    show_default=True,
    help="How to show the changes (docx: Word, tracked changes).",
)
@click.option(
    "--lang",
    metavar="LANG",
    callback=_choose_language,
    is_eager=True,  # before the other options: their errors in this language
    help="One of the policy's languages, for the labels and phrases (default: its first language).",
)
@_OUTPUT
def diff(
    path: Path,
    from_rev: str,
    to_rev: str | None,
    output_format: str,
    lang: str | None,
    output: Path | None,
) -> None:
    """What changed in the policy at PATH between two revisions, rule by rule (for legal: every
    change, marked editorial or not, with who changed it)."""
    from policy_rulebook.app.history_actions import diff as run

    deliver(*run(path, from_rev, to_rev, output_format, lang), output=output, read=path)


@cli.command()
@lang_option
@_POLICY
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to list the versions.",
)
@_OUTPUT
def history(path: Path, output_format: str, output: Path | None) -> None:
    """List the versions of the policy at PATH (commits where meta.version changed)."""
    from policy_rulebook.app.history_actions import history as run

    deliver(*run(path, output_format), output=output, read=path)


@cli.command()
@_POLICY
@click.option(
    "--from",
    "from_rev",
    metavar="REV",
    help="Only versions after this revision or policy version (default: every version).",
)
@click.option(
    "--to", "to_rev", metavar="REV", help="The last revision or policy version (default: HEAD)."
)
@click.option(
    "--audience",
    type=click.Choice(["staff", "legal"]),
    default="staff",
    show_default=True,
    help="staff: a short announcement; legal: every change with a redline and who.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "html", "json", "text", "docx", "eml"]),
    default="markdown",
    show_default=True,
    help="How to write it (docx: Word, tracked changes for legal; eml: an e-mail ready to "
    "send, for staff).",
)
@click.option(
    "--lang",
    metavar="LANG",
    callback=_choose_language,
    is_eager=True,  # before the other options: their errors in this language
    help="One of the policy's languages (default: its first language).",
)
@_OUTPUT
def changelog(
    path: Path,
    from_rev: str | None,
    to_rev: str | None,
    audience: str,
    output_format: str,
    lang: str | None,
    output: Path | None,
) -> None:
    """Announce each version of the policy at PATH, newest first."""
    from policy_rulebook.app.history_actions import changelog as run

    deliver(*run(path, from_rev, to_rev, audience, output_format, lang), output=output, read=path)


# ci: rules and explain
@cli.command()
@lang_option
def rules() -> None:
    """List every check: code, name, default severity and what it finds."""
    from policy_rulebook.linter.explain import render_rules

    emit(render_rules(), ExitCode.CLEAN)


@cli.command()
@lang_option
@click.argument("code")
def explain(code: str) -> None:
    """Explain the check CODE (or name): what it checks, why, how to fix it, with examples."""
    from policy_rulebook.app.actions import explain as run

    emit(run(code), ExitCode.CLEAN)


# --- reaction scheme: graph, react, render (issue 6) ---------------------------------------

_LANG_HELP = "Language of the output (default: the policy's first language)."


@cli.command()
@click.argument("path", type=PathType(), default="rulebook")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["mermaid", "dot"]),
    default="mermaid",
    show_default=True,
    help="Mermaid (GitHub) or Graphviz DOT.",
)
@click.option(
    "--lang", "language", metavar="LANG", help=_LANG_HELP, callback=_choose_language, is_eager=True
)
@_OUTPUT
def graph(path: Path, output_format: str, language: str | None, output: Path | None) -> None:
    """Draw the reaction scheme of the policy at PATH as a diagram."""
    from policy_rulebook.app.actions import graph as run

    deliver(run(path, output_format, language), output=output, read=path)


@cli.command()
@click.argument("path", type=PathType(), default="rulebook")
@click.option(
    "--lang", "language", metavar="LANG", help=_LANG_HELP, callback=_choose_language, is_eager=True
)
@click.option(
    "--answers",
    metavar="yes,no,...",
    help="Answer the questions from this list instead of asking (for scripts).",
)
def react(path: Path, language: str | None, answers: str | None) -> None:
    """Walk the reaction scheme question by question: what to do with this post?

    \b
    Answer yes or no (ja or nee), or ? for help on a question. Ctrl-C stops (exit 130).
    """
    from policy_rulebook.app.actions import ReactOptions
    from policy_rulebook.app.actions import react as run

    def ask(node_id: str, prompt: str) -> str:
        click.echo(f"{prompt}: ", nl=False)
        line = sys.stdin.readline()
        if not line:
            click.echo()
            raise InputError(
                _("no answer to the question `{node_id}` (the input ended)").format(node_id=node_id)
            )
        return line

    sys.exit(int(run(ReactOptions(path, language, answers), ask, click.echo)))


@cli.command()
@click.argument("path", type=PathType(), default="rulebook")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "html", "docx", "pdf"]),
    default="html",
    show_default=True,
    help="A Markdown page, one HTML file, a Word file or a PDF (extra `pdf`).",
)
@click.option(
    "--lang", "language", metavar="LANG", help=_LANG_HELP, callback=_choose_language, is_eager=True
)
@_OUTPUT
def render(path: Path, output_format: str, language: str | None, output: Path | None) -> None:
    """Render the whole policy at PATH as a document for staff."""
    from policy_rulebook.app.actions import RenderOptions
    from policy_rulebook.app.actions import render as run

    deliver(run(RenderOptions(path, output_format, language, output)))


# --- fmt and init (robust) ------------------------------------------------------------------


@cli.command()
@lang_option
@click.argument("path", type=PathType(), default="rulebook")
@click.option(
    "--check",
    is_flag=True,
    help="Change nothing; list the files that would change and exit 1 if any.",
)
@click.option("--diff", is_flag=True, help="Change nothing; show the changes as a diff.")
@click.option(
    "--max-file-size",
    "max_bytes",
    callback=_size,
    metavar="SIZE",
    help="Larger files are not read; like 4M or 500k [default: 4M].",
)
def fmt(path: Path, check: bool, diff: bool, max_bytes: int | None) -> None:
    """Give the policy at PATH its canonical layout, keeping every comment.

    \b
    Indentation, quotes, and keys in the schema's order; files with problems that stop
    reading them (RB001-RB009, RB012) are skipped (exit 2). Only changed files are written.
    """
    from policy_rulebook.app.actions import FmtOptions
    from policy_rulebook.app.actions import fmt as run

    out, err, code = run(FmtOptions(path, check, diff, max_bytes))
    click.echo(err, nl=False, err=True)
    emit(out, code)


@cli.command()
@click.argument("directory", type=PathType(), default="rulebook")
@click.option(
    "--lang",
    "languages",
    default="nl,en",
    show_default=True,
    metavar="CODES",
    callback=_policy_languages,
    is_eager=True,
    help="The policy's languages, primary first, like nl or nl,en (messages in the first).",
)
@click.option("--organisation", metavar="NAME", help="The organisation's name.")
@click.option(
    "--profile",
    type=click.Choice(PROFILE_NAMES),
    help="The kind of organisation (meta.profile): it decides which checks apply.",
)
def init(directory: Path, languages: str, organisation: str | None, profile: str | None) -> None:
    """Start a new policy in DIRECTORY (default ./rulebook), one file per section.

    Each file explains what the article asks of that element and holds placeholders;
    `rulebook lint` then lists what is still to write. Never overwrites a file.
    """
    from policy_rulebook.app.actions import InitOptions
    from policy_rulebook.app.actions import init as run

    emit(*run(InitOptions(directory, languages, organisation, profile)))


@cli.command()
@click.argument("path", type=PathType(), default="rulebook")
@click.option(
    "--profile",
    type=click.Choice(PROFILE_NAMES),
    help="The questions of this profile (default: the policy's meta.profile).",
)
@click.option("--lang", "language", metavar="LANG", help=_LANG_HELP, callback=_choose_language)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to list the questions.",
)
@_OUTPUT
def review(
    path: Path, profile: str | None, language: str | None, output_format: str, output: Path | None
) -> None:
    """List the review questions of the policy's profile that a legal or communications
    reviewer must answer, each with its legal source, and which ones the policy has answered
    (in meta.review)."""
    from policy_rulebook.app.review import review as run

    deliver(run(path, profile, language, output_format), output=output, read=path)


def _speak_the_policys_language() -> None:
    """A usage error in the language lint would speak here (never an error of its own)."""
    try:
        from policy_rulebook.app.actions import speak_the_policys_language_here

        speak_the_policys_language_here()
    except Exception:  # the usage error is the message; a language is a nicety
        return


def _check_environment() -> None:
    """An unknown ``RULEBOOK_LANG`` is a usage error, as ``--lang`` would be."""
    value = os.environ.get("RULEBOOK_LANG")
    if value:
        from policy_rulebook.usage import environment_language_error

        problem = environment_language_error(value)
        if problem:
            raise InputError(problem)


def main(argv: list[str] | None = None) -> None:
    """Entry point: the documented exit codes, one line on error, never a traceback."""
    try:
        # Python's own Ctrl-C from here on (entry.py's quick exit covered the start-up): a
        # KeyboardInterrupt is caught below wherever it lands.
        with contextlib.suppress(ValueError):  # not the main thread (an embedding program)
            signal.signal(signal.SIGINT, signal.default_int_handler)
        _check_environment()
        cli.main(args=argv, prog_name="rulebook", standalone_mode=False)
    except click.exceptions.Abort:
        _say("rulebook: " + _("interrupted"))
        sys.exit(130)
    except click.ClickException as error:
        from policy_rulebook.core import i18n
        from policy_rulebook.core.escape import terminal as safe
        from policy_rulebook.usage import describe, language_in, worded_by_us

        chosen = language_in(sys.argv[1:] if argv is None else argv)
        if chosen:
            i18n.set_language(chosen)
        elif worded_by_us(error):  # else its words are in the language of when it was raised
            _speak_the_policys_language()
        message = describe(error)
        try:
            click.echo("rulebook: " + _("error: {message}").format(message=safe(message)), err=True)
        except OSError:  # standard error is full or gone: the exit code still says 2
            _closed_pipe(sys.stderr)
        sys.exit(ExitCode.USAGE)
    except InputError as error:
        from policy_rulebook.core.escape import terminal as safe

        _say("rulebook: " + _("error: {message}").format(message=safe(str(error))))
        sys.exit(ExitCode.USAGE)
    except KeyboardInterrupt:
        _say("rulebook: " + _("interrupted"))
        sys.exit(130)
    except BrokenPipeError:
        _closed_pipe()
        sys.exit(ExitCode.CLEAN)
    except SystemExit:
        raise
    except Exception as error:  # the promise: never a traceback
        from policy_rulebook.core.escape import terminal as safe

        _say(
            "rulebook: "
            + _("internal error: {kind}: {message} (please report this)").format(
                kind=type(error).__name__, message=safe(str(error))
            )
        )
        sys.exit(ExitCode.INTERNAL)
    except BaseException as error:
        # A Ctrl-C that lands while a compiled extension (jsonschema-rs, via PyO3) is being
        # imported surfaces as its PanicException, a BaseException: still an interruption.
        if type(error).__name__ != "PanicException":
            raise
        interrupted = isinstance(error.__context__, KeyboardInterrupt)
        click.echo(
            "rulebook: "
            + (
                _("interrupted")
                if interrupted
                else _("internal error: {kind}: {message} (please report this)").format(
                    kind=type(error).__name__, message=str(error)[:200]
                )
            ),
            err=True,
        )
        sys.exit(130 if interrupted else ExitCode.INTERNAL)
    sys.exit(ExitCode.CLEAN)


if __name__ == "__main__":
    main()
