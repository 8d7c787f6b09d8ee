"""docs/architecture.md names every module of the package and none that does not exist: a
newcomer reads it first. A module counts as named when its path is (``core/loader.py``) or a
folder that holds it is (``linter/checks/``: one module per check)."""

from __future__ import annotations

import re

from tests.helpers import REPO

PACKAGE = REPO / "src" / "policy_rulebook"
DOC = REPO / "docs" / "architecture.md"


def _named() -> set[str]:
    """The paths in the doc's "Modules" table."""
    text = DOC.read_text(encoding="utf-8").split("\n## Modules\n", 1)[1].split("\n## ", 1)[0]
    rows = "\n".join(line for line in text.splitlines() if line.startswith("| `"))
    return set(re.findall(r"`([\w/]+(?:\.py|/))`", rows))


def test_every_module_is_named() -> None:
    named = _named()
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if path.name == "__init__.py" and relative.count("/") <= 1:
            continue  # a layer's package marker
        folders = {relative.rsplit("/", n)[0] + "/" for n in range(1, relative.count("/") + 1)}
        if relative not in named and not folders & named:
            missing.append(relative)
    assert not missing, f"docs/architecture.md does not name: {', '.join(missing)}"


def test_no_module_named_that_does_not_exist() -> None:
    gone = [name for name in _named() if not (PACKAGE / name).exists()]
    assert not gone, f"docs/architecture.md names what does not exist: {', '.join(sorted(gone))}"
