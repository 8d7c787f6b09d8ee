"""Click's own usage errors in the reader's language and the project's style: one line
(``rulebook: error: ...``), exit 2, never Click's three-line block in English.

Click words its errors with the standard library's global ``gettext`` (its own domain, not
ours), so they are worded again here from what the exception carries: the option, the
close matches, the choices. A message of ours raised through ``click.BadParameter`` (a bad
date, a bad size) is already translated and kept.
"""

from __future__ import annotations

import re

import click

from policy_rulebook.core.i18n import ENVIRONMENT_VARIABLE, LANGUAGES, N_, _, supported

#: Click's English for a path that failed its checks: the name is quoted by ``repr``.
_PATH_PROBLEMS = (
    ("does not exist", N_("{option}: {path} does not exist")),
    ("is a file", N_("{option}: {path} is a file, not a folder")),
    ("is a directory", N_("{option}: {path} is a folder, not a file")),
    ("is not readable", N_("{option}: {path} cannot be read")),
    ("is not writable", N_("{option}: {path} cannot be written")),
)
_QUOTED = re.compile(r"""(['"])(.*)\1""")
_EXTRA = re.compile(r"\((.*)\)")
#: Click's "'jsn' is not one of 'text', 'json'."
_CHOICE_GIVEN = re.compile(r"""(['"])(.*?)\1 is not""")


def _name(param: click.Parameter | None) -> str:
    if param is None:
        return ""
    if isinstance(param, click.Option):
        return " / ".join(param.opts)
    return (param.human_readable_name or param.name or "").upper()


def _help_hint(error: click.UsageError) -> str:
    ctx = error.ctx
    path = ctx.command_path if ctx is not None else "rulebook"
    return _("see `{command} --help`").format(command=path)


def _unknown(error: click.UsageError, name: str, possibilities: list[str] | None) -> str:
    """An unknown option or command, with Click's close matches."""
    option = name.startswith("-")
    if possibilities:
        wording = (
            _("no such option {name}; did you mean {names}?")
            if option
            else _("no such command {name}; did you mean {names}?")
        )
        text = wording.format(name=name, names=", ".join(sorted(possibilities)))
    else:
        text = (_("no such option {name}") if option else _("no such command {name}")).format(
            name=name
        )
    return f"{text} ({_help_hint(error)})"


def _bad_parameter(error: click.BadParameter) -> str:
    param = error.param
    option = _name(param)
    if param is not None and isinstance(param.type, click.Choice):
        choices = ", ".join(str(c) for c in param.type.choices)
        given = _CHOICE_GIVEN.match(error.message)
        if given:  # what was typed (Click's repr, so escaped): `--format jsn` in a CI file
            return _("invalid value '{value}' for {option}: use one of {choices}").format(
                value=given[2], option=option, choices=choices
            )
        return _("invalid value for {option}: use one of {choices}").format(
            option=option, choices=choices
        )
    if param is not None and isinstance(param.type, click.Path):
        quoted = _QUOTED.search(error.message)
        for english, wording in _PATH_PROBLEMS:
            if english in error.message and quoted:
                return _(wording).format(option=option, path=quoted[2])
    # Raised by our own callbacks: the message is already in the reader's language.
    return _("invalid value for {option}: {message}").format(option=option, message=error.message)


def worded_by_us(error: click.ClickException) -> bool:
    """Whether :func:`describe` words all of the error: not a message one of our callbacks
    already wrote (a bad date, a bad size), whose language was chosen when it was raised."""
    if not isinstance(error, click.BadParameter) or isinstance(error, click.MissingParameter):
        return True
    return error.param is not None and isinstance(error.param.type, (click.Choice, click.Path))


def describe(error: click.ClickException) -> str:
    """The one line for a Click error, without the ``rulebook: error:`` prefix."""
    if isinstance(error, click.exceptions.NoSuchOption):
        return _unknown(error, error.option_name, error.possibilities)
    if isinstance(error, click.exceptions.NoSuchCommand):
        return _unknown(error, error.command_name, error.possibilities)
    if isinstance(error, click.MissingParameter):
        param = error.param
        wording = (
            _("missing option {name}")
            if isinstance(param, click.Option)
            else _("missing argument {name}")
        )
        return f"{wording.format(name=_name(param))} ({_help_hint(error)})"
    if isinstance(error, click.BadParameter):
        return _bad_parameter(error)
    if isinstance(error, click.BadOptionUsage):
        text = _("option {option} needs a value").format(option=error.option_name)
        return f"{text} ({_help_hint(error)})"
    if isinstance(error, click.UsageError) and error.message.startswith("Got unexpected extra"):
        extra = _EXTRA.search(error.message)
        text = _("unexpected extra argument {argument}").format(
            argument=extra[1] if extra else error.message
        )
        return f"{text} ({_help_hint(error)})"
    return error.format_message()


def unknown_language(value: str) -> str | None:
    """The message for a language rulebook has no catalogue for (``de``, ``xx``), else None."""
    if supported(value) is not None:
        return None
    return _("{value!r} is not a language of rulebook's messages: use one of {languages}").format(
        value=value, languages=", ".join(LANGUAGES)
    )


def environment_language_error(value: str | None) -> str | None:
    """The message for an unknown ``RULEBOOK_LANG`` (in the system's language, LANG)."""
    problem = unknown_language(value) if value else None
    return f"{ENVIRONMENT_VARIABLE}: {problem}" if problem else None


def language_in(argv: list[str]) -> str | None:
    """The ``--lang`` of a command line Click refused before reading it (``--nope --lang nl``):
    its error is said in that language too."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value:
            return supported(value.split(",")[0])
    return None
