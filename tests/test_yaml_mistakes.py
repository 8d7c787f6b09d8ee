"""The ten commonest YAML mistakes of people who do not write YAML (docs/yaml-mistakes.md):
each written into a copy of the bundled policy gives one finding, in plain words, at the
right line and column, saying what to type instead."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_rulebook.core import i18n, yaml_mistakes
from tests.helpers import BUNDLED, run


@dataclass(frozen=True)
class Case:
    file: str
    old: str  # a line of the bundled policy (a regular expression)
    new: str
    code: str
    line: int
    column: int
    nl: str  # words of the Dutch message
    en: str  # words of the English message


CASES = {
    "tab": Case(
        "meta.yaml",
        r"  organisation: Stad Lindebeek",
        "\torganisation: Stad Lindebeek",
        "RB001",
        5,
        1,
        "vervang de tab door spaties",
        "replace the tab with spaces",
    ),
    "colon-in-text": Case(
        "meta.yaml",
        r"    nl: Socialemediabeleid van Stad Lindebeek",
        "    nl: Socialemediabeleid: zo doen we het",
        "RB001",
        7,
        9,
        "zet de tekst tussen aanhalingstekens",
        "put the text between double",
    ),
    "indentation-in-list-item": Case(
        "meta.yaml",
        r"      en: An information session for all departments.*",
        "     en: An information session for all departments.",
        "RB001",
        33,
        6,
        "de andere velden van dit item beginnen op 6 (zoals `nl` op regel 37)",
        "the other fields of this item start at 6 (like `nl` on line 37)",
    ),
    "dash-out-of-step": Case(
        "conduct.yaml",
        r"    - id: react-in-anger",
        "      - id: react-in-anger",
        "RB001",
        150,
        7,
        "deze `- ` staat op 6 spaties, de andere items van `donts` beginnen op 4",
        "this `- ` is at 6 spaces, the other items of `donts` start at 4",
    ),
    "field-out-of-step": Case(
        "meta.yaml",
        r"  version: 2.1.0",
        "   version: 2.1.0",
        "RB001",
        10,
        4,
        "de andere velden van `meta` beginnen op 2",
        "the other fields of `meta` start at 2",
    ),
    "quote-at-start": Case(
        "conduct.yaml",
        r"        nl: Deel nooit de wachtwoorden .*",
        '        nl: "Deel nooit" is ons motto. Wachtwoorden blijven geheim.',
        "RB001",
        142,
        13,
        "de aanhalingstekens erin enkel",
        "put the whole text in double quotes and the inner ones in single quotes",
    ),
    "at-sign-at-start": Case(
        "channels.yaml",
        r'      handle: "@stadlindebeek"',
        "      handle: @stadlindebeek",
        "RB001",
        8,
        15,
        "begint met `@`, en daarmee mag een tekst in YAML niet beginnen: zet de tekst tussen "
        'dubbele aanhalingstekens, zoals `handle: "@stadlindebeek"`',
        "starts with `@`, which YAML does not accept at the start of a text: put the text "
        'between double quotes, like `handle: "@stadlindebeek"`',
    ),
    "bracket-at-start": Case(
        "contact.yaml",
        r"      nl: Communicatieverantwoordelijke",
        "      nl: [Naam] is onze woordvoerder",
        "RB001",
        19,
        11,
        "begint met `[`, en daarmee mag een tekst in YAML niet beginnen: zet de tekst tussen "
        'dubbele aanhalingstekens, zoals `nl: "[Naam] is onze woordvoerder"`',
        "starts with `[`, which YAML does not accept at the start of a text: put the text "
        'between double quotes, like `nl: "[Naam] is onze woordvoerder"`',
    ),
    "unclosed-bracket": Case(  # the reader stops on the next line; the hint points back
        "contact.yaml",
        r"      nl: Communicatieverantwoordelijke",
        "      nl: [naam invullen",
        "RB001",
        19,
        11,
        "wordt nooit gesloten: sluit de lijst af met `]`, of zet de tekst tussen dubbele "
        'aanhalingstekens als de `[` bij de tekst hoort, zoals `nl: "[naam invullen"`',
        "is never closed: end the list with `]`, or, if the `[` belongs to the text, put the "
        'text between double quotes, like `nl: "[naam invullen"`',
    ),
    "apostrophe-at-start": Case(  # Dutch: 's avonds, 's morgens, 's-Hertogenbosch
        "contact.yaml",
        r"      nl: Communicatieverantwoordelijke",
        "      nl: 's Avonds bereikbaar via de webcare",
        "RB001",
        19,
        11,
        "deze tekst begint met een apostrof, en die leest YAML als een openend aanhalingsteken: "
        """zet de hele tekst tussen dubbele aanhalingstekens, zoals `nl: "'s Avonds""",
        "this text starts with an apostrophe, which YAML reads as an opening quote: put the "
        """whole text between double quotes, like `nl: "'s Avonds""",
    ),
    "missing-colon": Case(
        "contact.yaml",
        r"    email: lien.verhaegen@lindebeek.be",
        "    email lien.verhaegen@lindebeek.be",
        "RB001",
        21,
        10,
        "na `email` ontbreekt een `:`: schrijf `email: lien.verhaegen@lindebeek.be`",
        "a `:` is missing after `email`: write `email: lien.verhaegen@lindebeek.be`",
    ),
    "dash-without-space": Case(
        "roles.yaml",
        r"    - id: communications-officer",
        "    -id: communications-officer",
        "RB001",
        17,
        6,
        "na de `-` van dit lijstitem ontbreekt een spatie: schrijf `- id:`",
        "a space is missing after the `-` of this list item: write `- id:`",
    ),
    "hashtag-as-the-whole-text": Case(  # YAML reads an empty value, and no error
        "contact.yaml",
        r"      nl: Communicatieverantwoordelijke",
        "      nl: #lindebeek is onze hashtag",
        "RB100",
        19,
        7,
        "is leeg, want YAML leest `#` en de rest van de regel als commentaar: zet de tekst "
        'tussen dubbele aanhalingstekens om de hashtag te houden, zoals `nl: "#lindebeek is',
        "is empty, because YAML reads `#` and the rest of the line as a comment: to keep the "
        'hashtag, put the text between double quotes, like `nl: "#lindebeek is onze hashtag"`',
    ),
    "ampersand-word-at-start": Case(  # valid YAML: the word is an anchor, silently dropped
        "contact.yaml",
        r"      nl: Communicatieverantwoordelijke",
        "      nl: &Co is onze woordvoerder",
        "RB021",
        19,
        11,
        "YAML leest `&Co` aan het begin van deze waarde als een naam om te hergebruiken (een "
        "anker), niet als tekst, dus de tekst is 'is onze woordvoerder'",
        "YAML reads `&Co` at the start of this value as a name for reuse (an anchor), not as "
        """text, so the text is 'is onze woordvoerder'; if `&Co` belongs to the text, put the """
        """whole text between double quotes, like `"&Co is onze woordvoerder"`""",
    ),
    "short-version": Case(
        "meta.yaml",
        r"  version: 2.1.0",
        "  version: 2.2",
        "RB100",
        10,
        3,
        "schrijf alle drie de delen, zoals `version: 2.2.0`",
        "write all three parts, like `version: 2.2.0`",
    ),
    "star-at-start": Case(
        "meta.yaml",
        r"    nl: Socialemediabeleid van Stad Lindebeek",
        "    nl: *Nieuw* socialemediabeleid",
        "RB001",
        7,
        9,
        "begint met `*`",
        "starts with `*`",
    ),
    "ampersand-at-start": Case(
        "meta.yaml",
        r"    nl: Socialemediabeleid van Stad Lindebeek",
        "    nl: & zo verder",
        "RB001",
        7,
        9,
        "begint met `&`",
        "starts with `&`",
    ),
    "non-breaking-space": Case(
        "meta.yaml",
        r"  organisation: Stad Lindebeek",
        "\u00a0 organisation: Stad Lindebeek",
        "RB001",
        5,
        1,
        "typ een gewone spatie",
        "type a normal space",
    ),
    "zero-width-space": Case(
        "meta.yaml",
        r"  organisation: Stad Lindebeek",
        "  \u200borganisation: Stad Lindebeek",
        "RB100",
        5,
        3,
        "wis de naam en typ hem opnieuw",
        "delete the name and type it",
    ),
    "unclosed-quote": Case(
        "meta.yaml",
        r"    nl: Socialemediabeleid van Stad Lindebeek",
        '    nl: "Socialemediabeleid van Stad Lindebeek',
        "RB001",
        7,
        9,
        "wordt nooit gesloten",
        "is never closed",
    ),
    "missing-dash": Case(
        "meta.yaml",
        r"    - nl: Een korte toelichting in het onthaaltraject.*",
        "      nl: Een korte toelichting.",
        "RB002",
        42,
        7,
        "typ dan `- ` voor `nl`",
        "type `- ` before `nl`",
    ),
    "leading-zero": Case(
        "contact.yaml",
        r"    phone: .*",
        "    phone: 0479123456",
        "RB100",
        22,
        5,
        "zet het tussen aanhalingstekens",
        "put it between double quotes",
    ),
    "yes-no-answer": Case(
        "legal.yaml",
        r"      applies_to_private_accounts: true",
        "      applies_to_private_accounts: ja",
        "RB100",
        39,
        7,
        "schrijf true (voor ja) of false (voor nee)",
        "write true (for yes, ja, oui) or false",
    ),
    "date-format": Case(
        "meta.yaml",
        r"  review_by: 2028-09-01",
        "  review_by: 01/09/2028",
        "RB100",
        16,
        3,
        "Schrijf `2028-09-01`",
        "Write `2028-09-01`",
    ),
}


def _line_of(case: Case) -> int:
    """The line of the bundled policy that the case changes."""
    lines = (BUNDLED / case.file).read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if re.fullmatch(case.old, line))


def _policy_with(tmp_path: Path, case: Case) -> Path:
    target = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, target)
    path = target / case.file
    text, count = re.subn(
        f"^{case.old}$", lambda _m: case.new, path.read_text("utf-8"), count=1, flags=re.MULTILINE
    )
    assert count == 1, case.old
    path.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_one_plain_finding_at_the_mistake(
    name: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[name]
    target = _policy_with(tmp_path, case)
    result = run(
        capsys, "lint", "--lang", lang, "--format", "json", "--today", "2026-11-27", str(target)
    )
    findings = json.loads(result.out)["findings"]
    assert len(findings) == 1, findings
    finding = findings[0]
    # the mistake's line as it is in the bundled policy today (``case.line`` is where it was when
    # the table in docs/yaml-mistakes.md was written; the policy grows)
    assert (finding["code"], finding["line"], finding["column"]) == (
        case.code,
        _line_of(case),
        case.column,
    )
    assert Path(finding["file"]).name == case.file
    assert (case.nl if lang == "nl" else case.en) in finding["message"]
    for parser_words in ("cannot start any token", "mapping values", "<block end>", "<scalar>"):
        assert parser_words not in finding["message"]


def test_dutch_is_the_default_for_a_dutch_policy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With meta.yaml readable, the policy's first language (nl) is the default; a broken
    meta.yaml leaves the environment's language (the policy's languages are unknown)."""
    tab_in_contact = Case(
        "contact.yaml", r"    phone: .*", "\tphone: 03 123 45 67", "RB001", 22, 1, "", ""
    )
    target = _policy_with(tmp_path, tab_in_contact)
    result = run(capsys, "lint", str(target))
    assert "contact.yaml:22:1: fout RB001 deze regel springt in met een tab" in result.out
    assert "1 melding (1 fout, 0 waarschuwingen) in 9 bestanden." in result.out


def test_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = _policy_with(tmp_path, CASES["colon-in-text"])
    result = run(capsys, "lint", "--lang", "fr", str(target))
    assert "erreur RB001 ce texte contient deux-points" in result.out
    assert "mettez le texte entre guillemets droits" in result.out


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list(" \t-:#*&'\"abc\n\u00a0\u200b")), max_size=80),
    problem=st.sampled_from(
        [
            "found character '\\t' that cannot start any token",
            "mapping values are not allowed here",
            "expected <block end>, but found '<block mapping start>'",
            "found undefined alias 'x'",
            "found unexpected end of stream",
            "expected alphabetic or numeric character, but found ' '",
            "found character '@' that cannot start any token",
            "expected <block end>, but found '<scalar>'",
            "could not find expected ':'",
        ]
    ),
    context=st.sampled_from(
        [
            "",
            "while scanning a quoted scalar",
            "while scanning an anchor",
            "while parsing a block collection",
        ]
    ),
    line=st.integers(0, 12),
    column=st.integers(0, 40),
)
def test_the_recognisers_never_fail(
    text: str, problem: str, context: str, line: int, column: int
) -> None:
    """Whatever the reader reports about whatever text, a recogniser words it or passes."""
    error = yaml_mistakes.ReaderError(problem, context, line, column, line, column)
    mistake = yaml_mistakes.explain(text, error)
    if mistake is not None:
        assert mistake.line >= 1 and mistake.column >= 1 and mistake.message


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_a_comma_inside_braces_is_one_finding_saying_quote_the_text(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``{nl: Op werkdagen, drie keer per dag, en: ...}``: YAML cuts each text at its comma and
    makes the rest empty fields; one finding says to quote the text, and nothing else trips
    over the pieces (the text is put back together for the other checks)."""
    target = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, target)
    roles = target / "roles.yaml"
    text, count = re.subn(
        r"      frequency:\n        nl: Elke werkdag.*\n        en: Every working day.*\n",
        "      frequency: {nl: Op werkdagen, drie keer per dag, en: On working days, three "
        "times a day}\n",
        roles.read_text("utf-8"),
        count=1,
    )
    assert count == 1
    roles.write_text(text, encoding="utf-8")
    result = run(capsys, "lint", "--lang", lang, "--format", "json", str(target))
    [finding] = json.loads(result.out)["findings"]
    assert (finding["code"], finding["line"]) == ("RB001", 87)
    assert 'nl: "Op werkdagen, drie keer per dag"' in finding["message"]
    words = {"nl": "tussen dubbele aanhalingstekens", "en": "in double quotes", "fr": "guillemets"}
    assert words[lang] in finding["message"]


@pytest.mark.parametrize("character", ["\x01", "\x1b", "\ufffe"])
def test_a_character_yaml_refuses_is_one_line_at_its_place(
    character: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the reader's own message was two lines of English ('in "<unicode string>", position 6')
    policy = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, policy)
    (policy / "meta.yaml").write_text(f'meta:\n  version: "1.0{character}"\n', encoding="utf-8")
    result = run(capsys, "lint", str(policy), "--lang", "en", "--format", "json")
    [finding] = json.loads(result.out)["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("RB001", 2, 16)
    assert finding["message"].startswith(
        f"the file holds the character U+{ord(character):04X}, which YAML does not allow"
    )
    assert "\n" not in finding["message"]


def test_a_correct_line_is_never_blamed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unclosed `[` above a block text: the reader stops at the `>-` of the next field,
    which is correct YAML. Before, the finding told staff to quote that `>-`; now no line is
    named unless quoting it mends the error (here none does: the folded lines follow)."""
    case = Case("contact.yaml", r"    nl: >-", "    nl: [naam invullen", "RB001", 6, 9, "", "")
    target = _policy_with(tmp_path, case)
    result = run(capsys, "lint", "--lang", "en", "--format", "json", str(target))
    findings = json.loads(result.out)["findings"]
    assert [finding["code"] for finding in findings] == ["RB001"]
    assert "starts with `>`" not in findings[0]["message"]
    assert "like `en:" not in findings[0]["message"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["a:", "  nl: [x] y", "  en: z"], (2, 7, 'like `nl: "[x] y"`')),
        (["a:", "  - {x} y"], (2, 5, 'like `- "{x} y"`')),
        (["a:", "  nl: |x"], (2, 7, 'like `nl: "|x"`')),
        (["a:", "  nl: >-", "    x", "  en: [y"], (4, 7, "end the list with `]`")),
        (["a:", "  languages: [nl, en", "  b: c"], (2, 14, "end the list with `]`")),
        (["a:", "  nl: 's Avonds", "  en: it's"], (2, 7, "starts with an apostrophe")),
        (["a:", '  nl: "Open', "  en: x", '  b: "y"'], (2, 7, "never closed")),
        (["a:", "  nl: >-", "    een tekst", "  die verder gaat", "  en: x"], (4, 3, "(4 spaces)")),
        (["a:", "  owner webcare", "  b: c"], (2, 8, "write `owner: webcare`")),
        (["a:", "  nl: x", "  en y", "  b: c"], (3, 5, "write `en: y`")),
        (["a:", "  -id: x", "    name: y"], (2, 4, "write `- id:`")),
        (["a:", "  nl >-", "    een tekst", "    verder", "  en: >-", "    x"], (2, 5, "`nl: >-`")),
        (["a:", "  nl: >-", "  x: [", "    y"], None),  # no one line mends it
        (["a:", "  - x: 1", "    - y: 2"], None),  # an item out of step is no text
        (["a:", "  b: c", "  so only by agreement", "  d: e"], None),  # `so` is no field
    ],
)
def test_each_repair_is_told_only_where_it_mends_the_error(
    lines: list[str], expected: tuple[int, int, str] | None
) -> None:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    from policy_rulebook.core import yaml_repairs

    with pytest.raises(MarkedYAMLError) as raised:  # the reader the loader uses
        list(YAML().parse("\n".join(lines) + "\n"))
    error, start = raised.value.problem_mark, raised.value.context_mark
    assert error is not None
    with i18n.language("en"):
        repair = yaml_repairs.find(lines, error.line, start.line if start else None)
    if expected is None:
        assert repair is None
        return
    assert repair is not None
    assert (repair.line, repair.column) == expected[:2]
    assert expected[2] in repair.message


def test_a_comment_meant_as_one_gets_no_hashtag_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = Case(
        "contact.yaml",
        r"      nl: Communicatieverantwoordelijke",
        "      nl: # TODO",
        "",
        0,
        0,
        "",
        "",
    )
    result = run(capsys, "lint", "--lang", "en", str(_policy_with(tmp_path, case)))
    assert "should be a piece of text, but it is nothing (an empty value)" in result.out
    assert "hashtag" not in result.out


@pytest.mark.parametrize(
    "line",
    [
        "      nl: Q&A en R & D met de communicatieverantwoordelijke",  # no anchor at all
        "      nl: &role Communicatieverantwoordelijke",  # an anchor that an alias uses
    ],
)
def test_an_anchor_in_use_or_an_ampersand_in_a_word_is_no_lost_text(
    line: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = Case("contact.yaml", r"      nl: Communicatieverantwoordelijke", line, "", 0, 0, "", "")
    target = _policy_with(tmp_path, case)
    contact = target / "contact.yaml"
    if "&role" in line:  # the backup's role is the same text, written as a reference to it
        text = contact.read_text("utf-8")
        assert "      nl: Coördinator webcare\n" in text
        text = text.replace("      nl: Coördinator webcare\n", "      nl: *role\n")
        contact.write_text(text, encoding="utf-8")
    result = run(capsys, "lint", "--lang", "en", "--format", "json", str(target))
    codes = [finding["code"] for finding in json.loads(result.out)["findings"]]
    assert "RB021" not in codes, result.out


def test_a_policy_in_one_file_that_does_not_read_is_told_in_its_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No meta.yaml: the `languages:` line is looked for in the file that holds `meta:`."""
    policy = tmp_path / "rulebook"
    policy.mkdir()
    text = "".join(
        (BUNDLED / name).read_text("utf-8") for name in ("meta.yaml", "contact.yaml")
    ).replace("      nl: Communicatieverantwoordelijke", "      nl: 's Avonds de webcare")
    (policy / "policy.yaml").write_text(text, encoding="utf-8")
    result = run(capsys, "lint", str(policy))
    assert "fout RB001 deze tekst begint met een apostrof" in result.out, result.out
