"""Why the rulebook at a revision (or in the working tree) cannot be compared, as one error.

``changelog.history`` reads the policy at many commits; a file there that does not parse, or a
section that holds a list or a single value where its fields belong, stops the command with
the revision, the file and the reason, instead of a comparison that would read as everything
removed.
"""

from __future__ import annotations

from typing import Any, NoReturn

from policy_rulebook.core.findings import Finding, InputError
from policy_rulebook.core.i18n import _
from policy_rulebook.core.model import SECTIONS


def refuse_shapeless(section: str, content: Any, file: str, where: str) -> None:
    """Stop on a section that holds a list or a single value where fields belong (every
    section of the schema is a group of fields): compared as fields, it would read as all of
    them removed. An empty section (``meta:``) is only empty."""
    if section not in SECTIONS or content is None or isinstance(content, dict):
        return  # an unknown section is lint's finding, and compared as it is
    kind = _("a list") if isinstance(content, list) else _("a single value")
    raise InputError(
        _(
            "the rulebook cannot be read in {where}: in {file}, `{section}` holds {kind} "
            "where its fields belong (`rulebook lint` says more)"
        ).format(where=where, file=file, section=section, kind=kind)
    )


def refuse_broken(file: str, problem: Finding | None, where: str) -> NoReturn:
    """Stop on a file that cannot be read, saying where and why (the loader's first finding:
    not valid YAML, too large, too many values...)."""
    if problem is None:
        raise InputError(
            _(
                "the rulebook does not parse in {where}: {file} is not valid YAML "
                "(run `rulebook lint` on it for the line)"
            ).format(where=where, file=file)
        )
    raise InputError(
        _("the rulebook cannot be read in {where}: {file}, line {line}: {message} ({code})").format(
            where=where, file=file, line=problem.line, message=problem.message, code=problem.code
        )
    )
