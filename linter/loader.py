"""Files -> Document: ruamel.yaml round-trip with positions, merged sections, no tags run.

Every problem in a file becomes a ``Finding`` (never an exception): a broken file must not hide
the findings of the others. Only a path that cannot be read at all is an ``InputError``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode

from linter import codes, fastyaml
from linter.document import Document, Section, SourceFile, pointer
from linter.findings import Finding, InputError, Severity
from linter.model import SECTIONS

DEFAULT_MAX_BYTES = 4 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


_CORE = "tag:yaml.org,2002:"
_HARMLESS_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that records problems instead of failing or running anything."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.duplicates: list[tuple[str, int, int]] = []
        self.tags: list[tuple[str, int, int]] = []

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        if key in mapping:
            mark = key_node.start_mark
            self.duplicates.append((str(key), mark.line + 1, mark.column + 1))
            return False  # keep the first value, as a person reading top-down would expect
        return True

    def construct_timestamp_as_text(self, node: Any) -> Any:
        # Dates stay text ("2027-03-01"): the schema validates them and the formatter keeps them.
        return self.construct_scalar(node)

    def construct_unknown(self, node: Any) -> Iterator[Any]:
        # An explicit tag (``!!python/object/apply``, ``!custom``) is never constructed: it is
        # recorded as a finding and the node is read as the plain mapping, list or text it wraps.
        tag = str(node.tag)
        if tag not in _HARMLESS_TAGS:
            mark = node.start_mark
            self.tags.append((tag.replace(_CORE, "!!"), mark.line + 1, mark.column + 1))
        if isinstance(node, ScalarNode):
            yield self.construct_scalar(node)
        else:
            yield from super().construct_unknown(node)


_Constructor.add_constructor(_CORE + "timestamp", _Constructor.construct_timestamp_as_text)
_Constructor.add_constructor(None, _Constructor.construct_unknown)


def make_yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    return yaml


class _PlainConstructor(SafeConstructor):
    """The same rules as ``_Constructor`` for plain data without positions or comments (the
    changelog reads hundreds of versions from git; it needs the content, not the lines)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.duplicates: list[tuple[str, int, int]] = []
        self.tags: list[tuple[str, int, int]] = []

    check_mapping_key = _Constructor.check_mapping_key
    construct_timestamp_as_text = _Constructor.construct_timestamp_as_text

    def construct_unknown(self, node: Any) -> Iterator[Any]:
        tag = str(node.tag)
        if tag not in _HARMLESS_TAGS:
            mark = node.start_mark
            self.tags.append((tag.replace(_CORE, "!!"), mark.line + 1, mark.column + 1))
        if isinstance(node, ScalarNode):
            yield self.construct_scalar(node)
        elif isinstance(node, MappingNode):
            yield from self.construct_yaml_map(node)
        else:
            yield from self.construct_yaml_seq(node)


_PlainConstructor.add_constructor(_CORE + "timestamp",
                                  _PlainConstructor.construct_timestamp_as_text)
_PlainConstructor.add_constructor(None, _PlainConstructor.construct_unknown)


def make_plain_yaml() -> YAML:
    """A loader for content only: libyaml's parser where installed (ruamel.yaml.clib)."""
    yaml = YAML(typ="safe", pure=False)
    yaml.Constructor = _PlainConstructor
    return yaml


def discover(path: Path) -> list[Path]:
    """The YAML files of a rulebook directory (sorted), or the file itself."""
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputError(f"{path}: not a file or directory")
    files = sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
    if not files:
        raise InputError(f"{path}: no .yaml or .yml files in this directory")
    return files


def display_name(path: Path) -> str:
    """The path as people should see it: relative to the working directory where possible."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path.absolute()) if relative.startswith("..") else relative


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; raises UnicodeDecodeError otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def load(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Load a rulebook directory or file from disk."""
    document = Document(source=display_name(path))
    for file in discover(path):
        name = display_name(file)
        try:
            size = file.stat().st_size
            if size > max_bytes:
                document.problems.append(
                    _file_problem(name, codes.FILE_TOO_LARGE,
                                  f"the file is {size:,} bytes, more than the limit of "
                                  f"{max_bytes:,}: split it or raise max-file-size")
                )
                document.broken_files.append(name)
                continue
            raw = file.read_bytes()
        except OSError as error:
            raise InputError(f"{name}: cannot read: {error.strerror}") from error
        load_text(document, name, raw)
    return document


def load_files(source: str, files: Iterable[tuple[str, bytes]], *,
               max_bytes: int = DEFAULT_MAX_BYTES, positions: bool = True) -> Document:
    """Load a rulebook from files already read (e.g. git blobs): ``(display name, bytes)``.

    ``positions=False`` reads the content only (no lines, no comments), many times faster.
    """
    document = Document(source=source)
    for name, raw in files:
        if len(raw) > max_bytes:
            document.problems.append(
                _file_problem(name, codes.FILE_TOO_LARGE,
                              f"the file is {len(raw):,} bytes, more than the limit of "
                              f"{max_bytes:,}: split it or raise max-file-size")
            )
            document.broken_files.append(name)
            continue
        load_text(document, name, raw, positions=positions)
    return document


def load_text(document: Document, name: str, raw: bytes, *, positions: bool = True) -> None:
    """Parse one file's bytes and merge its sections into the document."""
    try:
        text = decode(raw)
    except UnicodeDecodeError as error:
        document.problems.append(
            _file_problem(name, codes.ENCODING,
                          f"the file is not UTF-8 text (bad byte at offset {error.start}): "
                          "save it as UTF-8")
        )
        document.broken_files.append(name)
        return
    if "\x00" in text:
        document.problems.append(
            _file_problem(name, codes.ENCODING,
                          "the file contains NUL bytes: it is not a text file")
        )
        document.broken_files.append(name)
        return
    document.files.append(SourceFile(name, text))
    parsed = fastyaml.parse(text)  # None: not the plain subset; the round trip reads it
    if parsed is not None:
        _report_duplicates(document, name, parsed.duplicates)
        _merge(document, name, parsed.data)
        return
    # Where libyaml is installed, make_plain_yaml composes in C, recursively, and a deeply
    # nested text crashes the process (segfault): the round trip reads what fastyaml refused.
    yaml = make_yaml() if positions or fastyaml.available() else make_plain_yaml()
    try:
        data = yaml.load(text)
    except MarkedYAMLError as error:
        document.problems.append(_syntax_problem(name, error))
        document.broken_files.append(name)
        return
    except (YAMLError, RecursionError, ValueError) as error:
        document.problems.append(
            _file_problem(name, codes.YAML_SYNTAX, f"the file is not valid YAML: {error}")
        )
        document.broken_files.append(name)
        return
    constructor = _constructor_of(yaml)
    _report_duplicates(document, name, constructor.duplicates)
    for tag, line, column in constructor.tags:
        document.problems.append(
            Finding(name, line, column, codes.YAML_TAG, Severity.ERROR,
                    f"the tag `{tag}` is not allowed: a policy holds only plain text, lists and "
                    "mappings; remove the tag")
        )
    _merge(document, name, data)


def _constructor_of(yaml: YAML) -> Any:
    """The constructor that read the last document. With libyaml's parser ruamel builds a
    combined loader object and keeps it as ``_scanner`` (ruamel.yaml.main), not ``constructor``."""
    combined = getattr(yaml, "_scanner", None)
    return combined if hasattr(combined, "duplicates") else yaml.constructor


def _report_duplicates(document: Document, name: str,
                       duplicates: list[tuple[str, int, int]]) -> None:
    for key, line, column in duplicates:
        document.problems.append(
            Finding(name, line, column, codes.DUPLICATE_KEY, Severity.ERROR,
                    f"the key `{key}` appears twice in the same mapping: only the first one "
                    "counts; merge them or remove one")
        )


def _merge(document: Document, name: str, data: Any) -> None:
    if data is None:
        document.problems.append(
            _file_problem(name, codes.NOT_A_MAPPING,
                          "the file is empty: it should hold one or more sections, "
                          "such as `meta:` or `conduct:`")
        )
        return
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        document.problems.append(
            _file_problem(name, codes.NOT_A_MAPPING,
                          f"the file holds {kind}, but a rulebook file holds sections by name, "
                          "such as `meta:` or `conduct:`")
        )
        document.broken_files.append(name)
        return
    marks: Any = getattr(data, "lc", None)  # ruamel adds it when positions are read
    for key, node in data.items():
        line, column = marks.key(key) if marks is not None else (-1, -1)
        line, column = line + 1, column + 1
        key_text = str(key)
        if key_text not in SECTIONS:
            document.problems.append(
                Finding(name, line, column, codes.UNKNOWN_SECTION, Severity.ERROR,
                        f"`{key_text}` is not a section of a rulebook; the sections are "
                        f"{', '.join(SECTIONS)}", pointer(key_text))
            )
            continue
        if key_text in document.sections:
            first = document.sections[key_text]
            document.problems.append(
                Finding(name, line, column, codes.DUPLICATE_SECTION, Severity.ERROR,
                        f"the section `{key_text}` is already defined in {first.file}:"
                        f"{first.line}: keep it in one file", pointer(key_text))
            )
            continue
        document.sections[key_text] = Section(key_text, name, line, column, node)


def _file_problem(name: str, code: str, message: str) -> Finding:
    return Finding(name, 1, 1, code, Severity.ERROR, message)


def _syntax_problem(name: str, error: MarkedYAMLError) -> Finding:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    what = error.problem or "the YAML is not valid"
    context = f" ({error.context})" if error.context else ""
    return Finding(name, line, column, codes.YAML_SYNTAX, Severity.ERROR,
                   f"the YAML cannot be read: {what}{context}. Check the indentation and "
                   "the quotes on this line and the one before")
