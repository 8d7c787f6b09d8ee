"""Suppressions end to end: ``# rulebook: ignore[CODE] reason: ... until: ...`` on an item."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_rulebook.core import loader
from policy_rulebook.core.document import Document
from policy_rulebook.linter import engine
from policy_rulebook.linter.checks import BY_CODE, Context
from policy_rulebook.linter.suppressions import comment_start, parse
from tests.helpers import BUNDLED, TODAY, run

# Written against the English wording (the bundled policy is Dutch; see test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")

ITEM = re.compile(r"^    - id: \S+$")


def policy(tmp_path: Path, comment_0: str = "", comment_1: str = "", above_0: str = "") -> Path:
    """The bundled policy with the English text of the first two do's removed (two RB301
    findings, on /conduct/dos/0/text and /conduct/dos/1/text) and comments added to them.
    Found by structure, not by wording: the bundled policy changes with new versions."""
    target = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, target)
    conduct = target / "conduct.yaml"
    lines = conduct.read_text(encoding="utf-8").splitlines()
    dos = lines.index("  dos:")
    items = [i for i in range(dos + 1, len(lines)) if ITEM.match(lines[i])][:2]
    for item in reversed(items):  # from the bottom up: the indices above stay valid
        text = lines.index("      text:", item)
        english = next(
            i for i in range(text + 1, len(lines)) if lines[i].startswith("        en: ")
        )
        assert not lines[english + 1].startswith("         ")  # one line of text
        del lines[english]
    lines[items[1]] += comment_1
    lines[items[0]] += comment_0
    if above_0:
        lines.insert(items[0], above_0.rstrip("\n"))
    conduct.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def item_line(path: Path) -> tuple[int, str]:
    """The line number and text of the first do in a policy made by ``policy``."""
    lines = (path / "conduct.yaml").read_text(encoding="utf-8").splitlines()
    dos = lines.index("  dos:")
    number = next(i for i in range(dos + 1, len(lines)) if lines[i].startswith("    - id: "))
    return number + 1, lines[number]


def lint_json(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> Any:
    result = run(capsys, "lint", "--format", "json", "--today", TODAY.isoformat(), *args, str(path))
    data: dict[str, Any] = json.loads(result.out)
    data["exit"] = result.code
    return data


def codes(data: Any) -> list[tuple[str, str]]:
    findings = data["findings"]
    return [(f["code"], f["path"]) for f in findings]


def test_without_suppressions_both_items_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = lint_json(capsys, policy(tmp_path))
    assert codes(data) == [("RB301", "/conduct/dos/0/text"), ("RB301", "/conduct/dos/1/text")]
    assert data["exit"] == 0  # warnings


def test_a_suppression_silences_its_item_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = policy(
        tmp_path,
        comment_0="  # rulebook: ignore[RB301] reason: vertaling volgt in juni  until: 2027-06-30",
    )
    data = lint_json(capsys, path)
    assert codes(data) == [("RB301", "/conduct/dos/1/text")]
    [waived] = data["suppressed"]
    line, _ = item_line(path)
    assert waived["code"] == "RB301" and waived["path"] == "/conduct/dos/0/text"
    assert waived["reason"] == "vertaling volgt in juni"
    assert waived["until"] == "2027-06-30"
    assert waived["suppressed_at"]["line"] == line
    assert data["summary"]["suppressed"] == 1


def test_a_suppression_on_the_line_before_the_item(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = policy(tmp_path, above_0="    # rulebook: ignore[RB301] reason: follows in June\n")
    assert codes(lint_json(capsys, path)) == [("RB301", "/conduct/dos/1/text")]


def test_show_suppressed_lists_the_waivers_with_reason_and_expiry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = policy(
        tmp_path, comment_0="  # rulebook: ignore[RB301] reason: follows in June until: 2027-06-30"
    )
    plain = run(capsys, "lint", "--today", TODAY.isoformat(), str(path))
    assert "1 suppressed." in plain.out and "waived" not in plain.out
    shown = run(capsys, "lint", "--show-suppressed", "--today", TODAY.isoformat(), str(path))
    lines = shown.out.splitlines()
    start = lines.index("Suppressed (1), with the reason given:")
    assert " warning RB301 the text of `" in lines[start + 1]
    assert "field `text` has no en version" in lines[start + 1]
    assert Path(lines[start + 1].split(":")[0]).resolve() == (path / "conduct.yaml").resolve()
    line, _ = item_line(path)
    assert lines[start + 2] == f"    waived at line {line}, until 2027-06-30: follows in June"


def test_a_suppression_without_reason_silences_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = lint_json(capsys, policy(tmp_path, comment_0="  # rulebook: ignore[RB301]"))
    assert ("RB051", "/conduct/dos/0") in codes(data)
    assert ("RB301", "/conduct/dos/0/text") in codes(data)
    assert data["suppressed"] == [] and data["exit"] == 1


def test_an_unused_suppression_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = policy(tmp_path, comment_0="  # rulebook: ignore[RB301, RB103] reason: follows")
    data = lint_json(capsys, path)
    assert codes(data) == [("RB052", "/conduct/dos/0"), ("RB301", "/conduct/dos/1/text")]
    findings = data["findings"]
    assert isinstance(findings, list) and "RB103" in findings[0]["message"]


def test_an_expired_suppression_no_longer_silences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = policy(tmp_path, comment_0="  # rulebook: ignore[RB301] reason: June until: 2026-06-30")
    data = lint_json(capsys, path)
    assert codes(data)[:2] == [("RB053", "/conduct/dos/0"), ("RB301", "/conduct/dos/0/text")]
    assert "expired on 2026-06-30" in data["findings"][0]["message"]
    # the day itself still counts (RB523: on that day the policy was not adopted yet)
    assert codes(lint_json(capsys, path, "--today", "2026-06-30", "--ignore", "RB523")) == [
        ("RB301", "/conduct/dos/1/text")
    ]


@pytest.mark.parametrize(
    ("comment", "words"),
    [
        ("  # rulebook: ignore RB301 reason: x", "is not a suppression"),
        ("  # rulebook: ignore[] reason: x", "names no code"),
        ("  # rulebook: ignore[RB999] reason: x", "`RB999` is not the code of a check"),
        ("  # rulebook: ignore[RB052] reason: x", "cannot be silenced"),
        ("  # rulebook: ignore[RB301] reason: x until: June", "`until: June` is not a date"),
        ("  # rulebook: ignore[RB301] reason: x until: 20270630", "`until: 20270630` is not a"),
        ("  # rulebook: ignore[RB301] reason: x until: 2027-02-30", "`until: 2027-02-30` is not"),
        ("  # rulebook: ignore[RB301] because x", "write the reason after `reason:`"),
    ],
)
def test_a_malformed_suppression_is_reported(
    comment: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = policy(tmp_path, comment_0=comment)
    data = lint_json(capsys, path)
    line, text = item_line(path)
    findings = data["findings"]
    assert isinstance(findings, list)
    malformed = [f for f in findings if f["code"] == "RB050"]
    assert len(malformed) == 1 and words in malformed[0]["message"]
    assert (malformed[0]["line"], malformed[0]["column"]) == (line, len(text) - len(comment) + 3)
    assert ("RB301", "/conduct/dos/0/text") in codes(data)


def test_a_suppression_on_no_item(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = policy(tmp_path)
    conduct = path / "conduct.yaml"
    conduct.write_text(
        conduct.read_text(encoding="utf-8") + "# rulebook: ignore[RB301] reason: at the end\n",
        encoding="utf-8",
    )
    data = lint_json(capsys, path)
    assert [f["message"] for f in data["findings"] if f["code"] == "RB050"] == [
        "the suppression is not on an item: put it on the line of the item's key, or on its "
        "own line directly before it"
    ]


def test_a_section_level_suppression_covers_everything_inside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = policy(tmp_path)
    conduct = path / "conduct.yaml"
    conduct.write_text(
        conduct.read_text(encoding="utf-8").replace(
            "\nconduct:\n", "\nconduct:  # rulebook: ignore[RB301] reason: translation round\n"
        ),
        encoding="utf-8",
    )
    data = lint_json(capsys, path)
    assert codes(data) == [] and len(data["suppressed"]) == 2


def test_a_suppression_for_a_check_that_did_not_run_is_not_unused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = policy(tmp_path, comment_0="  # rulebook: ignore[RB301] reason: follows in June")
    assert codes(lint_json(capsys, path, "--ignore", "RB3")) == []


def test_quoted_hash_is_not_a_comment() -> None:
    assert comment_start("text: 'see # rulebook: ignore[RB301]'") == -1
    assert comment_start('text: "a # b"  # real') == 15
    assert comment_start("text: it's # here") == 11
    assert comment_start("url: https://x.be/#rulebook:") == -1
    assert comment_start("text: 'it''s # not' # yes") == 20
    assert comment_start('text: "a \\" # not" # yes') == 19


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\n\r"),
        max_size=60,
    )
)
def test_any_comment_text_parses_without_error(body: str) -> None:
    document = Document(source="x")
    loader.load_text(document, "x.yaml", f"meta:  # rulebook:{body}\n".encode())
    for suppression in parse(document, BY_CODE):
        assert suppression.problem or suppression.codes
    engine.lint(document, Context(today=TODAY))


def test_a_finding_without_a_pointer_is_silenced_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = policy(tmp_path)
    conduct = path / "conduct.yaml"
    _, first = item_line(path)
    conduct.write_text(
        conduct.read_text(encoding="utf-8").replace(
            first + "\n",
            first
            + "\n      id: again  # rulebook: ignore[RB002] reason: test of a duplicate key\n",
        ),
        encoding="utf-8",
    )
    data = lint_json(capsys, path)
    assert [s["code"] for s in data["suppressed"]] == ["RB002"]
    assert "RB002" not in [code for code, _ in codes(data)]
    assert "RB052" not in [code for code, _ in codes(data)]


_VALUE = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=40),
    st.text(alphabet="#'\" -:[]{},ab\\", max_size=20),
)


@given(_VALUE, st.sampled_from(["mapping", "flow", "list"]))
def test_a_hash_inside_any_yaml_value_is_not_a_comment(value: str, kind: str) -> None:
    """Whatever text a value holds, as YAML writes it on one line (in a mapping, a flow list or
    a block list), a comment is found after it and never inside it."""
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.width = 10_000
    if kind == "flow":
        yaml.default_flow_style = True
    data: object = (
        {"text": value}
        if kind == "mapping"
        else ({"text": [value, value]} if kind == "flow" else [value])
    )
    stream = io.StringIO()
    yaml.dump(data, stream)
    lines = stream.getvalue().splitlines()
    if len(lines) != 1:
        return  # a value that YAML writes over several lines (a block scalar)
    line = lines[0]
    assert comment_start(line) == -1
    assert comment_start(line + "  # rulebook: x") == len(line) + 2
