"""Regenerate every sample in the docs from real output, and docs/checks.md from the registry.

Nothing in the docs is pasted. A sample is a marker comment followed by a fenced block, which
this script rewrites with what the command really prints::

    <!-- sample: rulebook lint tests/examples/invalid/broken -->
    ```console
    $ rulebook lint tests/examples/invalid/broken
    ...
    ```

Options go in parentheses after ``sample``, comma-separated:

- ``in=NAME``: where the command runs (see SETUPS): ``repo`` (this repository, read only; the
  default), ``history`` (a temporary git repository holding two versions of the bundled policy),
  ``edited`` (``history`` plus an uncommitted edit without a version bump), ``untidy`` (a copy
  of the bundled policy with fields out of order), ``empty`` (an empty folder), ``nogit`` (a
  copy of the bundled policy outside git), ``badconfig`` (that copy with a bad
  ``.rulebook.yaml``);
- ``head=N``, ``tail=M``: keep the first N and last M lines of each command's output, ``...``
  between them;
- ``show=output``: the output only, without the ``$ command`` line (for documents);
- ``fence=WORD``: the info string of the fence (default ``console``; ``text`` for output only).

Several commands run one after the other in the same place when separated by `` ; ``. Each runs
in a child process (``python -m policy_rulebook``) with a fixed environment: ``NO_COLOR``, a C
locale, UTC, no user or system git configuration, fixed commit authors and dates, and
``--today 2026-11-27`` given to ``lint`` (not shown), so that samples do not age. Exit code 3
(an internal error) is never documented: the script stops instead.

A fence is always longer than any run of backticks inside it, so no output, however hostile
(a legal redline in Markdown, say), can end its code block and become part of the page.

Usage: ``.venv/bin/python scripts/docs_samples.py`` rewrites the files; ``--check`` changes
nothing and exits 1 naming every stale sample (tests/test_docs_samples.py runs it).
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "rulebook"
TODAY = "2026-11-27"
CHECKS_PAGE = REPO / "docs" / "checks.md"

MARKER = re.compile(
    r"^<!-- sample(?:\((?P<options>[^)]*)\))?: (?P<commands>.+?) -->[ \t]*\n", re.MULTILINE
)
FENCE_OPEN = re.compile(r"(?P<fence>`{3,})[^\n`]*\n")

_GIT_ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}
AUTHORS = {
    "ann": "Ann Admin <ann.admin@lindebeek.be>",
    "lea": "Lea Jurist <lea.jurist@lindebeek.be>",
    "tom": "Tom Claes <tom.claes@lindebeek.be>",
}


class SampleError(Exception):
    """A sample that cannot be generated (a bad marker, a failed setup, exit code 3)."""


# --- where a command runs -------------------------------------------------------------------


def _git(repo: Path, *args: str, author: str | None = None, date: str | None = None) -> None:
    env = {**os.environ, **_GIT_ENV}
    if author and date:
        name, email = re.fullmatch(r"(.+) <(.+)>", author).groups()  # type: ignore[union-attr]
        stamp = f"{date}T10:00:00+01:00"
        env.update(
            GIT_AUTHOR_NAME=name,
            GIT_AUTHOR_EMAIL=email,
            GIT_AUTHOR_DATE=stamp,
            GIT_COMMITTER_NAME=name,
            GIT_COMMITTER_EMAIL=email,
            GIT_COMMITTER_DATE=stamp,
        )
    subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
    )


def _edit(path: Path, pattern: str, new: str) -> None:
    """Replace the first match of a regular expression, which must be there."""
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.MULTILINE)
    if not count:
        raise SampleError(f"setup: {pattern!r} not found in {path.name}")
    path.write_text(changed, encoding="utf-8")


def _set_version(policy: Path, version: str, adopted: str, effective: str) -> None:
    meta = policy / "meta.yaml"
    _edit(meta, r"^  version: .*$", f"  version: {version}")
    _edit(meta, r"^  adopted_on: .*$", f"  adopted_on: {adopted}")
    _edit(meta, r"^  effective_from: .*$", f"  effective_from: {effective}")


NEW_DONT = """    - id: share-live-location
      text:
        nl: Deel niet live waar je bent tijdens een interventie of een huisbezoek.
        en: Do not share your live location during an intervention or a home visit.
      rationale:
        nl: Zo breng je jezelf, collega's en inwoners niet in gevaar.
        en: That way you do not put yourself, colleagues or residents at risk.
"""


def setup_history(where: Path) -> Path:
    """Two versions of the bundled policy: 2.0.0 by Ann; edits by Lea (legal) and Tom, then
    Ann's bump to 2.1.0 (edit, then bump: the changes belong to 2.1.0)."""
    repo = where / "policy-repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    policy = repo / "rulebook"
    shutil.copytree(BUNDLED, policy)
    _set_version(policy, "2.0.0", "2026-09-01", "2026-10-01")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Policy 2.0.0", author=AUTHORS["ann"], date="2026-09-02")
    _edit(
        policy / "legal.yaml",
        r"heb je (schriftelijke )?toestemming nodig",
        "heb je uitdrukkelijke, schriftelijke toestemming nodig",
    )
    _edit(
        policy / "legal.yaml", r"You need (written )?consent", "You need explicit written consent"
    )
    _git(repo, "add", "-A")
    _git(
        repo,
        "commit",
        "-q",
        "-m",
        "Explicit consent for images, on advice of the DPO",
        author=AUTHORS["lea"],
        date="2026-11-23",
    )
    conduct = policy / "conduct.yaml"
    conduct.write_text(
        conduct.read_text(encoding="utf-8").rstrip("\n") + "\n" + NEW_DONT, encoding="utf-8"
    )
    _edit(policy / "contact.yaml", r"^(    phone: \+32 3 123 45 )(\d\d)$", r"\g<1>99")
    _git(repo, "add", "-A")
    _git(
        repo,
        "commit",
        "-q",
        "-m",
        "Ask before tagging colleagues; new phone number",
        author=AUTHORS["tom"],
        date="2026-11-24",
    )
    # The edits belong to the version that carries them: the bump comes last (release model).
    _set_version(policy, "2.1.0", "2026-11-23", "2027-03-01")
    _git(repo, "add", "-A")
    _git(
        repo,
        "commit",
        "-q",
        "-m",
        "Policy 2.1.0, adopted by the college on 23 November",
        author=AUTHORS["ann"],
        date="2026-11-25",
    )
    return repo


def setup_edited(where: Path) -> Path:
    """``history`` plus an uncommitted reworded do, with the version left as it was."""
    repo = setup_history(where)
    _edit(repo / "rulebook" / "conduct.yaml", r"^(        en: )(.*)\.$", r"\g<1>\g<2>, always.")
    return repo


def setup_untidy(where: Path) -> Path:
    """A copy of the bundled policy whose contact point has its e-mail before its name."""
    folder = where / "policy"
    folder.mkdir()
    shutil.copytree(BUNDLED, folder / "rulebook")
    contact = folder / "rulebook" / "contact.yaml"
    _edit(contact, r"^(    name: .*\n)((?:    .*\n)*?)(    email: .*\n)", r"\3\1\2")
    return folder


def setup_empty(where: Path) -> Path:
    folder = where / "new-policy"
    folder.mkdir()
    return folder


def setup_nogit(where: Path) -> Path:
    folder = where / "copy-of-the-policy"
    folder.mkdir()
    shutil.copytree(BUNDLED, folder / "rulebook")
    return folder


def setup_badconfig(where: Path) -> Path:
    """A copy of the bundled policy whose ``.rulebook.yaml`` has a value that is not allowed."""
    folder = setup_nogit(where)
    (folder / ".rulebook.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    return folder


SETUPS: dict[str, Callable[[Path], Path]] = {
    "history": setup_history,
    "edited": setup_edited,
    "untidy": setup_untidy,
    "empty": setup_empty,
    "nogit": setup_nogit,
    "badconfig": setup_badconfig,
}


# Setups whose commands only read: built once per run and shared by every sample that uses them.
SHARED = {"history", "edited", "nogit", "badconfig"}


class Places:
    """The folders samples run in, made on demand; shared ones are built once per run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.built: dict[str, Path] = {}
        self.lock = threading.Lock()
        self.count = 0

    @contextmanager
    def place(self, name: str) -> Iterator[Path]:
        if name == "repo":
            yield REPO
            return
        if name not in SETUPS:
            raise SampleError(f"unknown in={name!r}; known: repo, {', '.join(SETUPS)}")
        with self.lock:
            self.count += 1
            where = self.root / f"{name}-{self.count}"
            if name in SHARED:
                if name not in self.built:
                    where.mkdir()
                    self.built[name] = SETUPS[name](where)
                shared = self.built[name]
            else:
                where.mkdir()
        if name in SHARED:
            yield shared
        else:
            yield SETUPS[name](where)


# --- running a command ----------------------------------------------------------------------


def environment(home: Path) -> dict[str, str]:
    keep = {key: os.environ[key] for key in ("PATH", "SYSTEMROOT") if key in os.environ}
    return {
        **keep,
        **_GIT_ENV,
        "HOME": str(home),
        "NO_COLOR": "1",
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "TZ": "UTC",
        "COLUMNS": "100",
        "PYTHONIOENCODING": "utf-8",
    }


def run_command(command: str, cwd: Path) -> str:
    """What ``rulebook ARGS`` prints (standard output and error, in order)."""
    words = shlex.split(command)
    if not words or words[0] != "rulebook":
        raise SampleError(f"a sample runs `rulebook ...`, not {command!r}")
    args = words[1:]
    if args[:1] == ["lint"] and "--today" not in args:
        args = ["lint", "--today", TODAY, *args[1:]]
    with tempfile.TemporaryDirectory(prefix="rulebook-home-") as home:
        done = subprocess.run(
            [sys.executable, "-m", "policy_rulebook", *args],
            cwd=cwd,
            env=environment(Path(home)),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=120,
            check=False,
        )
    output = done.stdout.decode("utf-8", errors="replace")
    if done.returncode not in (0, 1, 2):
        raise SampleError(f"`{command}` ended with exit code {done.returncode}:\n{output}")
    if cwd != REPO:  # a temporary folder is nobody's path
        output = output.replace(str(cwd.parent) + os.sep, "").replace(str(cwd.parent), ".")
    return output


def shorten(output: str, head: int | None, tail: int) -> str:
    lines = output.splitlines()
    if head is None or len(lines) <= head + tail + 1:
        return output
    kept = lines[:head] + ["..."] + (lines[-tail:] if tail else [])
    return "\n".join(kept) + "\n"


def fenced(body: str, info: str) -> str:
    """A code block that nothing inside can close: longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    if body and not body.endswith("\n"):
        body += "\n"
    return f"{fence}{info}\n{body}{fence}\n"


@dataclass(frozen=True)
class Sample:
    commands: tuple[str, ...]
    setup: str = "repo"
    head: int | None = None
    tail: int = 0
    show_command: bool = True
    fence: str | None = None

    @classmethod
    def parse(cls, options: str | None, commands: str) -> Sample:
        values: dict[str, str] = {}
        for option in filter(None, (o.strip() for o in (options or "").split(","))):
            key, sep, value = option.partition("=")
            if not sep or key not in {"in", "head", "tail", "show", "fence"}:
                raise SampleError(f"unknown sample option {option!r}")
            values[key] = value.strip()
        if values.get("show", "command") not in {"command", "output"}:
            raise SampleError("show= is `command` or `output`")
        return cls(
            tuple(c.strip() for c in commands.split(" ; ")),
            values.get("in", "repo"),
            int(values["head"]) if "head" in values else None,
            int(values.get("tail", "0")),
            values.get("show", "command") == "command",
            values.get("fence"),
        )

    def render(self, places: Places) -> str:
        parts = []
        with places.place(self.setup) as cwd:
            for command in self.commands:
                output = shorten(run_command(command, cwd), self.head, self.tail)
                parts.append((f"$ {command}\n" if self.show_command else "") + output)
        info = self.fence or ("console" if self.show_command else "text")
        return fenced("".join(parts), info)


# --- the files -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A marked block in a file: where it is, what it holds now, which sample makes it."""

    where: str
    start: int  # just after the marker
    end: int  # just after the block (== start when there is none yet)
    sample: Sample
    name: str


def find_blocks(text: str, where: str) -> list[Block]:
    blocks: list[Block] = []
    for marker in MARKER.finditer(text):
        if blocks and marker.start() < blocks[-1].end:  # a marker inside a block
            continue
        end = marker.end()
        opening = FENCE_OPEN.match(text, end)
        if opening:
            closing = re.compile(rf"^{opening['fence']}[ \t]*\n", re.MULTILINE)
            close = closing.search(text, opening.end())
            if close is None:
                raise SampleError(
                    f"{where}: the block after {marker.group(0).strip()} is never closed"
                )
            end = close.end()
        line = text.count("\n", 0, marker.start()) + 1
        try:
            sample = Sample.parse(marker["options"], marker["commands"])
        except SampleError as error:
            raise SampleError(f"{where}:{line}: {error}") from error
        blocks.append(
            Block(where, marker.end(), end, sample, f"{where}:{line}: {marker['commands']}")
        )
    return blocks


def render_all(blocks: list[Block]) -> list[str]:
    """Every block's new text, the samples run side by side (each in its own place)."""

    def render(block: Block) -> str:
        try:
            return block.sample.render(places)
        except SampleError as error:
            raise SampleError(f"{block.name}: {error}") from error

    with tempfile.TemporaryDirectory(prefix="rulebook-docs-") as tmp:
        places = Places(Path(tmp))
        with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
            return list(pool.map(render, blocks))


def rewrite(text: str, blocks: list[Block], new: list[str]) -> str:
    out, position = [], 0
    for block, block_text in zip(blocks, new, strict=True):
        out += [text[position : block.start], block_text]
        position = block.end
    return "".join(out) + text[position:]


CHECKS_INTRO = """# Checks

<!-- Generated by scripts/docs_samples.py from the check registry
     (src/policy_rulebook/linter/checks/): edit the check's module, not this page. -->

Every check has a permanent code: a retired code is never reused. Errors fail the run; warnings
fail it with `--strict` (or `fail-on: warning`). `rulebook rules` lists them,
`rulebook explain CODE` prints what this page says about one, and each check's failing and
passing examples below are run by the tests (`tests/test_check_examples.py`). An example is a
fragment that replaces the same sections of the bundled policy.

Silence a finding for one item, with a reason, as
[Suppressions](suppressions.md) explains; the suppression checks themselves (RB050-RB053)
cannot be silenced.

"""


def _prose(text: str) -> str:
    """A check's docs as Markdown: ``<``, ``>`` and ``&`` outside code spans are text."""
    parts = re.split(r"(`+[^`]*`+)", text)
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(parts)


def checks_page() -> str:
    """docs/checks.md: a table of every check, then one section per check."""
    from policy_rulebook.linter.checks import CHECKS
    from policy_rulebook.linter.explain import doc_sections

    checks = sorted(CHECKS, key=lambda c: c.code)
    lines = [CHECKS_INTRO, "| code | name | severity | what it finds |", "|---|---|---|---|"]
    for check in checks:
        anchor = f"{check.code}-{check.name}".lower()
        lines.append(
            f"| {check.code} | {check.name} | {check.severity.value} | "
            f"[{_prose(check.summary)}](#{anchor}) |"
        )
    lines.append(f"\n{len(checks)} checks.\n")
    for check in checks:
        title = check.doc.splitlines()[0] if check.doc else check.code
        headline = title.split(":", 1)[1].strip() if ":" in title else check.summary
        headline = headline[:1].upper() + headline[1:]
        lines.append(f"## {check.code} {check.name}\n")
        lines.append(f"{_prose(headline)} Default severity: **{check.severity.value}**.\n")
        for heading, text in doc_sections(check).items():
            lines.append(f"**{heading}.** {_prose(text)}\n")
        lines.append("Fails (gives the finding):\n")
        lines.append(fenced(check.bad, "yaml"))
        lines.append("Passes:\n")
        lines.append(fenced(check.good, "yaml"))
    return "\n".join(lines).rstrip("\n") + "\n"


def documents() -> list[Path]:
    return [REPO / "README.md", *sorted((REPO / "docs").glob("**/*.md"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 naming every stale sample"
    )
    args = parser.parse_args(argv)
    try:  # else every sample would document "No module named policy_rulebook"
        import policy_rulebook  # noqa: F401
    except ImportError as error:
        raise SampleError(
            "run this with the Python that has rulebook installed "
            "(.venv/bin/python scripts/docs_samples.py)"
        ) from error
    pages = {path: path.read_text(encoding="utf-8") for path in documents() if path != CHECKS_PAGE}
    blocks = {
        path: find_blocks(text, path.relative_to(REPO).as_posix()) for path, text in pages.items()
    }
    every = [block for found in blocks.values() for block in found]
    rendered = dict(zip(every, render_all(every), strict=True))
    stale = [
        block.name
        for block in every
        if rendered[block] != pages[Path(REPO / block.where)][block.start : block.end]
    ]
    checks = checks_page()
    old_checks = CHECKS_PAGE.read_text(encoding="utf-8") if CHECKS_PAGE.exists() else ""
    if checks != old_checks:
        stale.append("docs/checks.md (from the check registry)")
    if args.check:
        for name in stale:
            print(f"stale sample: {name}")
        if stale:
            print(
                f"{len(stale)} stale; run `.venv/bin/python scripts/docs_samples.py` to regenerate"
            )
            return 1
        print(f"every sample is up to date ({len(every)} samples and docs/checks.md)")
        return 0
    for path, found in blocks.items():
        text = rewrite(pages[path], found, [rendered[block] for block in found])
        if text != pages[path]:
            path.write_text(text, encoding="utf-8")
    if checks != old_checks:
        CHECKS_PAGE.write_text(checks, encoding="utf-8")
    print(f"{len(stale)} regenerated" if stale else "every sample is up to date")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SampleError as error:
        print(f"docs_samples: {error}", file=sys.stderr)
        sys.exit(2)
