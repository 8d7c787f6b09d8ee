"""Benchmark: `rulebook changelog` over a generated history of N versions of the bundled policy.

Each version is one commit that raises `meta.version` and rewords one text in one section file
(the files take turns), as a real history does. The history is built once in a temporary git
repository (not timed); the timed part is one cold `changelog --audience legal` (every version
against the one before it, with provenance) in this process, with a fresh blob cache.

    python benchmarks/changelog_bench.py [VERSIONS]      # default 200; goal: 5 s

`run(versions) -> seconds` is what benchmarks/run.py calls.

    python benchmarks/changelog_bench.py --large [COMMITS] [VERSIONS]   # default 2000, 500

builds a history of COMMITS commits (a bump every COMMITS/VERSIONS commits, one reworded text
per commit) with ``git fast-import`` and times `rulebook history`, `rulebook changelog
--audience legal` and `rulebook lint --base HEAD~1` as whole processes, cold (no cache) and warm,
against `git log --follow` of the policy on the same repository (goal: 3 s).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "rulebook"
_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}
_TEXT_LINE = re.compile(r"""(?m)^(\s+nl: )(?![>|"'])(\S.*)$""")  # plain texts only


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **_ENV},
    )


def build(repo: Path, versions: int) -> Path:
    """A git repository whose `rulebook/` has ``versions`` versions; the policy's path."""
    repo.mkdir(parents=True)
    _git(repo, "init", "-q")
    policy = repo / "rulebook"
    shutil.copytree(BUNDLED, policy)
    files = sorted(p for p in policy.glob("*.yaml") if p.name != "meta.yaml")
    for number in range(versions):
        meta = policy / "meta.yaml"
        version = f"3.{number // 10}.{number % 10}"
        meta.write_text(
            re.sub(
                r"(?m)^  version: .*$", f"  version: {version}", meta.read_text(encoding="utf-8")
            ),
            encoding="utf-8",
        )
        if number:
            target = files[number % len(files)]
            text = target.read_text(encoding="utf-8")
            lines = list(_TEXT_LINE.finditer(text))
            match = lines[(number // len(files)) % len(lines)]
            reworded = f"{match[1]}{match[2].rstrip('.')}, zoals afgesproken in versie {version}."
            target.write_text(
                text[: match.start()] + reworded + text[match.end() :], encoding="utf-8"
            )
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", f"Policy {version}", "--date=2027-01-01T00:00:00+00:00")
    return policy


def run(versions: int = 200) -> float:
    """Seconds for one cold legal changelog over ``versions`` versions."""
    sys.path.insert(0, str(ROOT))
    from policy_rulebook.app.history_actions import changelog

    with tempfile.TemporaryDirectory(prefix="rulebook-bench-") as tmp:
        policy = build(Path(tmp) / "repo", versions)
        start = time.perf_counter()
        output, code = changelog(policy, None, None, "legal", "markdown", None)
        elapsed = time.perf_counter() - start
        assert isinstance(output, str)
        assert code == 0 and output.count("## Policy ") + output.count("## Beleid ") == versions
    return elapsed


def build_large(repo: Path, commits: int = 2000, versions: int = 500) -> Path:
    """A repository of ``commits`` commits and ``versions`` versions, made by fast-import."""
    repo.mkdir(parents=True)
    _git(repo, "init", "-q")
    files = {p.name: p.read_text(encoding="utf-8") for p in BUNDLED.glob("*.yaml")}
    names = sorted(name for name in files if name != "meta.yaml")
    every = max(1, commits // versions)
    stream: list[bytes] = []
    for number in range(commits):
        version = f"3.{number // every}.0"
        files["meta.yaml"] = re.sub(
            r"(?m)^  version: .*$", f"  version: {version}", files["meta.yaml"]
        )
        if number:
            name = names[number % len(names)]
            text = files[name]
            lines = list(_TEXT_LINE.finditer(text))
            match = lines[(number // len(names)) % len(lines)]
            files[name] = (
                text[: match.start()]
                + f"{match[1]}{match[2].rstrip('.')} (wijziging {number})."
                + text[match.end() :]
            )
        message = f"Change {number}".encode()
        stream.append(
            b"commit refs/heads/main\ncommitter Bench <bench@example.org> "
            + str(1_800_000_000 + number * 60).encode()
            + b" +0000\n"
            + b"data "
            + str(len(message)).encode()
            + b"\n"
            + message
            + b"\n"
        )
        for name, text in sorted(files.items()):
            data = text.encode("utf-8")
            stream.append(
                f"M 100644 inline rulebook/{name}\ndata {len(data)}\n".encode() + data + b"\n"
            )
    subprocess.run(
        ["git", "fast-import", "--quiet"],
        cwd=repo,
        input=b"".join(stream),
        check=True,
        capture_output=True,
        env={**os.environ, **_ENV},
    )
    _git(repo, "checkout", "-q", "main")
    return repo / "rulebook"


#: How many git processes the last timed command started (counted with ``GIT_TRACE``).
GIT_CALLS: dict[str, int] = {}


def _timed(repo: Path, *args: str) -> float:
    trace = repo.parent / "git-trace.log"
    trace.unlink(missing_ok=True)
    start = time.perf_counter()
    done = subprocess.run(
        args,
        cwd=repo,
        check=False,
        capture_output=True,
        env={**os.environ, "GIT_TRACE": str(trace)},
    )
    elapsed = time.perf_counter() - start
    assert done.returncode in (0, 1), done.stderr  # lint may find something: exit 1
    lines = (
        trace.read_text(encoding="utf-8", errors="replace").splitlines() if trace.exists() else []
    )
    GIT_CALLS[" ".join(args[1:])] = sum("trace: built-in: git" in line for line in lines)
    return elapsed


def run_large(commits: int = 2000, versions: int = 500) -> dict[str, float]:
    """Seconds per command on a large history (whole processes), and the git baseline."""
    rulebook = str(Path(sys.executable).with_name("rulebook"))
    with tempfile.TemporaryDirectory(prefix="rulebook-bench-") as tmp:
        repo = build_large(Path(tmp) / "repo", commits, versions).parent
        cache = repo / ".git" / "rulebook"
        times = {
            "git log --follow": _timed(
                repo, "git", "log", "--follow", "--format=%H", "--", "rulebook/meta.yaml"
            )
        }
        for label, args in (
            ("history", ("history",)),
            ("changelog", ("changelog", "--audience", "legal")),
            ("lint --base HEAD~1", ("lint", "--base", "HEAD~1", "rulebook")),
        ):
            shutil.rmtree(cache, ignore_errors=True)
            times[f"{label} (cold)"] = _timed(repo, rulebook, *args)
            times[f"{label} (warm)"] = _timed(repo, rulebook, *args)
    return times


if __name__ == "__main__":
    if sys.argv[1:2] == ["--large"]:
        numbers = [int(a) for a in sys.argv[2:4]]
        for label, seconds in run_large(*numbers).items():
            print(f"{label}: {seconds:.2f} s")
        for command, calls in GIT_CALLS.items():
            print(f"git processes for `{command}` (the last run): {calls}")
        raise SystemExit(0)
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    seconds = run(count)
    print(f"changelog over {count} versions: {seconds:.2f} s (goal: 5 s for 200)")
