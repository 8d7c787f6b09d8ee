"""Hostile and broken input (issue 7, item 1): every case gives a finding or a one-line error
with the documented exit code, in a child process with limits on time and memory, and never a
traceback.

Each case builds a rulebook (a folder, or one file) in a temporary directory and says what
``rulebook lint --format json`` must answer: the exit code and the codes it must report.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers import BUNDLED, EXAMPLES, TODAY

MINIMAL = (EXAMPLES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space for the child
TIME_LIMIT = 120  # seconds: a guard against a hang, not a measurement


def _limit_memory() -> None:  # runs in the child, before rulebook starts
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    @property
    def codes(self) -> set[str]:
        if not self.out.startswith("{"):
            return set()
        return {f["code"] for f in json.loads(self.out)["findings"]}


def lint(target: Path, *args: str, output_format: str = "json") -> Outcome:
    script = Path(sys.executable).parent / "rulebook"
    done = subprocess.run(
        [
            str(script),
            "lint",
            "--format",
            output_format,
            "--today",
            TODAY.isoformat(),
            *args,
            str(target),
        ],
        cwd=target.parent,
        capture_output=True,
        timeout=TIME_LIMIT,
        check=False,
        preexec_fn=_limit_memory,
    )
    return Outcome(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def single(text: str | bytes, name: str = "policy.yaml") -> Callable[[Path], Path]:
    """A case that is one file."""

    def build(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return path

    return build


def folder(**files: str | bytes) -> Callable[[Path], Path]:
    """A case that is the bundled policy with some files added or replaced."""

    def build(tmp: Path) -> Path:
        target = tmp / "rulebook"
        shutil.copytree(BUNDLED, target)
        for name, text in files.items():
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            (target / name.replace("__", " ")).write_bytes(data)
        return target

    return build


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join(lines) + "\nmeta:\n  organisation: *i\n"


def symlink_outside(tmp: Path) -> Path:
    secret = tmp / "secret.yaml"
    secret.write_text("meta:\n  organisation: TOP-SECRET-CONTENT\n", encoding="utf-8")
    target = folder()(tmp)
    (target / "meta.yaml").unlink()
    (target / "meta.yaml").symlink_to(secret)
    return target


def symlink_inside(tmp: Path) -> Path:
    target = folder()(tmp)
    (target / "meta.yaml").rename(target / "meta.txt")
    (target / "meta.yaml").symlink_to(target / "meta.txt")
    return target


def fifo_in_folder(tmp: Path) -> Path:
    target = folder()(tmp)
    os.mkfifo(target / "pipe.yaml")  # reading it would block forever
    return target


def dir_named_yaml(tmp: Path) -> Path:
    target = folder()(tmp)
    (target / "folder.yaml").mkdir()
    return target


def odd_file_names(tmp: Path) -> Path:
    target = folder()(tmp)
    (target / "meta.yaml").rename(target / "mijn beleid – één.yaml")
    return target


def _break_meta(target: Path) -> None:
    """A finding in meta.yaml, so that its (odd) name appears in the output."""
    meta = target / "meta.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("status: adopted", "status: odd"), encoding="utf-8"
    )


def escape_in_file_name(tmp: Path) -> Path:
    target = folder()(tmp)
    _break_meta(target)
    (target / "meta.yaml").rename(target / "\x1b[31mred\x07.yaml")
    return target


def bad_bytes_in_file_name(tmp: Path) -> Path:
    target = folder()(tmp)
    _break_meta(target)
    os.rename(bytes(target / "meta.yaml"), bytes(target) + b"/meta-\xff\xfe.yaml")
    return target


def python_tag(tmp: Path) -> Path:
    flag = tmp / "PWNED"
    return single(
        f'meta:\n  organisation: !!python/object/apply:os.system ["touch {flag}"]\n'
        "  owner: !!python/object/new:os.system [x]\n"
    )(tmp)


@dataclass
class Case:
    name: str
    build: Callable[[Path], Path]
    code: int
    codes: set[str] = field(default_factory=set)
    args: tuple[str, ...] = ()


CASES = [
    Case("alias-bomb", single(billion_laughs()), 1, {"RB007"}),
    Case("recursive-alias", single("meta: &m\n  organisation: [*m]\n"), 1, {"RB007"}),
    Case("recursive-alias-in-list", single("meta: &m [*m]\n"), 1, {"RB007"}),
    Case(
        "nesting-10000-flow-lists",
        single("meta: " + "[" * 10_000 + "]" * 10_000 + "\n"),
        1,
        {"RB008"},
    ),
    Case(
        "nesting-10000-flow-maps",
        single("meta: " + "{a: " * 10_000 + "b" + "}" * 10_000),
        1,
        {"RB008"},
    ),
    Case("nesting-10000-block-lists", single("meta:\n  " + "- " * 10_000 + "x\n"), 1, {"RB008"}),
    Case(
        "nesting-60-is-fine",
        single("meta:\n  organisation: " + "[" * 60 + "]" * 60 + "\n"),
        1,
        {"RB100"},
    ),
    Case(
        "file-over-limit",
        single("meta:\n  organisation: " + "x" * (5 * 1024 * 1024) + "\n"),
        1,
        {"RB006"},
    ),
    Case("limit-from-command-line", folder(), 1, {"RB006"}, ("--max-file-size", "2k")),
    Case(
        "limit-raised",
        single("meta:\n  organisation: " + "x" * (5 * 1024 * 1024) + "\n"),
        1,
        {"RB100"},
        ("--max-file-size", "6M"),
    ),
    Case("limit-not-a-size", folder(), 2, set(), ("--max-file-size", "lots")),
    Case("binary-file", folder(**{"image.yaml": bytes(range(256)) * 8}), 1, {"RB005"}),
    Case("nul-bytes", folder(**{"nul.yaml": b"meta:\x00\n"}), 1, {"RB005"}),
    Case("utf-16-le-bom", single(b"\xff\xfe" + MINIMAL.encode("utf-16-le")), 0),
    Case("utf-16-be-bom", single(b"\xfe\xff" + MINIMAL.encode("utf-16-be")), 0),
    Case("utf-16-without-bom", single(MINIMAL.encode("utf-16-le")), 1, {"RB005"}),
    Case("utf-8-bom", single(b"\xef\xbb\xbf" + MINIMAL.encode("utf-8")), 0),
    Case("invalid-utf-8", single(MINIMAL.encode("utf-8") + b"# caf\xe9\n"), 1, {"RB005"}),
    Case("windows-1252", single(MINIMAL.replace("club", "café").encode("cp1252")), 1, {"RB005"}),
    Case("crlf-line-ends", single(MINIMAL.replace("\n", "\r\n")), 0),
    Case("empty-file", folder(**{"empty.yaml": ""}), 1, {"RB004"}),
    Case("only-comments", folder(**{"notes.yaml": "# nothing yet\n"}), 1, {"RB004"}),
    Case("top-level-list", folder(**{"list.yaml": "- meta\n- brand\n"}), 1, {"RB004"}),
    Case("top-level-scalar", folder(**{"text.yaml": "just some text\n"}), 1, {"RB004"}),
    Case("several-documents", folder(**{"two.yaml": "a: 1\n---\nb: 2\n"}), 1, {"RB001"}),
    Case(
        "duplicate-keys",
        single(MINIMAL.replace("  status: adopted\n", "  status: adopted\n  status: draft\n")),
        1,
        {"RB002"},
    ),
    Case(
        "merge-key",
        single(MINIMAL.replace("  owner: The board\n", "  owner: The board\n  <<: {title: X}\n")),
        1,
        {"RB009"},
    ),
    Case("python-tag", python_tag, 1, {"RB003"}),
    Case(
        "custom-tag",
        single(MINIMAL.replace("owner: The board", "owner: !include b.yaml")),
        1,
        {"RB003"},
    ),
    Case(
        "yaml-1-1-types-are-tags",
        single("meta: !!omap\n  - a: 1\nbrand: !!set {a}\nconduct: !!binary aGVsbG8=\n"),
        1,
        {"RB003"},
    ),
    Case("unknown-yaml-version", single('%YAML 1.3\n---\n"foo"\n'), 1, {"RB001"}),
    # valid YAML that ruamel.yaml's round trip cannot read (RB001), a faster reader can
    Case(
        "comments-ruamel-cannot-place",
        single("meta:    # Comment\n        # lines\n  value\n\n\n"),
        1,
    ),
    Case(
        "reused-anchor-names",
        single(
            MINIMAL.replace("owner: The board", "owner: &a The board").replace(
                "status: adopted", "status: &a adopted"
            )
        ),
        0,
        {"RB021"},  # a warning: `&a` before a text that no `*a` uses is a word lost
    ),
    Case("symlink-outside-refused", symlink_outside, 1, {"RB012"}),
    Case("symlink-inside-followed", symlink_inside, 0),
    Case("fifo-named-yaml", fifo_in_folder, 0),
    Case("folder-named-yaml", dir_named_yaml, 0),
    Case("file-name-with-spaces-and-accents", odd_file_names, 0),
    Case("file-name-with-escape", escape_in_file_name, 1, {"RB100"}),
    Case("file-name-not-utf-8", bad_bytes_in_file_name, 1, {"RB100"}),
    Case("very-long-line", single(MINIMAL.replace("Example Youth Club", "Club " * 200_000)), 0),
    Case(
        "huge-integer",
        single(MINIMAL.replace("version: 1.0.0", "version: " + "9" * 100_000)),
        1,
        {"RB001"},
    ),
    Case(
        "ansi-escape-in-text",
        single(MINIMAL.replace("owner: The board", 'owner: "\\e[2J\\e[31mThe board\\x9b"')),
        1,
        {"RB013"},
    ),
    Case(
        "direction-override-in-text",
        single(MINIMAL.replace("owner: The board", 'owner: "The \\u202eboard"')),
        1,
        {"RB013"},
    ),
    Case(
        "raw-control-character",
        single(MINIMAL.replace("owner: The board", "owner: The \x1b[31mboard")),
        1,
        {"RB001"},
    ),
    Case("tab-indentation", single(MINIMAL.replace("  owner:", "\towner:")), 1, {"RB001"}),
    Case("missing-path", lambda tmp: tmp / "nope", 2),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
@pytest.mark.parametrize("output_format", ["json", "text"])
def test_hostile_input(case: Case, output_format: str, tmp_path: Path) -> None:
    target = case.build(tmp_path)
    result = lint(target, *case.args, output_format=output_format)
    assert "Traceback" not in result.err + result.out
    assert result.code == case.code, (result.out[-2000:], result.err)
    if case.code == 2:
        last = result.err.strip().splitlines()[-1]  # click adds a usage line above its own
        assert result.out == "" and last.startswith(("rulebook: error: ", "Error: ")), result.err
        return
    assert result.err == ""
    if output_format == "json":
        assert case.codes <= result.codes, result.codes
        if case.code == 0:
            # RB610 (info): the minimal policy names no profile
            assert result.codes <= {"RB103", "RB610"} | case.codes or not result.codes
    # nothing that a terminal would obey: no ESC, no C1 control, no direction override
    for char in ("\x1b", "\x9b", "\u202e", "\x07"):
        assert char not in result.out
    assert "TOP-SECRET-CONTENT" not in result.out
    assert not (tmp_path / "PWNED").exists()
