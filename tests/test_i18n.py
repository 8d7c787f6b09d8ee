"""Messages in nl, en and fr: complete catalogues, nothing bypasses them, every check speaks."""

from __future__ import annotations

import ast
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from policy_rulebook.cli import cli
from policy_rulebook.core import i18n, loader
from policy_rulebook.linter import engine
from policy_rulebook.linter.checks import CHECKS, Check, Context
from tests.helpers import BUNDLED, REPO, TODAY, overlay, run

LOCALE = REPO / "src" / "policy_rulebook" / "locale"
SOURCE = REPO / "src" / "policy_rulebook"


def _catalog(lang: str):  # type: ignore[no-untyped-def]
    with (LOCALE / lang / "LC_MESSAGES" / "rulebook.po").open("rb") as stream:
        return read_po(stream, locale=lang)


def _ids(catalog) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def test_catalogues_have_the_same_keys() -> None:
    keys = {lang: _ids(_catalog(lang)) for lang in i18n.LANGUAGES}
    for lang, ids in keys.items():
        assert ids == keys["en"], (lang, sorted(ids ^ keys["en"])[:5])


#: Every declared language but the source language: each needs every message translated.
TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(lang: str) -> None:
    names = string.Formatter()
    for message in _catalog(lang):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        assert all(strings) and not message.fuzzy, (lang, ids[0])
        try:
            wanted = {field for _, field, _, _ in names.parse(ids[0]) if field is not None}
        except ValueError:  # not a format string (docs that show `{nl: ..., en: ...}`)
            continue
        for text in strings:
            got = {field for _, field, _, _ in names.parse(text) if field is not None}
            assert got == wanted, (lang, ids[0], text)


def test_catalogues_are_current() -> None:
    """The .pot holds every ``_()`` of the source and each .mo matches its .po
    (``python scripts/update_catalogues.py`` makes it so)."""
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "update_catalogues.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


#: Calls whose text argument a person reads: it must come from the catalogue.
USER_FACING = {
    "Finding",
    "finding",
    "InputError",
    "Refused",
    "_file_problem",
    "bad",
    "BadParameter",
    "FormatError",
    "echo",
    "UsageError",
}
_WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")


def _bypasses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = (
            func.id
            if isinstance(func, ast.Name)
            else (func.attr if isinstance(func, ast.Attribute) else "")
        )
        if name not in USER_FACING:
            continue
        for arg in [*node.args, *(k.value for k in node.keywords if k.arg == "message")]:
            words = (
                [arg]
                if isinstance(arg, ast.Constant)
                else (list(arg.values) if isinstance(arg, ast.JoinedStr) else [])
            )
            if any(
                isinstance(w, ast.Constant) and isinstance(w.value, str) and _WORDS.search(w.value)
                for w in words
            ):  # words, not f"{ptr}/text"
                found.append(f"{path.relative_to(SOURCE)}:{arg.lineno}")
    return found


def test_no_user_facing_string_bypasses_the_catalogue() -> None:
    bypasses = []
    for path in sorted(SOURCE.rglob("*.py")):
        bypasses += _bypasses(path)
    assert bypasses == []


def test_summaries_are_marked_for_the_catalogue() -> None:
    catalog = _ids(_catalog("en"))
    for check in CHECKS:
        assert check.summary in catalog, check.code


#: English words that do not occur in a Dutch or French message of ours.
ENGLISH = {
    "the",
    "has",
    "not",
    "and",
    "with",
    "add",
    "remove",
    "should",
    "must",
    "which",
    "file",
    "text",
    "missing",
    "there",
    "does",
    "this",
    "that",
    "error",
    "warning",
    "findings",
    "write",
    "put",
    "cannot",
    "only",
    "but",
    "needs",
    "every",
}
#: RB001 keeps the YAML parser's own (English) words after the plain sentence, as asked.
PARSER_TEXT = {"RB001"}
_QUOTED = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|«[^»]*»|\([^)]*\)")
# the same sets as the examples' test: one place to add a check that one text cannot show
from tests.test_check_examples import NEEDS_GIT_HISTORY, UNTESTABLE_BY_TEXT  # noqa: E402


def _messages(tmp_path: Path, check: Check, lang: str) -> list[str]:
    target = overlay(tmp_path / lang, check.bad)
    with i18n.language(lang):
        document = loader.load(target)
        findings = engine.lint(document, Context(today=TODAY)).findings
    return [f.message for f in findings if f.code == check.code]


def _english_words(message: str) -> set[str]:
    """English words outside quoted policy text, codes and pointers (`a › b`)."""
    text = re.sub(r"\S*/\S*", " ", _QUOTED.sub(" ", message))  # and file paths
    text = re.sub(r"\S*›\S*|\S+ › \S+( › \S+)*", " ", text)
    return set(re.findall(r"\w+", text.lower())) & ENGLISH


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: f"{c.code}-{c.name}")
def test_every_check_speaks_dutch_and_french(check: Check, tmp_path: Path) -> None:
    if check.code in UNTESTABLE_BY_TEXT | NEEDS_GIT_HISTORY:
        pytest.skip("no failing example as text")
    english = _messages(tmp_path, check, "en")
    assert english, check.code
    for lang in TRANSLATED:
        translated = _messages(tmp_path, check, lang)
        assert len(translated) == len(english)
        assert translated != english, (lang, translated)
        for message in translated:
            if check.code not in PARSER_TEXT:
                assert _english_words(message) == set(), (lang, message)


def test_lint_speaks_the_policys_language_unless_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = overlay(tmp_path, "contact:\n  primary:\n    name: Sara\n")
    dutch = run(capsys, "lint", str(target))
    assert "fout RB" in dutch.out and "meldingen" in dutch.out
    english = run(capsys, "lint", "--lang", "en", str(target))
    assert "error RB" in english.out and "findings" in english.out
    french = run(capsys, "lint", "--lang", "fr", "--format", "json", str(target))
    assert '"severity": "error"' in french.out and "n’a pas" in french.out


def test_the_environment_decides_without_a_policy(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    assert "contrôles" in run(capsys, "rules").out
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert "Run `rulebook explain CODE`" in run(capsys, "rules").out
    assert "controles" in run(capsys, "rules", "--lang", "nl").out


def test_bundled_policy_quotes_a_hashtag() -> None:
    assert '#lindebeek."' in (BUNDLED / "channels.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_lang(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert "--lang" in run(capsys, command, "--help").out


def test_words_speak_every_language_through_the_catalogue() -> None:
    """Announcements, documents and the Word redline have one English table each; every
    language reads it through its catalogue, field names through the schema's titles."""
    from policy_rulebook.changelog import phrases
    from policy_rulebook.documents import redline_docx, words

    french = words.labels("fr")
    assert set(french) == {*words.WORDS, *words.FIELDS}
    assert french["version"] == "Version" and french["remove"] == "supprimer"
    assert words.labels("nl")["review_by"] == "Te herzien tegen"
    assert words.labels("nl")["edit"] == "bewerken"
    assert redline_docx.words("fr")["redline"] == "Modifications avec suivi des révisions"
    assert redline_docx.words("nl")["adopted_on"] == "Goedgekeurd op"
    assert phrases.phrase("fr", "what_changes") == "Qu’est-ce qui change pour vous ?"
    assert phrases.phrase("fr", "changes", count=2) == "2 changements"
    assert phrases.section_title("fr", "contact") == "Point de contact"
    assert phrases.phrase("de", "what_changes") == "What changes for you?"  # no catalogue
    assert phrases.phrase("nl", "what_changes") == "Wat verandert er voor jou?"


def _schema_titles() -> list[tuple[str, dict[str, object]]]:
    import json

    found: list[tuple[str, dict[str, object]]] = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("title"), str):
                found.append((where, node))
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(json.loads((REPO / "schema" / "rulebook.schema.json").read_text("utf-8")), "")
    return found


def _incomplete(lang: str, locale: Path = LOCALE) -> list[str]:
    """What a language lacks: messages without a (non-fuzzy) translation, schema titles without
    ``x-title-<lang>``, words around them (months, yes/no, language names) still English."""
    po = locale / lang / "LC_MESSAGES" / "rulebook.po"
    if not po.exists():
        return [f"{lang}: no catalogue (add it to LANGUAGES, run scripts/update_catalogues.py)"]
    with po.open("rb") as stream:
        catalog = read_po(stream, locale=lang)
    gaps = [
        f"untranslated: {m.id if isinstance(m.id, str) else m.id[0]}"
        for m in catalog
        if m.id
        and (m.fuzzy or not all([m.string] if isinstance(m.string, str) else m.string or []))
    ]
    gaps += [f"missing: {i}" for i in sorted(_ids(_catalog(i18n.DEFAULT)) - _ids(catalog))]
    gaps += [
        f"x-title-{lang}: {w}" for w, node in _schema_titles() if f"x-title-{lang}" not in node
    ]
    from policy_rulebook.core import dates, labels

    if dates.month_names(lang) == dates.month_names(i18n.DEFAULT):
        gaps.append("month names")
    if labels.yes_no(lang, True) == "yes" or labels.language_name(lang, "en") == "English":
        gaps.append("yes/no or language names")
    return gaps


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_declared_language_is_complete(lang: str) -> None:
    """Declaring a language in ``core.i18n.LANGUAGES`` asks for all of it: every message
    translated, a title ``x-title-<lang>`` beside every schema title (the labels of every
    output), and the words around them its own."""
    gaps = _incomplete(lang)
    assert gaps == [], f"{lang}: {len(gaps)} gaps, e.g. {gaps[:5]}"


def test_the_completeness_test_catches_a_half_done_language(tmp_path: Path) -> None:
    """German, declared with a catalogue of a few messages, fails the test above."""
    from babel.messages.pofile import write_po

    assert _incomplete("de")[0].startswith("de: no catalogue")
    catalog = _catalog("fr")
    for index, message in enumerate(catalog):
        if message.id and index > 5:
            message.string = "" if isinstance(message.id, str) else ("", "")
    (tmp_path / "de" / "LC_MESSAGES").mkdir(parents=True)
    with (tmp_path / "de" / "LC_MESSAGES" / "rulebook.po").open("wb") as stream:
        write_po(stream, catalog)
    gaps = _incomplete("de", tmp_path)
    assert sum(g.startswith("untranslated:") for g in gaps) > 700
    assert sum(g.startswith("x-title-de:") for g in gaps) > 150
    assert "month names" in gaps


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "262,144"), ("nl", "262.144"), ("fr", "262\u202f144")]
)
def test_thousands_are_grouped_as_the_reader_reads_them(lang: str, expected: str) -> None:
    # "262,144 waarden" reads as a fraction to a Dutch reader
    with i18n.language(lang):
        assert "{n:,} / {n}".format(n=i18n.Count(262_144)) == f"{expected} / 262144"


def test_every_grouped_number_in_a_message_is_a_count() -> None:
    """A ``{name:,}`` placeholder formatted with a plain int would group with English commas."""
    plain = []
    for path in sorted(SOURCE.rglob("*.py")):
        if path.name == "i18n.py":  # where Count is defined and shown
            continue
        text = path.read_text(encoding="utf-8")
        for name in set(re.findall(r"\{(\w+):,\}", text)):
            if not re.search(rf"\b{name}=(?:i18n\.)?Count\(", text):
                plain.append(f"{path.relative_to(SOURCE)}: {name}")
    assert plain == []


def test_a_dutch_policy_over_the_value_limit_reads_a_dutch_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, policy)
    keys = "".join(f"  k{n}: 1\n" for n in range(70_000))  # 0.8 MB
    (policy / "meta.yaml").write_text(f"meta:\n{keys}", encoding="utf-8")
    result = run(capsys, "lint", str(policy), "--lang", "nl", "--max-file-size", "1M")
    assert result.code == 1, result.err
    assert "meer dan 65.536 waarden" in result.out, result.out
