"""Start-up stays light: each command imports what it needs (see benchmarks/ for the times).

Every commit runs the linter, so what `rulebook --help` and a clean `rulebook lint` import is
part of the product. Asserted on the modules a real child process ends up with, not on times.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.helpers import BUNDLED, EXAMPLES, REPO

HEAVY = (
    "jsonschema",
    "referencing",
    "rpds",
    "attrs",
    "git",
    "policy_rulebook.changelog",
    "ruamel",
    "jsonschema_rs",
    "policy_rulebook.core.loader",
    "policy_rulebook.linter.checks",
)


def modules_after(*args: str) -> set[str]:
    """The top modules and our own modules loaded by ``rulebook ARGS`` in a fresh process."""
    code = (
        "import json, sys\nfrom policy_rulebook.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    loaded: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return set(loaded)


def heavy_in(modules: set[str]) -> set[str]:
    return {
        name for name in modules for heavy in HEAVY if name == heavy or name.startswith(heavy + ".")
    }


def test_help_imports_click_and_nothing_heavy() -> None:
    modules = modules_after("--help")
    assert "click" in modules
    assert heavy_in(modules) == set()
    assert {m for m in modules if m.startswith("policy_rulebook")} == {
        "policy_rulebook",
        "policy_rulebook.cli",
        # the command line's own modules: click and the standard library only
        "policy_rulebook.cli.authoring_commands",
        "policy_rulebook.cli.document_commands",
        "policy_rulebook.cli.history_commands",
        "policy_rulebook.cli.lint_command",
        "policy_rulebook.cli.options",
        "policy_rulebook.cli.output",
        "policy_rulebook.core",
        "policy_rulebook.core.exits",
        "policy_rulebook.core.i18n",  # LANGUAGES for the --lang help; gettext comes with click
        # The reporter table gives --format its choices: names only, each reporter's class is
        # imported when it is used (core.findings only when a report is made).
        "policy_rulebook.linter",
        "policy_rulebook.linter.reporters",
    }


def test_clean_lint_needs_neither_jsonschema_nor_git() -> None:
    modules = modules_after("lint", str(BUNDLED))
    wanted = {"policy_rulebook.core.loader", "policy_rulebook.linter.checks", "ruamel.yaml"}
    assert wanted <= modules
    assert (
        heavy_in(modules) & {"jsonschema", "referencing", "git", "policy_rulebook.changelog"}
        == set()
    )


def test_lint_with_schema_errors_loads_jsonschema_to_explain_them() -> None:
    modules = modules_after("lint", str(EXAMPLES / "invalid" / "broken"))
    assert "jsonschema" in modules


def test_help_leaves_pathlib_to_the_commands() -> None:
    # Without site (-S): the editable install's import hook loads pathlib by itself; an
    # installed rulebook has no such hook, and pathlib costs a tenth of `rulebook --help`.
    site_packages = [str(REPO / "src"), *(p for p in sys.path if p.endswith("site-packages"))]
    code = (
        "import sys\nsys.path[1:1] = sys.argv[1:]\nimport click\n"
        "click_alone = 'pathlib' in sys.modules\nfrom policy_rulebook.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(click_alone, 'pathlib' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-S", "-c", code, *site_packages],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Usage: rulebook" in done.stdout, done.stderr
    click_alone, after_help = done.stderr.split()
    assert after_help == click_alone == "False"


def test_python_m_help_imports_no_jsonschema_git_or_jinja2() -> None:
    # The issue's own measure: `python -X importtime -m policy_rulebook --help`, whose report
    # (on stderr) names every module imported, with its time.
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "policy_rulebook", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Usage:" in done.stdout
    imported = {
        line.rpartition("|")[2].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "policy_rulebook.cli" in imported
    assert {
        name for name in imported if name.split(".")[0] in ("jsonschema", "git", "jinja2")
    } == set()
