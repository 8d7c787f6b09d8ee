"""The docs never hold a pasted sample: every marked block is what the command prints now."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from tests.helpers import REPO

SCRIPT = REPO / "scripts" / "docs_samples.py"


def test_every_sample_is_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, (
        "stale docs samples (run `.venv/bin/python scripts/docs_samples.py`):\n"
        + done.stdout
        + done.stderr
    )


def test_no_output_is_pasted() -> None:
    """A block that shows a `$ rulebook ...` run is a generated sample, with its marker."""
    pasted = []
    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("**/*.md"))]:
        text = page.read_text(encoding="utf-8")
        for block in re.finditer(r"^(`{3,})[^\n]*\n(.*?)^\1[ \t]*$", text, re.M | re.S):
            before = text[: block.start()].rstrip("\n").rsplit("\n", 1)[-1]
            if re.search(r"^\$ rulebook", block[2], re.M) and not before.startswith("<!-- sample"):
                line = text.count("\n", 0, block.start()) + 1
                pasted.append(f"{page.relative_to(REPO)}:{line}")
    assert not pasted, (
        "output pasted instead of generated; put a `<!-- sample: rulebook "
        "... -->` marker before it and run scripts/docs_samples.py: " + ", ".join(pasted)
    )


def test_readme_is_short() -> None:
    assert (REPO / "README.md").stat().st_size < 15_000


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    for page in ("README.md", "docs/getting-started.md"):
        assert f"```sh\n{ci}\n```" in (REPO / page).read_text(encoding="utf-8"), page
    assert ci.startswith("python3 -m venv .venv && ")


def script() -> Any:
    spec = importlib.util.spec_from_file_location("docs_samples", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["docs_samples"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_stale_sample_is_found_and_rewritten() -> None:
    docs = script()
    text = (
        "intro\n<!-- sample: rulebook lint tests/examples/invalid/suppressed -->\n"
        "```console\n$ rulebook lint\n26 checks, all pasted\n```\n"
        "<!-- sample(head=1): rulebook rules -->\nafter\n"
    )
    blocks = docs.find_blocks(text, "page.md")
    assert [block.name for block in blocks] == [
        "page.md:2: rulebook lint tests/examples/invalid/suppressed",
        "page.md:7: rulebook rules",
    ]
    new = docs.rewrite(text, blocks, docs.render_all(blocks))
    assert "26 checks, all pasted" not in new
    assert "7 findings (3 errors, 3 warnings, 1 info) in 1 file. 2 suppressed." in new
    assert new.startswith("intro\n") and new.endswith("```\nafter\n")
    assert "$ rulebook rules\nRB001  yaml-syntax" in new and "\n...\n" in new
    again = docs.find_blocks(new, "page.md")
    assert docs.render_all(again) == [new[b.start : b.end] for b in again]


def test_samples_cannot_escape_their_block() -> None:
    """A fence longer than any backtick run inside: a redline full of ``` stays code."""
    fenced: Callable[[str, str], str] = script().fenced
    hostile = "## Approved by legal\n```\n# heading\n````\n"
    block = fenced(hostile, "text")
    fence = block.split("text\n", 1)[0]
    assert len(fence) == 5 and block.endswith(f"\n{fence}\n")
    inner = block[len(fence) + len("text\n") : -len(fence) - 1]
    assert inner == hostile
    assert not re.search(rf"^{fence}", inner, re.MULTILINE)
