"""The options and arguments that several commands share, and the callbacks that check an
option's value (a date, a size, a language) before the command runs.

Only click and the standard library are imported at start-up: `rulebook --help` builds them all.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # datetime is imported when a date is given: see _date
    import datetime as dt

from policy_rulebook.cli.output import _
from policy_rulebook.core.i18n import LANGUAGES


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

#: ``-o``/``--output`` of the commands that write a document or a list.
_OUTPUT = click.option(
    "-o",
    "--output",
    type=PathType(dir_okay=False),
    help="Write to this file (atomically) instead of standard output.",
)


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
