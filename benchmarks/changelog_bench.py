"""Benchmark: `rulebook changelog` over a generated history of N versions of the bundled policy.

Each version is one commit that raises `meta.version` and rewords one text in one section file
(the files take turns), as a real history does. The history is built once in a temporary git
repository (not timed); the timed part is one cold `changelog --audience legal` (every version
against the one before it, with provenance) in this process, with a fresh blob cache.

    python benchmarks/changelog_bench.py [VERSIONS]      # default 200; goal: 5 s

`run(versions) -> seconds` is what benchmarks/run.py calls.
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
_ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
_TEXT_LINE = re.compile(r"(?m)^(\s+nl: )(?![>|])(\S.*)$")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                   cwd=repo, check=True, capture_output=True, text=True,
                   env={**os.environ, **_ENV})


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
        meta.write_text(re.sub(r"(?m)^  version: .*$", f"  version: {version}",
                               meta.read_text(encoding="utf-8")), encoding="utf-8")
        if number:
            target = files[number % len(files)]
            text = target.read_text(encoding="utf-8")
            lines = list(_TEXT_LINE.finditer(text))
            match = lines[(number // len(files)) % len(lines)]
            reworded = f"{match[1]}{match[2].rstrip('.')}, zoals afgesproken in versie {version}."
            target.write_text(text[:match.start()] + reworded + text[match.end():],
                              encoding="utf-8")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", f"Policy {version}",
             "--date=2027-01-01T00:00:00+00:00")
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
        assert code == 0 and output.count("## Policy ") + output.count("## Beleid ") == versions
    return elapsed


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    seconds = run(count)
    print(f"changelog over {count} versions: {seconds:.2f} s (goal: 5 s for 200)")
