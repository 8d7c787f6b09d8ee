"""Files -> Document: ruamel.yaml round-trip with positions, merged sections, no tags run.

Every problem in a file becomes a ``Finding`` (never an exception): a broken file must not hide
the findings of the others. Only a path that cannot be read at all is an ``InputError``.

Hostile input is bounded here, for every way in (files on disk and git blobs alike go through
``load_text``): a size limit, a cap on alias use (no "billion laughs", no recursive aliases;
aliases are never expanded into copies), a cap on nesting depth, merge keys (``<<``) read as
plain keys and reported, tags never constructed.

This module finds and reads the files and builds the Document; one file's bytes are parsed
by ``core.file_parser`` (its problems worded by ``core.file_findings``) and its top-level keys
become sections in ``core.sections``. The names other code uses from those modules are
importable from here too, the loader being the one way in.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from policy_rulebook.core import codes, i18n
from policy_rulebook.core.document import Document, SourceFile
from policy_rulebook.core.escape import terminal as safe
from policy_rulebook.core.file_findings import MAX_DUPLICATE_FINDINGS, file_problem, too_large
from policy_rulebook.core.file_parser import BLOCKING, Parsed, max_values, parse
from policy_rulebook.core.files import DEFAULT_MAX_BYTES, discover, display_name, inside
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import _
from policy_rulebook.core.sections import MAX_UNKNOWN_SECTION_FINDINGS, merge_sections

__all__ = [
    "BLOCKING",
    "MAX_DUPLICATE_FINDINGS",
    "MAX_UNKNOWN_SECTION_FINDINGS",
    "Parsed",
    "load",
    "load_files",
    "load_text",
    "max_values",
    "parse",
]


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
                file_problem(
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
                document.problems.append(too_large(name, size, max_bytes))
                document.broken_files.append(name)
                continue
            with file.open("rb") as stream:  # never more than the limit, even if it grows
                raw = stream.read(max_bytes + 1)
        except OSError as error:
            raise InputError(
                _("{name}: cannot read: {strerror}").format(name=name, strerror=error.strerror)
            ) from error
        load_text(document, name, raw, max_bytes=max_bytes)
    return document


def load_files(
    source: str, files: Iterable[tuple[str, bytes]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Load a rulebook from files already read (e.g. git blobs): ``(display name, bytes)``."""
    document = Document(source=source)
    for name, raw in files:
        load_text(document, name, raw, max_bytes=max_bytes)
    return document


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
    merge_sections(document, name, parsed.data)
