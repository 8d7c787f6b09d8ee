"""Configuration: found upward, ``--config``, validated with exit 2 naming the key, overridden
by options."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_rulebook.core.schema import load_schema
from tests.helpers import BUNDLED, REPO, run, run_process

# Written against the English wording (the bundled policy is Dutch; see test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with the bundled policy in ``policy/`` and an overdue review (RB501, warning);
    the working directory is a subdirectory, so the configuration is found upward."""
    shutil.copytree(BUNDLED, tmp_path / "policy")
    meta = tmp_path / "policy" / "meta.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("review_by: 2028-09-01", "review_by: 2026-01-01"),
        encoding="utf-8",
    )
    (tmp_path / "sub" / "dir").mkdir(parents=True)
    (tmp_path / ".git").mkdir()  # found upward inside the repository, never above it
    monkeypatch.chdir(tmp_path / "sub" / "dir")
    return tmp_path


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    result = run(capsys, "lint", "--format", "json", *args)
    assert result.code in (0, 1), result.err
    return result.code, json.loads(result.out)


def found(payload: Any) -> list[str]:
    return [f["code"] for f in payload["findings"]]


def test_pyproject_is_found_upward(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.rulebook]\npath = "policy"\ntoday = 2026-11-27\n'
        'fail-on = "warning"\n',
        encoding="utf-8",
    )
    code, payload = lint(capsys)
    assert (code, found(payload)) == (1, ["RB501"])
    assert "330 day(s) ago" in payload["findings"][0]["message"]  # today from the file


def test_rulebook_yaml_wins_over_pyproject_in_the_same_directory(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text('[tool.rulebook]\npath = "nowhere"\n', encoding="utf-8")
    (project / ".rulebook.yaml").write_text("path: policy\nignore: [RB5]\n", encoding="utf-8")
    code, payload = lint(capsys)
    assert (code, found(payload)) == (0, [])


def test_pyproject_without_the_table_is_passed_over(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (project / ".rulebook.yaml").write_text("path: policy\nformat: text\n", encoding="utf-8")
    result = run(capsys, "lint")
    assert result.code == 0 and " warning RB501 " in result.out


def test_options_override_the_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".rulebook.yaml").write_text(
        "path: policy\nfail-on: warning\nignore: [RB501]\nformat: github\n", encoding="utf-8"
    )
    assert found(lint(capsys)[1]) == []
    code, payload = lint(capsys, "--ignore", "RB6", "--fail-on", "error")
    assert (code, found(payload)) == (0, ["RB501"])
    assert lint(capsys, "--ignore", "RB6")[0] == 1  # fail-on from the file again


def test_path_argument_overrides_the_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".rulebook.yaml").write_text("path: nowhere\n", encoding="utf-8")
    result = run(capsys, "lint", str(project / "policy"))
    assert result.code == 0, result.err


def test_config_option_names_the_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = project / "ci.yaml"
    other.write_text("path: policy\nseverity: {RB501: error}\n", encoding="utf-8")
    code, payload = lint(capsys, "--config", str(other))
    assert (code, [f["severity"] for f in payload["findings"]]) == (1, ["error"])


def test_select_by_prefix(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".rulebook.yaml").write_text("path: policy\nselect: [RB1, RB2]\n", encoding="utf-8")
    assert found(lint(capsys)[1]) == []
    assert found(lint(capsys, "--select", "RB1,RB5")[1]) == ["RB501"]


def test_max_file_size(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".rulebook.yaml").write_text("path: policy\nmax-file-size: 100\n", encoding="utf-8")
    assert "RB006" in found(lint(capsys)[1])


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "fail-on: sometimes\n",
            "`fail-on`: 'sometimes' is not allowed: use one of error, warning",
        ),
        ("colour: red\n", "unknown key `colour` (the keys are path, format, select"),
        ("select: RB1\n", "`select`: 'RB1' should be a list"),
        ("show-suppressed: 1\n", "`show-suppressed`: 1 should be true or false"),
        ("severity: {rb301: error}\n", "`severity`: 'rb301' is not a code such as RB301"),
        ("select: [RB88]\n", "`select`: 'RB88' matches no check"),
        ("ignore: [E501]\n", "`ignore.0`: 'E501' is not a code or prefix such as RB301 or RB3"),
        ("severity: {RB301: fatal}\n", "`severity.RB301`: 'fatal' is not allowed"),
        ("severity: {RB999: error}\n", "`severity`: 'RB999' is not the code of a check"),
        ("today: tomorrow\n", "`today`: 'tomorrow' is not a date in the form YYYY-MM-DD"),
        ("today: 2026-02-30\n", "`today`: '2026-02-30' is not a real date"),
        ("max-file-size: 0\n", "`max-file-size`: 0 is less than the minimum of 1"),
        ("- path\n", "the configuration must be a mapping"),
        # told at the `[` left open, not at the end where the reader stopped
        ("path: [unclosed\n", "cannot be read at line 1, column 7: the `[` at the start of this"),
        # valid YAML, but a key twice: not called "not valid YAML"
        ("format: text\nformat: json\n", "cannot be read at line 2, column 1: the key `format`"),
        (
            "format: \x01\n",
            "cannot be read at line 1, column 9: the file holds the character U+0001",
        ),
    ],
)
def test_a_bad_config_is_exit_2_naming_the_key(
    text: str, words: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".rulebook.yaml").write_text(text, encoding="utf-8")
    result = run(capsys, "lint", str(project / "policy"))
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("rulebook: error: ") and result.err.count("\n") == 1
    assert ".rulebook.yaml: " in result.err and words in result.err, result.err


def test_a_bad_pyproject_table_names_it(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.rulebook]\nfail-on = "never"\n', encoding="utf-8"
    )
    result = run_process("lint", cwd=project / "sub")
    assert result.code == 2 and "Traceback" not in result.err
    assert (
        "pyproject.toml: [tool.rulebook] `fail-on`: 'never' is not allowed: use one of "
        "error, warning"
    ) in result.err


def test_broken_toml_is_exit_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text("[tool.rulebook\n", encoding="utf-8")
    result = run(capsys, "lint")
    assert result.code == 2 and "not valid TOML" in result.err


def test_missing_config_file_and_bad_select_option(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = run(capsys, "lint", "--config", "nope.yaml", str(project / "policy"))
    assert missing.code == 2 and "nope.yaml: no such configuration file" in missing.err
    bad = run(capsys, "lint", "--select", "RB88", str(project / "policy"))
    assert bad.code == 2 and "--select: 'RB88' matches no check" in bad.err


def test_the_config_schema_documents_every_property() -> None:
    schema = load_schema("config.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    for name, prop in schema["properties"].items():
        assert prop.get("title") and prop.get("description"), name


def test_the_repository_example_config_is_valid() -> None:
    from policy_rulebook.linter.config_file import read

    assert read(REPO / "examples" / "rulebook.yaml")["fail-on"] == "warning"


_KEYS = st.sampled_from(
    [
        "path",
        "format",
        "select",
        "ignore",
        "severity",
        "fail-on",
        "today",
        "max-file-size",
        "show-suppressed",
        "colour",
        "RB301",
    ]
)
_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 10**7)
    | st.floats(allow_nan=False)
    | st.sampled_from(
        [
            "error",
            "warning",
            "RB",
            "RB3",
            "RB301",
            "RB999",
            "2026-11-27",
            "2026-02-30",
            "text",
            "sarif",
            "x",
        ]
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_KEYS, _VALUES, max_size=5))
def test_any_config_gives_settings_or_a_one_line_error(values: dict[str, Any]) -> None:
    from policy_rulebook.core.findings import InputError
    from policy_rulebook.linter.config import load

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / ".rulebook.yaml"
        path.write_text(json.dumps(values), encoding="utf-8")  # JSON is YAML
        try:
            result = load(path, Path(directory), {})
        except InputError as error:
            assert "\n" not in str(error) and str(error).startswith(str(path))
        else:
            assert result.source == Path(os.path.relpath(path)) or result.source == path
