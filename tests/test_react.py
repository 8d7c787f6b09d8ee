"""``rulebook react``: every path of the bundled scheme, scripted and interactive; bad answers;
Ctrl-C. The expected outcome of each path is computed from the YAML by a walk written here,
independent of policy_rulebook.core.scheme."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.helpers import BUNDLED, EXAMPLES, REPO, run, run_process

WORDS = {"nl": ("ja", "nee"), "en": ("yes", "no")}


def bundled_paths() -> list[tuple[tuple[str, ...], str]]:
    """Every (answers, outcome id) of the bundled scheme, by a plain depth-first walk."""
    data: Any = YAML(typ="safe", pure=True).load((BUNDLED / "reactions.yaml").read_text("utf-8"))
    nodes = {n["id"]: n for n in data["reactions"]["nodes"]}
    found: list[tuple[tuple[str, ...], str]] = []

    def walk(node_id: str, answers: tuple[str, ...]) -> None:
        node = nodes[node_id]
        if "outcome" in node:
            found.append((answers, node_id))
            return
        for answer in ("yes", "no"):
            walk(node[answer], (*answers, answer))

    walk(data["reactions"]["start"], ())
    return found


PATHS = bundled_paths()
OUTCOMES: Any = {
    n["id"]: n
    for n in YAML(typ="safe", pure=True).load((BUNDLED / "reactions.yaml").read_text("utf-8"))[
        "reactions"
    ]["nodes"]
    if "outcome" in n
}


def test_there_are_many_paths_and_every_outcome_is_on_one() -> None:
    assert len(PATHS) >= 12
    assert {outcome for _, outcome in PATHS} == set(OUTCOMES)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("answers", "outcome"), PATHS, ids=["-".join(a) or "none" for a, _ in PATHS]
)
def test_answers_reach_the_right_outcome(
    answers: tuple[str, ...], outcome: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    words = [WORDS[lang][0] if a == "yes" else WORDS[lang][1] for a in answers]
    result = run(capsys, "react", str(BUNDLED), "--lang", lang, "--answers", ",".join(words))
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert [line.rsplit(": ", 1)[1] for line in lines[: len(words)]] == words
    arrow = next(line for line in lines if line.startswith("→ "))
    assert arrow == "→ " + " ".join(OUTCOMES[outcome]["outcome"][lang].split())


def test_english_words_work_in_a_dutch_policy(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "react", str(BUNDLED), "--answers", "Yes, N,n,nee,Ja,nee")
    assert result.code == 0
    assert "[ja/nee/?]: Yes" in result.out and "→ Laat het bericht staan" in result.out


def test_outcome_shows_guidance_scenarios_and_house_rules(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(capsys, "react", str(BUNDLED), "--lang", "en", "--answers", "yes,no,yes").out
    assert "→ Do not respond to the post. Monitor it and notify the communications officer." in out
    assert "Take a screenshot with date and link" in out
    assert "Scenarios on this path:\n- Racist comment under a post" in out
    assert "House rules:\n- Discrimination (remove)" in out
    assert "- Political messages (remove)" in out


def test_house_rules_by_action_when_no_scenario_names_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = EXAMPLES / "scheme" / "airforce"
    out = run(capsys, "react", str(policy), "--answers", "yes,no,yes").out
    assert "→ Don't respond to the post; monitor it; notify the head office." in out
    assert "House rules" not in out  # this policy has none


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (
            "ja,misschien",
            "answer 2 of --answers, `misschien`, is not yes or no (at the question `positive`)",
        ),
        ("ja,nee", "--answers ran out at the question `trolling`: add an answer"),
        (
            "nee,ja",
            "the outcome `nothing-to-do` was reached after 1 answers, but --answers has 1 "
            "more: remove them",
        ),
        ("", "answer 1 of --answers, ``, is not yes or no (at the question `discovered`)"),
    ],
)
def test_bad_scripted_answers_exit_2(
    answers: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "react", str(BUNDLED), "--lang", "en", "--answers", answers)
    assert result.code == 2
    assert result.err.splitlines()[-1] == f"rulebook: error: {message}"


def test_interactive_asks_again_and_explains(tmp_path: Path) -> None:
    result = run_process("react", str(BUNDLED), stdin="ja\nmisschien\n?\nnee\nnee\nnee\nnee\nnee\n")
    assert result.code == 0, result.err
    assert "Antwoord met ja of nee.\n" in result.out
    assert "  Evenwichtig betekent dat de schrijver ook kritisch mag zijn" in result.out
    assert "→ Laat het bericht staan, zonder reactie." in result.out


def test_end_of_input_is_an_input_error() -> None:
    result = run_process("react", str(BUNDLED), "--lang", "en", stdin="yes\n")
    assert result.code == 2
    assert result.err == (
        "rulebook: error: no answer to the question `positive` (the input ended)\n"
    )


def test_broken_scheme_stops_with_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "af"
    import shutil

    shutil.copytree(EXAMPLES / "scheme" / "airforce", policy)
    shutil.copy(EXAMPLES / "scheme" / "broken" / "self-loop" / "reactions.yaml", policy)
    result = run(capsys, "react", str(policy), "--answers", "yes,yes,yes,yes,no")
    assert result.code == 2
    assert "goes round in a circle at `final`: run `rulebook lint`" in result.err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_exits_130() -> None:
    script = Path(sys.executable).parent / "rulebook"
    process = subprocess.Popen(
        [str(script), "react", str(BUNDLED)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    seen = b""
    while not seen.endswith(b"[ja/nee/?]: "):  # wait for the first prompt, then press Ctrl-C
        chunk = os.read(process.stdout.fileno(), 1)
        assert chunk, seen
        seen += chunk
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.strip() == b"rulebook: onderbroken"  # a Dutch policy: Dutch messages
