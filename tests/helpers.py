"""Shared test helpers: the bundled policy, overlays of example fragments, running the CLI."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytest

from policy_rulebook.cli import main

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "rulebook"
EXAMPLES = Path(__file__).resolve().parent / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
#: (title, text) sections a test reports, printed in pytest's terminal summary (conftest.py),
#: never in the middle of the progress dots.
SUMMARY: list[tuple[str, str]] = []
TODAY = dt.date(2026, 11, 27)
#: The type of the ``golden`` fixture (tests/conftest.py): ``golden(name, actual)``.


class Golden(Protocol):
    """``golden(name, actual, commits={"v1": sha, ...})``: assert ``actual`` equals the golden
    file ``name``; each commit id of ``commits`` (full, or any prefix of 7 or more) reads
    ``#v1`` there, so a golden never churns when a fixture history gets new ids."""

    def __call__(
        self, name: str, actual: str, commits: Mapping[str, str] | None = None
    ) -> None: ...


def redact_commits(text: str, commits: Mapping[str, str]) -> str:
    """``text`` with every id of ``commits`` (full, or a prefix of 7 or more) as ``#name``."""
    for name, sha in commits.items():
        text = re.sub(rf"\b{re.escape(sha[:7])}[0-9a-f]{{0,33}}\b", f"#{name}", text)
    return text


_FILE_MARK = re.compile(r"^# file: (\S+)\s*$", re.MULTILINE)
_SECTION = re.compile(r"^([A-Za-z_][\w-]*):", re.MULTILINE)


def split_files(fragment: str) -> dict[str, str]:
    """A fragment is one file, or several introduced by ``# file: NAME`` lines."""
    parts = _FILE_MARK.split(fragment)
    files: dict[str, str] = {}
    if parts[0].strip():
        files["example.yaml"] = parts[0]
    for name, text in zip(parts[1::2], parts[2::2], strict=True):
        files[name] = text.lstrip("\n")
    return files


def overlay(tmp_path: Path, fragment: str) -> Path:
    """The bundled policy with the sections of ``fragment`` replacing its own."""
    target = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, target)
    files = split_files(fragment)
    for text in files.values():
        for section in _SECTION.findall(text):
            (target / f"{section}.yaml").unlink(missing_ok=True)
    for name, text in files.items():
        encoding = re.match(r"# encoding: (\S+)", text)
        data = text.encode(encoding.group(1) if encoding else "utf-8")
        (target / name).write_bytes(data)
    return target


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    """Run ``rulebook ARGS`` in this process, as the console script does."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    code = exit_info.value.code
    return Result(code if isinstance(code, int) else 0, captured.out, captured.err)


def run_process(*args: str, cwd: Path | None = None, stdin: str | None = None) -> Result:
    """Run the real ``rulebook`` console script in a child process."""
    script = Path(sys.executable).parent / "rulebook"
    done = subprocess.run(
        [str(script), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)
