"""CI and editor integrations, each tested with the real tool: pre-commit, the workflow
schemas that check-jsonschema ships, and click's shell completion."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.helpers import BUNDLED, REPO, TODAY, run_process

BIN = Path(sys.executable).parent
GITHUB = REPO / "examples" / "github-actions.yml"
GITLAB = REPO / "examples" / "gitlab-ci.yml"
RELEASE = REPO / ".github" / "workflows" / "release.yml"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


def tool(
    name: str,
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: int = 120,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / name), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    ("schema", "path"),
    [
        ("vendor.github-workflows", GITHUB),
        ("vendor.gitlab-ci", GITLAB),
        ("vendor.github-workflows", RELEASE),
    ],
)
def test_workflow_examples_match_the_published_schemas(schema: str, path: Path) -> None:
    done = tool("check-jsonschema", "--builtin-schema", schema, str(path))
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("schema", "path", "bad"),
    [
        ("vendor.github-workflows", GITHUB, ("runs-on: ubuntu-latest", "runs_on: ubuntu-latest")),
        ("vendor.gitlab-ci", GITLAB, ("when: always", "when: sometimes")),
    ],
)
def test_the_schemas_do_catch_a_mistake(
    schema: str, path: Path, bad: tuple[str, str], tmp_path: Path
) -> None:
    broken = tmp_path / path.name
    broken.write_text(path.read_text(encoding="utf-8").replace(*bad), encoding="utf-8")
    assert tool("check-jsonschema", "--builtin-schema", schema, str(broken)).returncode == 1


@pytest.mark.parametrize("path", [GITHUB, RELEASE, REPO / "action.yml"])
def test_no_expression_is_pasted_into_a_script(path: Path) -> None:
    """``${{ }}`` inside ``run:`` would let a branch or tag name inject shell code."""
    from ruamel.yaml import YAML

    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    jobs = data.get("jobs", {"action": data.get("runs", {})})
    for job in jobs.values():
        for step in job.get("steps", []):
            assert "${{" not in step.get("run", ""), (path.name, step.get("name"))


def test_the_examples_pin_no_tag_that_does_not_exist() -> None:
    """rulebook publishes no release yet: the examples pin a commit SHA (docs/ci.md)."""
    for path in (GITHUB, GITLAB, REPO / "docs" / "ci.md"):
        assert "@v0.1.0" not in path.read_text(encoding="utf-8"), path


def lint_commands() -> list[list[str]]:
    """Every ``rulebook lint`` command line in the two workflow examples."""
    yaml = YAML(typ="safe", pure=True)
    scripts: list[str] = []
    for job in yaml.load(GITHUB.read_text(encoding="utf-8"))["jobs"].values():
        scripts += [step["run"] for step in job["steps"] if "run" in step]
    for job in yaml.load(GITLAB.read_text(encoding="utf-8")).values():
        if isinstance(job, dict):
            scripts += job.get("script", [])
    commands = [re.split(r"\s*(?:\|\||>>)\s*", s)[0] for s in scripts]
    return [shlex.split(c)[1:] for c in commands if c.startswith("rulebook lint")]


def test_the_workflows_lint_commands_run(tmp_path: Path) -> None:
    commands = lint_commands()
    assert len(commands) == 5
    assert sum("--base" in args for args in commands) == 1  # tests/test_action.py runs it
    shutil.copytree(BUNDLED, tmp_path / "rulebook")
    for args in (args for args in commands if "--base" not in args):
        result = run_process(*args, cwd=tmp_path)
        assert result.code == 0, (args, result.err)
    assert (tmp_path / "rulebook.sarif").is_file() and (tmp_path / "rulebook-junit.xml").is_file()
    assert json.loads((tmp_path / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []


def test_the_legal_diff_goes_into_the_job_summary() -> None:
    text = (REPO / "action.yml").read_text(encoding="utf-8")
    assert 'rulebook diff "$POLICY" --from "$BASE" --to HEAD --format markdown' in text
    assert '>> "$GITHUB_STEP_SUMMARY"' in text
    assert "uses: your-org/rulebook@" in GITHUB.read_text(encoding="utf-8")


def test_the_hook_manifest_is_valid() -> None:
    done = tool("pre-commit", "validate-manifest", str(REPO / ".pre-commit-hooks.yaml"))
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for both runs: the first installs rulebook from this repository."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of this repository's last commit (what a user's pre-commit would fetch)."""
    if not (REPO / ".git").exists():
        pytest.skip("needs this repository as a git repository")
    clone = tmp_path_factory.mktemp("hook-repo") / "rulebook"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    return clone


def policy_repo(path: Path, *, broken: bool) -> Path:
    path.mkdir()
    shutil.copytree(BUNDLED, path / "rulebook")
    if broken:
        (path / "rulebook" / "contact.yaml").unlink()
    # The hook takes no --today: the configuration fixes the date (the bundled review_by passes).
    (path / ".rulebook.yaml").write_text(f"today: {TODAY.isoformat()}\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    subprocess.run(["git", "add", "-A"], cwd=path, check=True)
    return path


@pytest.mark.slow  # pre-commit pip-installs rulebook (and its dependencies, from PyPI) once
@pytest.mark.network("pypi")
@pytest.mark.parametrize("broken", [False, True], ids=["clean", "failing"])
def test_pre_commit_try_repo(
    broken: bool, tmp_path: Path, pre_commit_home: Path, hook_repo: Path
) -> None:
    repo = policy_repo(tmp_path / "policy", broken=broken)
    done = tool(
        "pre-commit",
        "try-repo",
        str(hook_repo),
        "rulebook-lint",
        "--all-files",
        "--color",
        "never",
        cwd=repo,
        timeout=900,
        env={**GIT_ENV, "PRE_COMMIT_HOME": str(pre_commit_home)},
    )
    output = done.stdout + done.stderr
    if broken:
        assert done.returncode == 1, output
        assert re.search(r"rulebook lint\.+Failed", output), output
        assert "fout RB101 het beleid heeft geen aanspreekpunt" in output  # a Dutch policy
    else:
        assert done.returncode == 0, output
        assert re.search(r"rulebook lint\.+Passed", output), output


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o nosort -F _rulebook_completion rulebook"),
        ("zsh", "compdef _rulebook_completion rulebook"),
        ("fish", "complete --no-files --command rulebook"),
    ],
)
def test_shell_completion_scripts(shell: str, marker: str) -> None:
    done = tool("rulebook", env={"_RULEBOOK_COMPLETE": f"{shell}_source"})
    assert done.returncode == 0 and marker in done.stdout, done.stdout + done.stderr


def test_completion_of_a_command_and_an_option() -> None:
    commands = tool(
        "rulebook",
        env={"_RULEBOOK_COMPLETE": "bash_complete", "COMP_WORDS": "rulebook ex", "COMP_CWORD": "1"},
    )
    assert commands.stdout.splitlines() == ["plain,explain"]
    formats = tool(
        "rulebook",
        env={
            "_RULEBOOK_COMPLETE": "bash_complete",
            "COMP_WORDS": "rulebook lint --format s",
            "COMP_CWORD": "3",
        },
    )
    assert formats.stdout.splitlines() == ["plain,sarif"]
