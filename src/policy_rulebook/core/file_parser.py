"""One file's bytes -> its text and data, with every limit applied and every problem a finding.

``parse`` never raises: what the file's bytes, encoding or YAML do wrong becomes a ``Finding``
(``core.file_findings`` words them), so that a broken file cannot hide the others'. It tries
the C fast path first (``core.fastyaml``, the plain subset of YAML) and reads the rest with
ruamel.yaml's round trip (``core.yaml_reader``: alias, depth and value caps; tags never
constructed, merge keys reported). ``core.loader`` merges what it reads into a ``Document``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from policy_rulebook.core import codes, fastyaml, yaml_mistakes
from policy_rulebook.core.file_findings import (
    character_problem,
    duplicate_findings,
    file_problem,
    mistake_finding,
    syntax_problem,
    too_large,
)
from policy_rulebook.core.files import DEFAULT_MAX_BYTES, decode
from policy_rulebook.core.findings import Finding, Severity
from policy_rulebook.core.i18n import Count, _
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
            parsed.problems.append(mistake_finding(name, mistake))
    return parsed


def _parse(name: str, raw: bytes, *, max_bytes: int, fast: bool) -> Parsed:
    if len(raw) > max_bytes:
        return Parsed(None, None, [too_large(name, len(raw), max_bytes)])
    try:
        text = decode(raw)
    except UnicodeDecodeError as error:
        return Parsed(
            None,
            None,
            [
                file_problem(
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
                file_problem(
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
            return Parsed(text, quick.data, duplicate_findings(name, quick.duplicates, text))
    if len(text) > MAX_ROUND_TRIP_CHARACTERS:
        return Parsed(
            text,
            None,
            [
                file_problem(
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
        return Parsed(text, None, [syntax_problem(name, error, text)])
    except ReaderError as error:
        return Parsed(text, None, [character_problem(name, error, text)])
    except ValueError as error:
        why = "a number in it has thousands of digits" if "digits" in str(error) else str(error)
        return Parsed(
            text,
            None,
            [
                file_problem(
                    name, codes.YAML_SYNTAX, _("the file cannot be read: {why}").format(why=why)
                )
            ],
        )
    except (YAMLError, RecursionError, TypeError) as error:
        return Parsed(
            text,
            None,
            [
                file_problem(
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
                file_problem(
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
    problems = duplicate_findings(name, constructor.duplicates, text)
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
