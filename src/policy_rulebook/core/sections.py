"""A file's data -> the Document's sections: each top-level key is a section of the rulebook.

A rulebook may be one file or many; every section lives in exactly one of them. A top-level
key that is no section (RB010) or a section already defined in another file is a finding at
the key; unknown keys are listed one by one up to a bound and then counted, so that a file of
130,000 top-level keys is not as many findings.
"""

from __future__ import annotations

from typing import Any

from policy_rulebook.core import codes
from policy_rulebook.core.document import Document, Section, pointer
from policy_rulebook.core.file_findings import file_problem
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import Count, _
from policy_rulebook.core.model import SECTIONS
from policy_rulebook.core.positions import key_position

#: Unknown sections listed one by one per file (RB010); one more finding counts the rest.
MAX_UNKNOWN_SECTION_FINDINGS = 100


def merge_sections(document: Document, name: str, data: Any) -> None:
    """Add the sections of the file ``name`` (its parsed ``data``) to the document, or the
    findings that say why they cannot be added."""
    if data is None:
        document.problems.append(
            file_problem(
                name,
                codes.NOT_A_MAPPING,
                _(
                    "the file is empty: it should hold one or more sections, such as "
                    "`meta:` or `conduct:`"
                ),
            )
        )
        return
    if not isinstance(data, dict):
        kind = _("a list") if isinstance(data, list) else _("a single value")
        document.problems.append(
            file_problem(
                name,
                codes.NOT_A_MAPPING,
                _(
                    "the file holds {kind}, but a rulebook file holds sections by "
                    "name, such as `meta:` or `conduct:`"
                ).format(kind=kind),
            )
        )
        document.broken_files.append(name)
        return
    unknown = 0
    for key, node in data.items():
        key_text = str(key)
        if key_text not in SECTIONS:
            unknown += 1
            if unknown > MAX_UNKNOWN_SECTION_FINDINGS:
                continue  # counted below, in one more finding
        line, column = key_position(data, key) or (1, 1)
        if key_text not in SECTIONS:
            document.problems.append(
                Finding(
                    name,
                    line,
                    column,
                    codes.UNKNOWN_SECTION,
                    Severity.ERROR,
                    _(
                        "`{key_text}` is not a section of a rulebook; the sections are {items}"
                    ).format(key_text=key_text, items=", ".join(SECTIONS)),
                    pointer(key_text),
                )
            )
            continue
        if key_text in document.sections:
            first = document.sections[key_text]
            document.problems.append(
                Finding(
                    name,
                    line,
                    column,
                    codes.DUPLICATE_SECTION,
                    Severity.ERROR,
                    _(
                        "the section `{key_text}` is already defined in {file}:{line}: "
                        "keep it in one file"
                    ).format(key_text=key_text, file=first.file, line=first.line),
                    pointer(key_text),
                )
            )
            continue
        document.sections[key_text] = Section(key_text, name, line, column, node)
    if unknown > MAX_UNKNOWN_SECTION_FINDINGS:
        _more_unknown_sections(document, name, data, unknown - MAX_UNKNOWN_SECTION_FINDINGS)


def _more_unknown_sections(document: Document, name: str, data: Any, count: int) -> None:
    """One finding for the unknown sections after the first ones, where they begin: a file of
    130,000 top-level keys would otherwise be as many findings."""
    keys = (str(key) for key in data if str(key) not in SECTIONS)
    first = next(key for index, key in enumerate(keys) if index == MAX_UNKNOWN_SECTION_FINDINGS)
    line, column = key_position(data, first) or (1, 1)
    document.problems.append(
        Finding(
            name,
            line,
            column,
            codes.UNKNOWN_SECTION,
            Severity.ERROR,
            _(
                "{count:,} more top-level keys that are not sections from here on, not listed "
                "one by one: fix the ones above first"
            ).format(count=Count(count)),
            pointer(first),
        )
    )
