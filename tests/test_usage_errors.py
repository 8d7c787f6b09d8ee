"""One language per reader: Click's usage errors, an unknown ``--lang`` or ``RULEBOOK_LANG``,
and a policy whose meta.yaml is broken, each in the reader's language, on one line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_rulebook.core import i18n
from tests.helpers import BUNDLED, overlay, run, run_process

#: (arguments, the line in nl, en and fr)
USAGE = [
    (
        ["lint", "--nope"],
        {
            "nl": "de optie --nope bestaat niet; bedoelde je --ignore? "
            "(zie `rulebook lint --help`)",
            "en": "no such option --nope; did you mean --ignore? (see `rulebook lint --help`)",
            "fr": "l’option --nope n’existe pas ; vouliez-vous dire --ignore ? "
            "(voir `rulebook lint --help`)",
        },
    ),
    (
        ["diff"],
        {
            "nl": "de optie --from ontbreekt (zie `rulebook diff --help`)",
            "en": "missing option --from (see `rulebook diff --help`)",
            "fr": "l’option --from manque (voir `rulebook diff --help`)",
        },
    ),
    (
        ["lint", "--format", "xyz"],
        {
            "nl": "ongeldige waarde 'xyz' voor --format: kies uit text, json, github, sarif, "
            "junit, gitlab",
            "en": "invalid value 'xyz' for --format: use one of text, json, github, sarif, "
            "junit, gitlab",
            "fr": "valeur non valide 'xyz' pour --format : choisissez parmi text, json, github, "
            "sarif, junit, gitlab",
        },
    ),
    (
        ["lint", "rulebook", "extra"],
        {
            "nl": "onverwacht extra argument extra (zie `rulebook lint --help`)",
            "en": "unexpected extra argument extra (see `rulebook lint --help`)",
            "fr": "argument supplémentaire inattendu extra (voir `rulebook lint --help`)",
        },
    ),
]
PREFIX = {"nl": "rulebook: fout: ", "en": "rulebook: error: ", "fr": "rulebook: erreur : "}


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize(("args", "lines"), USAGE, ids=lambda a: str(a)[:20])
def test_clicks_usage_errors_speak_the_readers_language_on_one_line(
    lang: str, args: list[str], lines: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # --lang after the mistake too: Click refuses the line before it reads --lang
    result = run(capsys, *args, "--lang", lang)
    assert result.code == 2 and result.out == ""
    assert result.err == PREFIX[lang] + lines[lang] + "\n"


@pytest.mark.parametrize("value", ["de", "xx", "de-DE"])
def test_an_unknown_lang_is_a_usage_error_listing_the_languages(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "lint", "--lang", value, str(BUNDLED))
    assert result.code == 2 and result.out == ""
    assert f"{value!r} is not a language of rulebook's messages" in result.err
    assert "nl, en, fr" in result.err and len(result.err.splitlines()) == 1


@pytest.mark.parametrize("value", ["de", "xx"])
def test_an_unknown_rulebook_lang_is_a_usage_error_too(value: str, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    script = Path(sys.executable).parent / "rulebook"
    done = subprocess.run(
        [str(script), "rules"],
        env={**os.environ, "RULEBOOK_LANG": value},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        f"rulebook: error: RULEBOOK_LANG: {value!r} is not a language of rulebook's messages: "
        "use one of nl, en, fr\n"
    )


def test_a_regional_lang_is_its_language() -> None:
    result = run_process("rules", "--lang", "nl-BE")
    assert result.code == 0 and "controles" in result.out


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        # the YAML mistake is elsewhere in meta.yaml: its languages line is read as text
        ("meta:\n  version: 2.1.0\n   status: [draft\n  languages: [nl, en]\n", "fout RB001"),
        ("meta:\n  languages:\n    - fr\n    - en\n  version: 2.1.0\n   x: [\n", "erreur RB001"),
        # no languages line at all: the language most texts of the other files name first
        ("meta: [\n", "fout RB001"),
    ],
)
def test_a_broken_meta_yaml_keeps_the_policys_language(
    meta: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = overlay(tmp_path, "")
    (target / "meta.yaml").write_text(meta, encoding="utf-8")
    result = run(capsys, "lint", str(target))
    assert result.code == 1 and expected in result.out, result.out


def test_without_lang_a_usage_error_speaks_the_policy_of_the_folder(tmp_path: Path) -> None:
    """As lint would: the folder's policy is Dutch, so is the usage error."""
    overlay(tmp_path, "")
    result = run_process("lint", "--nope", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("rulebook: fout: de optie --nope bestaat niet")
    elsewhere = run_process("lint", "--nope", cwd=tmp_path / "rulebook")  # no policy below
    assert elsewhere.err.startswith("rulebook: error: no such option")
