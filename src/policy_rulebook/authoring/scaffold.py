"""``rulebook init``: a new policy to fill in, one file per section.

The files are rendered from ``templates/*.yaml.j2`` (Jinja2, with its i18n extension: the
comments go through ``core.i18n`` like every message; quotes from the Dutch article stay as
they are). Each file starts with the schema modeline (editors then show the schema's help
while you type), explains in comments what the article asks of that element, in its own
words, and holds placeholders (``TODO: ...``) where the organisation has to write. ``rulebook lint``
then lists, in plain words, everything that is still to write. Nothing is ever overwritten.
No click here (see ``actions``).
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from policy_rulebook.core import atomic, i18n
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.linter.profiles import NAMES

if TYPE_CHECKING:
    import jinja2

SCHEMA_NAME = "rulebook.schema.json"
MODELINE = f"# yaml-language-server: $schema={SCHEMA_NAME}\n"
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")

#: What each placeholder of a new policy asks for, in English; the policy's language reads
#: them through its catalogue (English for a language without one).
HINTS: Final[dict[str, str]] = {
    "title": N_("the title of the policy"),
    "owner": N_("who owns the policy"),
    "summary": N_("the policy in one paragraph"),
    "distribution": N_("how the policy reaches staff"),
    "mission": N_("what the organisation stands for"),
    "vision": N_("where the organisation wants to go"),
    "value": N_("a value of the organisation"),
    "value-description": N_("what that value means"),
    "online": N_("how the organisation behaves online"),
    "tone": N_("how the organisation sounds"),
    "intro": N_("a short introduction"),
    "own_name": N_("when and how staff speak in their own name"),
    "on_behalf": N_("who speaks on behalf of the organisation"),
    "disclaimer": N_("the disclaimer for personal profiles"),
    "do": N_("a practical rule or tip (a do)"),
    "dont": N_("something not to do (a don't)"),
    "rationale": N_("why this rule exists"),
    "topic": N_("the topic (e.g. privacy, image rights, discrimination)"),
    "legal": N_("what the law or the code of ethics asks"),
    "basis-title": N_("the law or code this rests on"),
    "role-contact": N_("the job title of the contact person"),
    "hours": N_("when this person can be reached"),
    "role": N_("the name of a role"),
    "role-description": N_("what this role does"),
    "task": N_("the name of a task (e.g. listening online)"),
    "task-description": N_("what this task involves"),
    "initiative": N_("how colleagues can take initiative themselves"),
    "question": N_("the first question of the reaction scheme"),
    "outcome-yes": N_("what you do when the answer is yes"),
    "outcome-no": N_("what you do when the answer is no"),
}


def parse_languages(value: str) -> list[str]:
    """``nl,en`` -> ``["nl", "en"]``; ``InputError`` for anything that is not a language code."""
    languages = [part.strip() for part in value.split(",") if part.strip()]
    if not languages:
        raise InputError(_("--lang needs at least one language code, like nl or nl,en"))
    for language in languages:
        if not _LANGUAGE.match(language):
            raise InputError(
                _("--lang: {language!r} is not a language code like nl, en or nl-BE").format(
                    language=language
                )
            )
    if len(set(languages)) != len(languages):
        raise InputError(_("--lang: a language is listed twice"))
    return languages


#: The files of a new policy, in order; each is rendered from ``templates/<name>.j2``.
FILES = (
    "meta.yaml",
    "brand.yaml",
    "conduct.yaml",
    "legal.yaml",
    "contact.yaml",
    "roles.yaml",
    "reactions.yaml",
)


def _hint(key: str, language: str) -> str:
    with i18n.language(language):
        return _(HINTS[key])


def _quote(text: str) -> str:
    """Double-quoted (placeholders hold ``: ``, a name may hold `` #``); a JSON string is a
    valid YAML one, with every control character escaped."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: int = 0) -> str:
    """``text`` as YAML comment lines at ``indent``, wrapped at 100 columns (the templates'
    ``comment``; a translated paragraph comes as one line); a line break in it is kept."""
    pad = " " * indent
    lines = []
    for line in textwrap.dedent(text).strip().splitlines():
        lines += textwrap.wrap(line, width=98 - indent, break_on_hyphens=False) or [""]
    return "".join(f"{pad}# {line}".rstrip() + "\n" for line in lines)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _(singular if count == 1 else plural)


@cache
def _environment() -> jinja2.Environment:
    """Jinja2 with the i18n extension, so that the comments of ``init`` are translated by
    ``core.i18n`` like every other message; imported only when ``init`` runs."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("policy_rulebook.authoring", "templates"),
        extensions=["jinja2.ext.i18n"],
        autoescape=False,  # YAML: every text value goes through the ``quote`` filter
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # {% trans %} blocks are trimmed as Babel extracts them (update_catalogues.py), so the
    # text looked up is the catalogue's msgid; without it a Dutch policy got English comments
    environment.policies["ext.i18n.trimmed"] = True
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=_, ngettext=_ngettext, newstyle=True
    )
    environment.filters["comment"] = _comment
    environment.filters["quote"] = _quote
    return environment


def sections(
    organisation: str | None, languages: Sequence[str], profile: str | None = None
) -> dict[str, str]:
    """File name -> YAML text of a new policy (``profile``: its ``meta.profile``, if chosen)."""
    languages = list(languages)

    def todo(hint: str, language: str) -> str:
        return _quote("TODO: " + _hint(hint, language))

    def text(indent: int, field: str, hint: str, item: bool = False) -> str:
        """A text field: ``field: "TODO: ..."`` for one language, a map for several."""
        lead = " " * indent + ("- " if item else "") + field + ":"
        if len(languages) == 1:
            return f"{lead} {todo(hint, languages[0])}"
        inner = " " * (indent + 2 + (2 if item else 0))
        return "\n".join(
            [lead, *(f"{inner}{language}: {todo(hint, language)}" for language in languages)]
        )

    def text_item(indent: int, hint: str) -> str:
        """A list item that is a text: ``- "TODO: ..."``, or ``- nl: ...`` for several."""
        pad = " " * indent
        if len(languages) == 1:
            return f"{pad}- {todo(hint, languages[0])}"
        return "\n".join(
            f"{pad}{'- ' if index == 0 else '  '}{language}: {todo(hint, language)}"
            for index, language in enumerate(languages)
        )

    values = {
        "modeline": MODELINE.rstrip("\n"),
        "organisation": organisation or _("TODO: the organisation's name"),
        "languages": languages,
        "profile": profile,
        "profiles": NAMES,
        "text": text,
        "text_item": text_item,
    }
    environment = _environment()
    return {name: environment.get_template(f"{name}.j2").render(values) for name in FILES}


def create(
    directory: Path,
    organisation: str | None,
    languages: Sequence[str],
    schema_text: str,
    profile: str | None = None,
) -> list[Path]:
    """Write a new policy into ``directory``; ``InputError`` (and nothing written) if any of
    its files exists, or if the folder already holds YAML files."""
    from policy_rulebook.authoring.fmt import format_text

    files = {
        name: format_text(name, text.encode("utf-8"), languages=languages)
        for name, text in sections(organisation, languages, profile).items()
    }
    files_and_schema = {**files, SCHEMA_NAME: schema_text}
    if directory.exists() and not directory.is_dir():
        raise InputError(_("{path}: exists and is not a folder").format(path=directory))
    for name in files_and_schema:
        if (directory / name).exists() or (directory / name).is_symlink():
            raise InputError(
                _(
                    "{path} already exists: rulebook init never overwrites a file; "
                    "choose another folder"
                ).format(path=directory / name)
            )
    if directory.is_dir():
        existing = sorted(p.name for p in directory.iterdir() if p.suffix in (".yaml", ".yml"))
        if existing:
            raise InputError(
                _(
                    "{path} already exists: the folder already holds a policy; "
                    "choose another folder"
                ).format(path=directory / existing[0])
            )
    # All or nothing (a full disk leaves no half policy), never over a file that appeared.
    contents = {directory / name: text.encode("utf-8") for name, text in files_and_schema.items()}
    atomic.write_new(contents)
    return list(contents)
