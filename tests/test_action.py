"""The reusable GitHub Action (action.yml): valid against GitHub's published metadata schema (the
copy check-jsonschema ships, offline), and its steps run for real, as a runner would run them,
in a temporary repository with a pull request against ``origin/main``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.gitrepo import AUTHORS, commit, copy_bundled, git, init, replace, set_version
from tests.helpers import REPO

ACTION = REPO / "action.yml"
BIN = Path(sys.executable).parent
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_action_matches_the_github_action_schema() -> None:
    done = check_jsonschema("vendor.github-actions", ACTION)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_action_schema_catches_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "action.yml"
    broken.write_text(
        ACTION.read_text(encoding="utf-8").replace("using: composite", "using: compose"),
        encoding="utf-8",
    )
    assert check_jsonschema("vendor.github-actions", broken).returncode == 1


def action() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe", pure=True).load(ACTION.read_text(encoding="utf-8"))
    return data


def test_inputs_reach_scripts_only_through_env() -> None:
    """No ``${{ }}`` inside a script: a branch name or an input cannot inject shell code."""
    for step in action()["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step["name"]


class Runner:
    """Runs the action's shell steps as a runner does: expressions from inputs, github and
    earlier steps' outputs; GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files."""

    def __init__(self, repo: Path, inputs: dict[str, str], base_ref: str) -> None:
        self.repo = repo
        self.inputs = {
            name: str(spec.get("default", "")) for name, spec in action()["inputs"].items()
        } | inputs
        self.github = {"base_ref": base_ref, "action_path": str(REPO)}
        self.outputs: dict[str, dict[str, str]] = {}
        self.summary = repo.parent / "summary.md"
        self.summary.write_text("", encoding="utf-8")
        self.log: list[str] = []

    def value(self, expression: str) -> str:
        scope, _, rest = expression.partition(".")
        if scope == "inputs":
            return self.inputs[rest]
        if scope == "github":
            return self.github[rest]
        if scope == "steps":
            step, _, output = rest.partition(".outputs.")
            return self.outputs.get(step, {}).get(output, "")
        raise AssertionError(f"unknown expression {expression}")

    def condition(self, text: str) -> bool:
        """``a == 'x' && b != ''``: the only form of condition the action uses."""
        result = True
        for clause in text.split("&&"):
            match = re.fullmatch(r"\s*([\w.-]+)\s*(==|!=)\s*'([^']*)'\s*", clause)
            assert match, f"a condition this test does not understand: {text}"
            equal = self.value(match.group(1)) == match.group(3)
            result = result and (equal if match.group(2) == "==" else not equal)
        return result

    def run(self) -> int:
        code = 0
        for step in action()["runs"]["steps"]:
            if "run" not in step or step["name"].startswith("Install"):
                continue  # setup-python and pip install: this test runs in our own venv
            if "if" in step and not self.condition(step["if"]):
                continue
            out_file = self.repo.parent / "output.txt"
            out_file.write_text("", encoding="utf-8")
            env = {
                key: _EXPRESSION.sub(lambda m: self.value(m.group(1)), str(value))
                for key, value in step.get("env", {}).items()
            }
            done = subprocess.run(
                ["bash", "-e", "-c", step["run"]],
                cwd=self.repo,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
                env={
                    **os.environ,
                    "PATH": f"{BIN}:{os.environ['PATH']}",
                    "GITHUB_OUTPUT": str(out_file),
                    "GITHUB_STEP_SUMMARY": str(self.summary),
                    **env,
                },
            )
            self.log.append(done.stdout + done.stderr)
            if "id" in step:
                lines = out_file.read_text(encoding="utf-8").splitlines()
                self.outputs[step["id"]] = dict(line.split("=", 1) for line in lines if line)
            code = done.returncode
            if code:
                break
        return code


def make_pull_request(tmp_path: Path, bump: bool) -> Path:
    """main at 1.0.0 (as origin/main), then a pull request with a new contact point, with or
    without a version bump in the same commit."""
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    set_version(policy, "1.0.0", "2027-01-15")
    base = commit(repo, "Policy 1.0.0", AUTHORS["ann"], "2027-01-10")
    git(repo, "update-ref", "refs/remotes/origin/main", base)
    replace(policy / "contact.yaml", "name: Lien Verhaegen", "name: Pieter Goossens")
    if bump:
        set_version(policy, "1.1.0", "2027-03-01")
    commit(repo, "New communications officer", AUTHORS["sara"], "2027-02-01")
    return repo


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    return make_pull_request(tmp_path, bump=False)


def test_the_action_flags_a_missing_bump_and_writes_the_summary(pull_request: Path) -> None:
    runner = Runner(pull_request, {}, base_ref="main")
    assert runner.run() == 1, runner.log
    annotations = "".join(runner.log)
    assert re.search(r"::error [^\n]*RB901", annotations), annotations
    summary = runner.summary.read_text(encoding="utf-8")
    assert "<del>Lien Verhaegen</del> <ins>Pieter Goossens</ins>" in summary
    assert "### Aanspreekpunt" in summary


def test_the_action_passes_a_bumped_pull_request_in_english(tmp_path: Path) -> None:
    runner = Runner(make_pull_request(tmp_path, bump=True), {"lang": "en"}, base_ref="main")
    assert runner.run() == 0, runner.log
    summary = runner.summary.read_text(encoding="utf-8")
    assert "*Name*: <del>Lien Verhaegen</del> <ins>Pieter Goossens</ins>" in summary
    assert "Your new contact point is Pieter Goossens" in summary  # the staff preview


def test_on_a_push_the_action_lints_without_a_base(pull_request: Path) -> None:
    runner = Runner(pull_request, {}, base_ref="")
    assert runner.run() == 0, runner.log
    assert runner.summary.read_text(encoding="utf-8") == ""


def test_every_finding_reaches_the_summary_and_the_documents_are_made(
    pull_request: Path,
) -> None:
    runner = Runner(pull_request, {"lang": "en"}, base_ref="main")
    assert runner.run() == 1, runner.log
    summary = runner.summary.read_text(encoding="utf-8")
    block = summary.split("### rulebook lint\n\n", 1)[1].split("\n```\n", 1)[0]
    assert block.startswith("```text\n") and "RB901" in block
    assert block.rstrip().splitlines()[-1].startswith("1 finding")  # the summary line too
    folder = Path(runner.outputs["documents"]["dir"])
    assert (folder / "policy.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    from docx import Document as Word

    body = Word(str(folder / "legal-redline.docx")).element.body.xml
    assert re.search(r"<w:ins [^>]*>.*?Pieter Goossens", body, re.S)  # a tracked insertion


def test_a_shallow_clone_still_gets_annotations_then_the_fetch_depth_hint(
    tmp_path: Path,
) -> None:
    source = make_pull_request(tmp_path, bump=False)
    # a finding on the pull request's head, so that annotations are expected
    replace(
        source / "rulebook" / "contact.yaml",
        "email: lien.verhaegen@lindebeek.be",
        "email: lien.verhaegen",
    )
    commit(source, "Unfinished", AUTHORS["sara"], "2027-02-02")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{source}", str(shallow))
    # as actions/checkout leaves it: the pull request's head only, no base branch
    git(shallow, "update-ref", "-d", "refs/remotes/origin/main")
    runner = Runner(shallow, {"artifacts": "false"}, base_ref="main")
    assert runner.run() == 2, runner.log
    log = "".join(runner.log)
    annotation = re.search(r"::error [^\n]*RB40\d", log)
    assert annotation, log  # the annotations came first ...
    assert log.index("fetch-depth: 0", annotation.end()) > annotation.end()  # ... then the fix
    assert annotation.group(0)[-5:] in runner.summary.read_text(encoding="utf-8")
