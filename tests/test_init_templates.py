"""``rulebook init`` renders its files from Jinja2 templates (authoring/templates/*.yaml.j2).

The golden files in tests/golden/init/ were written by the string-building code the templates
replaced: the templates give the same files, and lint gives the same findings on them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy_rulebook.authoring import scaffold
from policy_rulebook.core import loader
from tests.helpers import TODAY, Golden, run

CASES = {
    "nl-en": (None, "nl,en"),
    "nl": ('Stad #Lindebeek: "test"', "nl"),  # a hash and quotes in a name stay text
    "fr-de": ("Ville d'Ö", "fr,de,en"),  # a language without hints gets the English ones
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_init_writes_what_the_string_builder_wrote(
    case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    golden: Golden,
) -> None:
    organisation, languages = CASES[case]
    monkeypatch.chdir(tmp_path)
    extra = ["--organisation", organisation] if organisation else []
    assert run(capsys, "init", case, "--lang", languages, *extra).code == 0
    for name in scaffold.FILES:
        golden(f"init/{case}/{name}", (tmp_path / case / name).read_text(encoding="utf-8"))
    result = run(capsys, "lint", "--today", TODAY.isoformat(), "--format", "json", case)
    assert result.code == 1, result.err
    findings = json.loads(result.out)["findings"]
    golden(
        f"init/{case}/findings.txt",
        "".join(f"{f['file']}:{f['line']}:{f['column']} {f['code']}\n" for f in findings),
    )


def test_a_name_with_a_hash_reads_back_whole(tmp_path: Path) -> None:
    name = 'Stad #Lindebeek: "samen" # niet afgekapt'
    scaffold.create(tmp_path / "p", name, ["nl"], "{}")
    document = loader.load(tmp_path / "p")
    assert document.sections["meta"].node["organisation"] == name


def test_the_templates_are_translatable() -> None:
    environment = scaffold._environment()
    assert "jinja2.ext.InternationalizationExtension" in environment.extensions
    assert {f"{name}.j2" for name in scaffold.FILES} <= set(environment.list_templates())
