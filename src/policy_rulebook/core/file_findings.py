"""The findings of a file that cannot be read as written: too large, not text, a character or
a piece of syntax YAML does not allow, keys repeated in one mapping.

Each is a ``Finding`` in plain words (the YAML reader's own messages are English jargon), so
that a broken file is reported like any other problem and never hides the other files'. Kept
apart from ``core.file_parser``, which decides when they apply, so that the reading code
stays readable.
"""

from __future__ import annotations

from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from policy_rulebook.core import codes, yaml_mistakes
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import Count, _
from policy_rulebook.core.mistake import Mistake


def file_problem(name: str, code: str, message: str) -> Finding:
    """An error about the file as a whole, at its first line."""
    return Finding(name, 1, 1, code, Severity.ERROR, message)


def mistake_finding(name: str, mistake: Mistake) -> Finding:
    """A YAML mistake in plain words as the file's syntax error (RB001)."""
    return Finding(
        name, mistake.line, mistake.column, codes.YAML_SYNTAX, Severity.ERROR, mistake.message
    )


def too_large(name: str, size: int, max_bytes: int) -> Finding:
    """The file is larger than the size limit (``--max-file-size``)."""
    return file_problem(
        name,
        codes.FILE_TOO_LARGE,
        _(
            "the file is {size:,} bytes, more than the limit of {max_bytes:,}: "
            "split it or raise the limit (--max-file-size)"
        ).format(size=Count(size), max_bytes=Count(max_bytes)),
    )


#: Repeated keys listed one by one per file; the rest are counted in one more finding (a
#: 4 MiB file of `a: 1` lines would otherwise be 840,000 findings).
MAX_DUPLICATE_FINDINGS = 100


def duplicate_findings(
    name: str, duplicates: list[tuple[str, int, int]], text: str = ""
) -> list[Finding]:
    """One finding per repeated key (key, line, column), or per list item whose ``- `` is
    missing, up to ``MAX_DUPLICATE_FINDINGS``; then one that counts the rest."""
    found: list[Finding] = []
    item_line = -2
    dashes = yaml_mistakes.missing_dashes(text, (line for _, line, _ in duplicates))
    for index, (key, line, column) in enumerate(duplicates):
        if len(found) == MAX_DUPLICATE_FINDINGS:  # a bound on the report, not only the time
            found.append(
                Finding(
                    name,
                    line,
                    column,
                    codes.DUPLICATE_KEY,
                    Severity.ERROR,
                    _(
                        "{count:,} more repeated keys from here on, not listed one by one: "
                        "fix the ones above first"
                    ).format(count=Count(len(duplicates) - index)),
                )
            )
            break
        if line in dashes:
            if line == item_line + 1:  # the same item's next field: one finding per item
                item_line = line
                continue
            item_line = line
            found.append(
                Finding(
                    name,
                    line,
                    column,
                    codes.DUPLICATE_KEY,
                    Severity.ERROR,
                    _(
                        "`{key}` is repeated in the list item above: if a new item starts here, "
                        "type "
                        "`- ` before `{key}` (and line it up with the `- ` of the item above)"
                    ).format(key=key),
                )
            )
            continue
        found.append(
            Finding(
                name,
                line,
                column,
                codes.DUPLICATE_KEY,
                Severity.ERROR,
                _(
                    "the key `{key}` appears twice in the same mapping: only the "
                    "first one counts; merge them or remove one"
                ).format(key=key),
            )
        )
    return found


def character_problem(name: str, error: ReaderError, text: str) -> Finding:
    """A character YAML does not allow (a control character, a lone surrogate), at its line
    and column in plain words; the reader's own message is two lines of English."""
    position = error.position if isinstance(error.position, int) else 0
    line = text.count("\n", 0, position) + 1
    column = position - text.rfind("\n", 0, position)
    character = error.character
    code = ord(character) if isinstance(character, str) else int(character or 0)
    return Finding(
        name,
        line,
        column,
        codes.YAML_SYNTAX,
        Severity.ERROR,
        _(
            "the file holds the character U+{code:04X}, which YAML does not allow: remove it "
            "(it is invisible in most editors; it often comes with text copied from a PDF or a "
            "chat)"
        ).format(code=code),
    )


def syntax_problem(name: str, error: MarkedYAMLError, text: str = "") -> Finding:
    """The YAML reader's syntax error, explained in plain words when ``yaml_mistakes`` knows
    the mistake, else the reader's words with a hint where to look."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    what = error.problem or "the YAML is not valid"
    context = f" ({error.context})" if error.context else ""
    if mark is not None:
        start = error.context_mark
        mistake = yaml_mistakes.explain(
            text,
            yaml_mistakes.ReaderError(
                str(error.problem or ""),
                str(error.context or ""),
                mark.line,
                mark.column,
                start.line if start is not None else None,
                start.column if start is not None else None,
            ),
        )
        if mistake is not None:  # plain words only: the reader's English helps no one here
            return mistake_finding(name, mistake)
    return Finding(
        name,
        line,
        column,
        codes.YAML_SYNTAX,
        Severity.ERROR,
        _(
            "the YAML cannot be read: {what}{context}. Check the indentation and "
            "the quotes on this line and the one before"
        ).format(what=what, context=context),
    )
