"""Files -> Document: ruamel.yaml round-trip with positions, merged sections, no tags run.

Every problem in a file becomes a ``Finding`` (never an exception): a broken file must not hide
the findings of the others. Only a path that cannot be read at all is an ``InputError``.

Hostile input is bounded here, for every way in (files on disk and git blobs alike go through
``load_text``): a size limit, a cap on alias use (no "billion laughs", no recursive aliases;
aliases are never expanded into copies), a cap on nesting depth, merge keys (``<<``) read as
plain keys and reported, tags never constructed.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.scanner import RoundTripScanner

from policy_rulebook.core import codes, fastyaml, i18n, yaml_mistakes
from policy_rulebook.core.document import Document, Section, SourceFile, pointer
from policy_rulebook.core.findings import Finding, InputError, Severity
from policy_rulebook.core.i18n import _
from policy_rulebook.core.model import SECTIONS
from policy_rulebook.core.terminal import safe

DEFAULT_MAX_BYTES = 4 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")

#: A policy uses few aliases or none; these caps stop a "billion laughs" file long before it
#: costs time or memory (aliases are shared, never copied, but every check walks through them).
MAX_ALIASES = 100
MAX_ALIASED_NODES = 10_000
#: ruamel's round-trip reader (comments and positions, for what the fast path does not take,
#: and for fmt) is pure Python: about 11 s a megabyte. Above this it is not used, so that no
#: file under the limits takes more than about 3 s to read (SECURITY.md has the measurements).
MAX_ROUND_TRIP_CHARACTERS = 256 * 1024
#: The bundled policy nests 7 levels deep; Python's recursion limit bites near 1,000.
MAX_DEPTH = 64

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

_CORE = "tag:yaml.org,2002:"
_HARMLESS_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))
_MERGE_TAG = _CORE + "merge"


class Refused(YAMLError):
    """A file the composer stops reading: too many aliases, a recursive alias, too deep."""

    def __init__(self, code: str, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column


class _Composer(Composer):
    """Composer with limits: alias use counted (never recursive), depth capped, and the merge
    key ``<<`` read as a plain key (reported, never merged)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.aliases = 0
        self.nodes = 0  # nodes as a reader that expands aliases would count them
        self.aliased_nodes = 0
        self.level = 0
        self.sizes: dict[int, int] = {}  # id(anchored node) -> its size, aliases expanded
        self.merges: list[tuple[int, int]] = []

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1)
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None and getattr(target, "end_mark", True) is None:
                raise Refused(
                    codes.TOO_MANY_ALIASES,
                    _(
                        "the alias `*{anchor}` is used inside the block it names, so "
                        "the block never ends: remove the alias"
                    ).format(anchor=event.anchor),
                    *where,
                )
            self.aliases += 1
            size = self.sizes.get(id(target), 1)
            self.aliased_nodes += size
            self.nodes += size
            if self.aliases > MAX_ALIASES or self.aliased_nodes > MAX_ALIASED_NODES:
                raise Refused(
                    codes.TOO_MANY_ALIASES,
                    _(
                        "the file uses aliases (`*name`) far more than a policy "
                        "needs (at most {MAX_ALIASES} aliases standing for at most "
                        "{MAX_ALIASED_NODES:,} values): write the "
                        "values out instead"
                    ).format(MAX_ALIASES=MAX_ALIASES, MAX_ALIASED_NODES=MAX_ALIASED_NODES),
                    *where,
                )
            return super().compose_node(parent, index)
        if self.level >= MAX_DEPTH:
            raise Refused(
                codes.TOO_DEEP,
                _(
                    "the file nests more than {MAX_DEPTH} levels deep, where a "
                    "policy needs fewer than 10: check the indentation and the "
                    "brackets"
                ).format(MAX_DEPTH=MAX_DEPTH),
                *where,
            )
        start = self.nodes
        self.nodes += 1
        self.level += 1
        try:
            node = super().compose_node(parent, index)
        finally:
            self.level -= 1
        if event.anchor is not None:
            self.sizes[id(node)] = self.nodes - start
        return node

    def compose_mapping_node(self, anchor: Any) -> Any:
        node = super().compose_mapping_node(anchor)
        for key_node, _value in node.value:
            if str(key_node.tag) == _MERGE_TAG:
                key_node.tag = self.resolver.resolve(ScalarNode, "merge-key", (True, False))
                mark = key_node.start_mark
                self.merges.append((mark.line + 1, mark.column + 1))
        return node


def _note_tag(tags: list[tuple[str, int, int]], node: Any) -> None:
    """Record an explicit tag (all but the harmless core ones) with its 1-based position."""
    tag = str(node.tag)
    if tag not in _HARMLESS_TAGS:
        mark = node.start_mark
        tags.append((tag.replace(_CORE, "!!"), mark.line + 1, mark.column + 1))


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
        _note_tag(self.tags, node)
        if isinstance(node, ScalarNode):
            yield self.construct_scalar(node)
        else:
            yield from super().construct_unknown(node)


_Constructor.add_constructor(_CORE + "timestamp", _Constructor.construct_timestamp_as_text)
_Constructor.add_constructor(None, _Constructor.construct_unknown)
for _tag in ("binary", "omap", "pairs", "set"):  # YAML 1.1 types: reported, read as plain
    _Constructor.add_constructor(_CORE + _tag, _Constructor.construct_unknown)
# ``<<`` as a value (not a key) is just the text "<<".
_Constructor.add_constructor(_MERGE_TAG, _Constructor.construct_yaml_str)


#: Where a comment ends (ruamel's ``_THE_END``); the buffer ends with "\0".
_COMMENT_END = re.compile("[\n\0\r\x85\u2028\u2029]")


class _Scanner(RoundTripScanner):
    """ruamel's round-trip scanner with each comment read as one slice. ruamel's own loop adds
    a comment to a string one character at a time, which is quadratic in the length of a
    comment (a 1 MB comment took 16 s, 4 MB over 4 minutes). Otherwise the same method (ruamel
    0.18 ``scan_to_next_token``): the same tokens and marks (tested against it)."""

    def scan_to_next_token(self) -> Any:
        reader = self.reader
        srp, srf = reader.peek, reader.forward
        if reader.index == 0 and srp() == "\ufeff":
            srf()
        white_space = " \t" if self.flow_level > 0 else " "
        while True:
            while srp() in white_space:
                srf()
            if srp() == "#":
                start_mark = reader.get_mark()
                end = _COMMENT_END.search(reader.buffer, reader.pointer)
                stop = end.start() if end else len(reader.buffer)
                comment = reader.buffer[reader.pointer : stop]
                # As ``srf(len(comment))`` does it, without a step per character: the slice
                # holds no line break; a byte-order mark takes no column.
                reader.pointer = stop
                reader.index += len(comment)
                reader.column += len(comment) - comment.count("\ufeff")
                ch = srp()
                if ch == "\0":  # do not take the end of the stream; end the comment's line
                    comment += "\n"
                else:  # the line break is part of the comment
                    comment += ch
                    srf()
                ch = self.scan_line_break()  # and so are the blank lines after it
                while len(ch) > 0:
                    comment += ch
                    ch = self.scan_line_break()
                end_mark = reader.get_mark()
                if not self.flow_level:
                    self.allow_simple_key = True
                return comment, start_mark, end_mark
            if self.scan_line_break() != "":
                start_mark = reader.get_mark()
                if not self.flow_level:
                    self.allow_simple_key = True
                ch = srp()
                if ch == "\n":  # empty top-level lines
                    start_mark = reader.get_mark()
                    comment = ""
                    while ch:
                        ch = self.scan_line_break(empty_line=True)
                        comment += ch
                    if srp() == "#":  # an empty line followed by an indented comment
                        comment = comment.rsplit("\n", 1)[0] + "\n"
                    end_mark = reader.get_mark()
                    return comment, start_mark, end_mark
            else:
                return None


def make_yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Scanner = _Scanner
    yaml.Composer = _Composer
    yaml.Constructor = _Constructor
    return yaml


def discover(path: Path) -> list[Path]:
    """The YAML files of a rulebook directory (sorted), or the file itself."""
    if not path.exists():
        raise InputError(_("{path}: no such file or directory").format(path=path))
    check_inside(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputError(_("{path}: not a file or directory").format(path=path))
    files = sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
    if not files:
        raise InputError(_("{path}: no .yaml or .yml files in this directory").format(path=path))
    return files


def check_inside(path: Path) -> None:
    """ "Only the rulebook folder is read" must hold for the folder too: a policy path that
    goes through a symbolic link must end inside the working directory (the repository CI
    runs in) or, for a path outside it, inside the folder that holds it as written. Else an
    ``InputError`` that names the path, never what it links to or holds."""
    lexical = Path(os.path.normpath(path.absolute()))
    resolved = path.resolve()
    if resolved == lexical:
        return
    cwd = Path.cwd()
    inside_cwd = lexical == cwd or cwd in lexical.parents
    boundary = cwd.resolve() if inside_cwd else lexical.parent.resolve()
    if not _inside(resolved, boundary):
        raise InputError(
            _(
                "{path}: not read: it goes through a symbolic link to a place "
                "outside {where}; rulebook reads only the policy folder"
            ).format(
                path=safe(str(path)),
                where=_("the working directory") if inside_cwd else safe(str(lexical.parent)),
            )
        )


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
    """Load a rulebook directory or file from disk; messages from then on are in the policy's
    first language unless one was chosen (``--lang``)."""
    document = _load(path, max_bytes)
    if i18n.use_policy_language(document.languages) and document.problems:
        document = _load(path, max_bytes)  # its problems in the language just chosen
    return document


def _load(path: Path, max_bytes: int) -> Document:
    document = Document(source=display_name(path))
    root = path.resolve() if path.is_dir() else None
    for file in discover(path):
        name = display_name(file)
        if root is not None and file.is_symlink() and not _inside(file.resolve(), root):
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


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def _too_large(document: Document, name: str, size: int, max_bytes: int) -> None:
    document.problems.append(
        _file_problem(
            name,
            codes.FILE_TOO_LARGE,
            _(
                "the file is {size:,} bytes, more than the limit of {max_bytes:,}: "
                "split it or raise the limit (--max-file-size)"
            ).format(size=size, max_bytes=max_bytes),
        )
    )
    document.broken_files.append(name)


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
    whatever it leaves, and everything when not ``fast``, the round trip reads."""
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
        quick = fastyaml.parse(text)
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
                    ).format(size=len(text), limit=MAX_ROUND_TRIP_CHARACTERS),
                )
            ],
        )
    yaml = make_yaml()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. a reused anchor name: legal YAML
            data = yaml.load(text)
    except Refused as error:
        return Parsed(
            text,
            None,
            [Finding(name, error.line, error.column, error.code, Severity.ERROR, error.message)],
        )
    except MarkedYAMLError as error:
        return Parsed(text, None, [_syntax_problem(name, error, text)])
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


def _duplicate_findings(
    name: str, duplicates: list[tuple[str, int, int]], text: str = ""
) -> list[Finding]:
    found: list[Finding] = []
    item_line = -2
    for key, line, column in duplicates:
        if yaml_mistakes.missing_dash(text, line):
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
    positions: Any = getattr(data, "lc", None)  # ruamel adds it; mypy cannot see it
    for key, node in data.items():
        where = positions.key(key) if positions is not None else None
        line, column = (where[0] + 1, where[1] + 1) if where else (1, 1)
        key_text = str(key)
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


def _file_problem(name: str, code: str, message: str) -> Finding:
    return Finding(name, 1, 1, code, Severity.ERROR, message)


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
        if mistake is not None:  # plain words first, the reader's own after them
            return Finding(
                name,
                mistake.line,
                mistake.column,
                codes.YAML_SYNTAX,
                Severity.ERROR,
                f"{mistake.message} ({what}{context})",
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
