"""Files -> Document: ruamel.yaml round-trip with positions, merged sections, no tags run.

Every problem in a file becomes a ``Finding`` (never an exception): a broken file must not hide
the findings of the others. Only a path that cannot be read at all is an ``InputError``.

Hostile input is bounded here, for every way in (files on disk and git blobs alike go through
``load_text``): a size limit, a cap on alias use (no "billion laughs", no recursive aliases;
aliases are never expanded into copies), a cap on nesting depth, merge keys (``<<``) read as
plain keys and reported, tags never constructed.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from policy_rulebook.core import codes, fastyaml, i18n, yaml_mistakes
from policy_rulebook.core.document import Document, Section, SourceFile, pointer
from policy_rulebook.core.escape import terminal as safe
from policy_rulebook.core.files import DEFAULT_MAX_BYTES, decode, discover, display_name, inside
from policy_rulebook.core.findings import Finding, InputError, Severity
from policy_rulebook.core.i18n import Count, _
from policy_rulebook.core.model import SECTIONS
from policy_rulebook.core.positions import key_position
from policy_rulebook.core.yaml_reader import MAX_ROUND_TRIP_CHARACTERS, Refused, make_yaml

#: Codes of problems that make a file unusable for anything but a finding (fmt refuses it).
BLOCKING = frozenset(
    {
        codes.YAML_SYNTAX,
        codes.DUPLICATE_KEY,
        codes.YAML_TAG,
        codes.ENCODING,
        codes.FILE_TOO_LARGE,
        codes.TOO_MANY_ALIASES,
        codes.TOO_DEEP,
        codes.MERGE_KEY,
        codes.SYMLINK_OUTSIDE,
    }
)


def load(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Load a rulebook directory or file from disk; messages from then on are in the policy's
    first language unless one was chosen (``--lang``)."""
    document = _load(path, max_bytes)
    languages = document.languages
    if not languages and document.broken_files:
        from policy_rulebook.core.policy_language import guess

        languages = guess(path, document.data)
    if i18n.use_policy_language(languages) and document.problems:
        document = _load(path, max_bytes)  # its problems in the language just chosen
    return document


def _load(path: Path, max_bytes: int) -> Document:
    document = Document(source=display_name(path))
    root = path.resolve() if path.is_dir() else None
    for file in discover(path):
        name = display_name(file)
        if root is not None and file.is_symlink() and not inside(file.resolve(), root):
            document.problems.append(
                _file_problem(
                    name,
                    codes.SYMLINK_OUTSIDE,
                    _(
                        "the file is a link to a file outside the rulebook folder "
                        "({value}), which rulebook does not read: copy the content "
                        "into the folder instead"
                    ).format(value=safe(str(file.resolve()))),
                )
            )
            document.broken_files.append(name)
            continue
        try:
            size = file.stat().st_size
            if size > max_bytes:
                _too_large(document, name, size, max_bytes)
                continue
            with file.open("rb") as stream:  # never more than the limit, even if it grows
                raw = stream.read(max_bytes + 1)
        except OSError as error:
            raise InputError(
                _("{name}: cannot read: {strerror}").format(name=name, strerror=error.strerror)
            ) from error
        load_text(document, name, raw, max_bytes=max_bytes)
    return document


def _too_large(document: Document, name: str, size: int, max_bytes: int) -> None:
    document.problems.append(
        _file_problem(
            name,
            codes.FILE_TOO_LARGE,
            _(
                "the file is {size:,} bytes, more than the limit of {max_bytes:,}: "
                "split it or raise the limit (--max-file-size)"
            ).format(size=Count(size), max_bytes=Count(max_bytes)),
        )
    )
    document.broken_files.append(name)


#: One value (a text, number, mapping or list) for every this many bytes of the size limit:
#: 262,144 values in 4 MiB. A real policy has one for every 50 to 100 bytes; a file of
#: `a: 1` lines has one for every 2.5, and each value costs time in every check.
BYTES_PER_VALUE = 16


def max_values(max_bytes: int) -> int:
    """The most values one file may hold under the size limit ``max_bytes``."""
    return max(max_bytes // BYTES_PER_VALUE, 1)


def _too_many_values(name: str, limit: int, line: int) -> Finding:
    return Finding(
        name,
        line,
        1,
        codes.FILE_TOO_LARGE,
        Severity.ERROR,
        _(
            "the file holds more than {limit:,} values (texts, numbers, lists and groups of "
            "fields), one for every {per} bytes of the size limit: reading stopped here; split "
            "the file or raise the limit (--max-file-size)"
        ).format(limit=Count(limit), per=BYTES_PER_VALUE),
    )


@dataclass
class Parsed:
    """One file read: its text (None if it is not text) and data, and the problems found."""

    text: str | None
    data: Any
    problems: list[Finding]

    @property
    def ok(self) -> bool:
        return self.text is not None and not any(p.code in BLOCKING for p in self.problems)


def parse(
    name: str, raw: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, fast: bool = False
) -> Parsed:
    """Decode and parse one file's bytes with every limit applied; never raises.

    ``fast`` first tries the C fast path (``fastyaml``: the plain subset, with positions);
    whatever it leaves, and everything when not ``fast``, the round trip reads. A text that a
    comma cut inside ``{...}`` is one finding, and put back together for the other checks."""
    parsed = _parse(name, raw, max_bytes=max_bytes, fast=fast)
    if parsed.data is not None:
        for mistake in yaml_mistakes.comma_in_flow_texts(parsed.data):
            parsed.problems.append(
                Finding(
                    name,
                    mistake.line,
                    mistake.column,
                    codes.YAML_SYNTAX,
                    Severity.ERROR,
                    mistake.message,
                )
            )
    return parsed


def _parse(name: str, raw: bytes, *, max_bytes: int, fast: bool) -> Parsed:
    if len(raw) > max_bytes:
        scratch = Document(source=name)
        _too_large(scratch, name, len(raw), max_bytes)
        return Parsed(None, None, scratch.problems)
    try:
        text = decode(raw)
    except UnicodeDecodeError as error:
        return Parsed(
            None,
            None,
            [
                _file_problem(
                    name,
                    codes.ENCODING,
                    _(
                        "the file is not UTF-8 text (bad byte at offset {start}): save it as UTF-8"
                    ).format(start=error.start),
                )
            ],
        )
    if "\x00" in text:
        return Parsed(
            None,
            None,
            [
                _file_problem(
                    name, codes.ENCODING, _("the file contains NUL bytes: it is not a text file")
                )
            ],
        )
    if fast:  # the plain subset through libyaml's events (bench); None: the round trip reads it
        try:
            quick = fastyaml.parse(text, max_values(max_bytes))
        except fastyaml.TooManyValues as error:
            return Parsed(text, None, [_too_many_values(name, error.limit, error.line)])
        if quick is not None:
            return Parsed(text, quick.data, _duplicate_findings(name, quick.duplicates, text))
    if len(text) > MAX_ROUND_TRIP_CHARACTERS:
        return Parsed(
            text,
            None,
            [
                _file_problem(
                    name,
                    codes.FILE_TOO_LARGE,
                    _(
                        "the file is {size:,} characters and uses what only the slow reader reads "
                        "(anchors, tags, tabs, YAML 1.1 line breaks, or a comment or long value it "
                        "cannot take quickly); above {limit:,} characters that reader is not used: "
                        "split the file or write it in plain YAML"
                    ).format(size=Count(len(text)), limit=Count(MAX_ROUND_TRIP_CHARACTERS)),
                )
            ],
        )
    yaml = make_yaml(max_values(max_bytes))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. a reused anchor name: legal YAML
            data = yaml.load(text)
    except fastyaml.TooManyValues as error:
        return Parsed(text, None, [_too_many_values(name, error.limit, error.line)])
    except Refused as error:
        return Parsed(
            text,
            None,
            [Finding(name, error.line, error.column, error.code, Severity.ERROR, error.message)],
        )
    except MarkedYAMLError as error:
        return Parsed(text, None, [_syntax_problem(name, error, text)])
    except ReaderError as error:
        return Parsed(text, None, [_character_problem(name, error, text)])
    except ValueError as error:
        why = "a number in it has thousands of digits" if "digits" in str(error) else str(error)
        return Parsed(
            text,
            None,
            [
                _file_problem(
                    name, codes.YAML_SYNTAX, _("the file cannot be read: {why}").format(why=why)
                )
            ],
        )
    except (YAMLError, RecursionError, TypeError) as error:
        return Parsed(
            text,
            None,
            [
                _file_problem(
                    name,
                    codes.YAML_SYNTAX,
                    _("the file is not valid YAML: {error}").format(error=error),
                )
            ],
        )
    except Exception as error:  # the reader is third-party: whatever it trips over is a finding
        return Parsed(
            text,
            None,
            [
                _file_problem(
                    name,
                    codes.YAML_SYNTAX,
                    _(
                        "the YAML reader cannot read this file ({kind}: {error}); check the "
                        "directives (%YAML), the comments and the indentation"
                    ).format(kind=type(error).__name__, error=error),
                )
            ],
        )
    constructor = yaml.constructor
    merges: list[tuple[int, int]] = yaml.composer.merges
    problems = _duplicate_findings(name, constructor.duplicates, text)
    for tag, line, column in constructor.tags:
        problems.append(
            Finding(
                name,
                line,
                column,
                codes.YAML_TAG,
                Severity.ERROR,
                _(
                    "the tag `{tag}` is not allowed: a policy holds only plain text, lists "
                    "and mappings; remove the tag"
                ).format(tag=tag),
            )
        )
    for line, column in merges:
        problems.append(
            Finding(
                name,
                line,
                column,
                codes.MERGE_KEY,
                Severity.ERROR,
                _(
                    "the merge key `<<` is not allowed: rulebook does not merge mappings, "
                    "so write the fields out in full"
                ),
            )
        )
    return Parsed(text, data, problems)


def load_files(
    source: str, files: Iterable[tuple[str, bytes]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Load a rulebook from files already read (e.g. git blobs): ``(display name, bytes)``."""
    document = Document(source=source)
    for name, raw in files:
        load_text(document, name, raw, max_bytes=max_bytes)
    return document


#: Repeated keys listed one by one per file; the rest are counted in one more finding (a
#: 4 MiB file of `a: 1` lines would otherwise be 840,000 findings).
MAX_DUPLICATE_FINDINGS = 100


def _duplicate_findings(
    name: str, duplicates: list[tuple[str, int, int]], text: str = ""
) -> list[Finding]:
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


def load_text(
    document: Document, name: str, raw: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> None:
    """Parse one file's bytes and merge its sections into the document: the one way in for
    bytes, from disk or from git, so that every limit applies to both."""
    parsed = parse(name, raw, max_bytes=max_bytes, fast=True)
    document.problems.extend(parsed.problems)
    if parsed.text is not None:
        document.files.append(SourceFile(name, parsed.text))
    if parsed.text is None or (parsed.data is None and parsed.problems):
        document.broken_files.append(name)
        return
    _merge(document, name, parsed.data)


def _merge(document: Document, name: str, data: Any) -> None:
    if data is None:
        document.problems.append(
            _file_problem(
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
            _file_problem(
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


#: Unknown sections listed one by one per file (RB010); one more finding counts the rest.
MAX_UNKNOWN_SECTION_FINDINGS = 100


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


def _file_problem(name: str, code: str, message: str) -> Finding:
    return Finding(name, 1, 1, code, Severity.ERROR, message)


def _character_problem(name: str, error: ReaderError, text: str) -> Finding:
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


def _syntax_problem(name: str, error: MarkedYAMLError, text: str = "") -> Finding:
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
            return Finding(
                name,
                mistake.line,
                mistake.column,
                codes.YAML_SYNTAX,
                Severity.ERROR,
                mistake.message,
            )
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
