"""Issue 20, items 3-5: profiles that cannot be missed, legal data kept current and sourced,
and review questions for what a pattern cannot judge. End to end with real files and real git
repositories; the data files are checked against their schema."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from policy_rulebook import cli
from policy_rulebook.core.schema import load_schema
from policy_rulebook.linter import data, profiles, review
from tests import gitrepo
from tests.helpers import BUNDLED, REPO, run

# --- the data: sources, dates, shape ------------------------------------------------------


def _plain(value: Any) -> Any:
    """YAML dates as their text, as JSON Schema sees them."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.mark.parametrize(
    ("name", "definition"),
    [
        ("legal_topics.yaml", "legalTopics"),
        ("repealed_acts.yaml", "repealedActs"),
        ("review_questions.yaml", "reviewQuestions"),
    ],
)
def test_every_legal_data_file_matches_its_schema(name: str, definition: str) -> None:
    schema = load_schema("legal-data.schema.json")
    wanted = {"$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]}
    entries = _plain(data.load(name))
    jsonschema.validate(entries, wanted, format_checker=jsonschema.FormatChecker())
    for entry in entries.values() if isinstance(entries, dict) else entries:
        dt.date.fromisoformat(entry["as_of"])  # a real date, not only its shape


def test_a_data_entry_without_its_source_or_date_is_refused() -> None:
    schema = load_schema("legal-data.schema.json")
    wanted = {"$ref": "#/$defs/repealedActs", "$defs": schema["$defs"]}
    entry = _plain(data.load("repealed_acts.yaml")[0])
    for key in ("source", "as_of"):
        broken = {k: v for k, v in entry.items() if k != key}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([broken], wanted)


def test_the_legal_sources_page_is_written_from_the_data() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "legal_sources", REPO / "scripts" / "legal_sources.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = (REPO / "docs" / "legal-sources.md").read_text(encoding="utf-8")
    assert page == module.page(), "run scripts/legal_sources.py"
    for topic, entry in data.load("legal_topics.yaml").items():
        assert f"| `{topic}` | {entry['source']}" in page and str(entry["as_of"]) in page


_OLD_ARTICLES = re.compile(
    r"(?:art(?:icle|ikel)?s?\.?\s*|§\s*)(?:327|328|329|330|443|444|448|458)\b"
    r"|\b(?:327|443|458)\s*(?:e\.v\.|ff\.|et s)",
    re.IGNORECASE,
)


def test_no_text_cites_the_1867_criminal_code_articles() -> None:
    """From 8 April 2026 the Criminal Code of the laws of 29 February 2024 applies: no data,
    help text, example, doc or bundled policy cites the old article numbers as the law. The
    exceptions are the places that must name them to recognise them: the repealed-acts table,
    the check that finds them (its failing example) and the generated page of checks."""
    allowed = {
        "src/policy_rulebook/linter/data/repealed_acts.yaml",
        "src/policy_rulebook/linter/checks/review_due_act.py",
        "docs/checks.md",
        "docs/legal-sources.md",
    }
    roots = ["rulebook", "tests/corpus", "examples", "docs", "src/policy_rulebook"]
    found = []
    for root in roots:
        for path in (REPO / root).rglob("*"):
            relative = path.relative_to(REPO).as_posix()
            if not path.is_file() or path.suffix in (".mo", ".pyc") or relative in allowed:
                continue
            if path.suffix == ".po" or path.name == "rulebook.pot":
                continue  # the catalogues follow the docstrings (checked here) by construction
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{relative}: {m.group()}" for m in _OLD_ARTICLES.finditer(text)]
    assert found == []


@pytest.mark.parametrize(
    ("title", "act"),
    [
        ("Koninklijk besluit nr. 78 van 10 november 1967", "royal-decree-78"),
        ("KB nr. 78 betreffende de uitoefening van de gezondheidszorgberoepen", "royal-decree-78"),
        ("Wet op de ziekenhuizen, gecoördineerd op 7 augustus 1987", "hospitals-act-1987"),
        (
            "Wet van 27 juni 1921 betreffende de verenigingen zonder winstoogmerk",
            "non-profit-act-1921",
        ),
        ("Burgerlijk Wetboek art. 1382", "civil-code-1382"),
        ("Civil Code, art. 1382-1383", "civil-code-1382"),
        ("Wet van 6 april 2010 betreffende marktpraktijken", "market-practices-act-2010"),
        ("Strafwetboek art. 443 e.v.", "criminal-code-1867"),
        ("Strafwetboek, art. 458 (beroepsgeheim)", "criminal-code-1867"),
        ("Criminal Code, art. 327", "criminal-code-1867"),
    ],
)
def test_acts_real_policies_still_cite_are_recognised(title: str, act: str) -> None:
    from policy_rulebook.linter.checks.repealed_act import repealed

    found = repealed(title)
    assert found is not None and found["id"] == act


@pytest.mark.parametrize(
    "title",
    [
        "Strafwetboek (wetten van 29 februari 2024), boek II",
        "Burgerlijk Wetboek, boek 6, art. 6.5",
        "Gecoördineerde wet van 10 mei 2015 betreffende de gezondheidszorgberoepen",
        "Gecoördineerde wet van 10 juli 2008 op de ziekenhuizen",
        "Wetboek van vennootschappen en verenigingen",
        "Wetboek van economisch recht, boek VI",
    ],
)
def test_the_acts_that_replaced_them_are_not(title: str) -> None:
    from policy_rulebook.linter.checks.repealed_act import repealed

    assert repealed(title) is None


# --- a policy on disk ------------------------------------------------------------------------


def _policy(tmp_path: Path) -> Path:
    target = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]]]:
    result = run(capsys, "lint", "--today", "2026-11-27", "--format", "json", *args)
    return result.code, json.loads(result.out)["findings"]


_OLD_DEFAMATION = """        - title:
            nl: Strafwetboek, laster
            en: Criminal Code, defamation
          reference: art. 443 e.v.
      applies_to_private_accounts: true
      consequence:
        nl: Strafrechtelijke vervolging"""


def _cite_old_criminal_code(policy: Path) -> None:
    text = (policy / "legal.yaml").read_text(encoding="utf-8")
    start = text.index(
        "        - title:\n            nl: Strafwetboek (wetten van 29 februari 2024"
    )
    end = text.index("        nl: Strafrechtelijke vervolging", start) + len(
        "        nl: Strafrechtelijke vervolging"
    )
    (policy / "legal.yaml").write_text(text[:start] + _OLD_DEFAMATION + text[end:], "utf-8")


def test_a_basis_replaced_after_adoption_is_a_review_due_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = _policy(tmp_path)
    _cite_old_criminal_code(policy)
    _edit(policy / "meta.yaml", "adopted_on: 2026-11-23", "adopted_on: 2025-11-23")
    _edit(policy / "meta.yaml", "date: 2026-11-23", "date: 2025-11-23")
    code, findings = _lint(capsys, "--lang", "en", str(policy))
    [finding] = [f for f in findings if f["code"] in ("RB603", "RB611")]
    assert (finding["code"], finding["severity"], code) == ("RB611", "warning", 0)
    assert finding["message"].startswith("review due: the legal item `defamation-and-insult`")
    assert "replaced on 2026-04-08" in finding["message"]
    assert "wetten van 29 februari 2024" in finding["message"]  # the policy's own words


def test_a_basis_replaced_before_adoption_is_still_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = _policy(tmp_path)
    _cite_old_criminal_code(policy)  # adopted 2026-11-23, after 8 April 2026
    code, findings = _lint(capsys, str(policy))
    assert [(f["code"], f["severity"]) for f in findings if f["code"] in ("RB603", "RB611")] == [
        ("RB603", "error")
    ]
    assert code == 1


# --- item 3: profiles that cannot be missed -----------------------------------------------


def test_a_policy_without_a_profile_is_told_what_did_not_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = _policy(tmp_path)
    _edit(policy / "meta.yaml", "  profile: local-government\n", "")
    code, findings = _lint(capsys, "--strict", "--lang", "en", str(policy))
    assert code == 0  # info never fails, not even with --strict
    [hint] = findings
    assert (hint["code"], hint["severity"], hint["path"]) == ("RB610", "info", "/meta")
    assert "RB602, RB612, RB708, RB804" in hint["message"]
    assert "`rulebook lint --profile NAME`" in hint["message"]
    text = run(capsys, "lint", "--today", "2026-11-27", "--lang", "en", str(policy)).out
    assert "info RB610" in text and "(0 errors, 0 warnings, 1 info)" in text


def test_lint_profile_tries_a_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = _policy(tmp_path)
    _edit(policy / "meta.yaml", "  profile: local-government\n", "")
    _code, findings = _lint(capsys, "--profile", "care", "--lang", "en", str(policy))
    found = {(f["code"], f["severity"]) for f in findings}
    assert ("RB610", "info") not in found
    assert ("RB602", "warning") in found and ("RB612", "info") in found
    [topic] = [f["message"] for f in findings if f["code"] == "RB602"]
    assert "rechten van de patiënt" in topic and "which the care profile needs" in topic
    bad = run(capsys, "lint", "--profile", "hospital", str(policy))
    assert bad.code == 2 and "--profile" in bad.err and "care" in bad.err


def test_a_topic_required_by_the_configuration_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = _policy(tmp_path)
    _edit(policy / "meta.yaml", "profile: local-government", "profile: non-profit")
    (tmp_path / ".rulebook.yaml").write_text(
        "profile: {require: [patient-rights, personal-data]}\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    _code, findings = _lint(capsys, "--lang", "en", "rulebook")
    messages = [f["message"] for f in findings if f["code"] == "RB602"]
    assert len(messages) == 1 and "rechten van de patiënt" in messages[0]
    assert "required by your configuration" in messages[0]
    assert "non-profit profile" not in messages[0]
    _code, findings = _lint(capsys, "--lang", "nl", "rulebook")
    assert "vereist door je configuratie" in findings[0]["message"]


def test_init_profile_writes_meta_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "init", str(tmp_path / "with"), "--profile", "care")
    assert result.code == 0
    meta = (tmp_path / "with" / "meta.yaml").read_text(encoding="utf-8")
    assert "\n  profile: care\n" in meta
    run(capsys, "init", str(tmp_path / "without"))
    meta = (tmp_path / "without" / "meta.yaml").read_text(encoding="utf-8")
    assert "\n  profile:" not in meta and "\n  # profile: local-government\n" in meta
    assert "higher-education" in meta  # the comment names the profiles to choose from


def test_the_profile_names_are_the_same_everywhere() -> None:
    assert cli.PROFILE_NAMES == profiles.NAMES
    meta = load_schema("rulebook.schema.json")["$defs"]["meta"]["properties"]["profile"]
    config = load_schema("config.schema.json")["$defs"]["profileName"]
    assert tuple(meta["enum"]) == tuple(config["enum"]) == profiles.NAMES


def test_care_and_higher_education_profiles() -> None:
    care = profiles.bundled("care")
    assert {"patient-rights", "confidentiality"} <= set(care.legal_topics)
    assert "minors" not in profiles.bundled("higher-education").legal_topics
    assert "minors" in profiles.bundled("education").legal_topics
    assert {q.id for q in review.questions("care")} >= {
        "patients-in-pictures",
        "public-replies-to-patient-complaints",
        "dpo-and-ombuds-escalation",
    }


def test_no_profile_data_cites_the_digital_age_as_the_rule_for_photos() -> None:
    education = json.dumps(profiles.raw_profiles()["education"], ensure_ascii=False)
    assert "capacity of discernment" in education and "onderscheidingsvermogen" in education
    minors = data.load("legal_topics.yaml")["minors"]
    assert "capacity of discernment" in minors["source"]
    bundled = (BUNDLED / "legal.yaml").read_text(encoding="utf-8")
    assert "onder 13 jaar" not in bundled and "under 13" not in bundled
    government = json.dumps(profiles.raw_profiles()["local-government"], ensure_ascii=False)
    assert "maanden voor de verkiezingsdag" in government and "the year before" not in government


# --- item 5: review questions --------------------------------------------------------------


def test_review_lists_questions_sources_and_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = _policy(tmp_path)
    result = run(capsys, "review", str(policy), "--lang", "en")
    assert result.code == 0
    assert result.out.startswith(
        "Review questions of the local-government profile (Local government): 4 of 4 answered."
    )
    assert "[answered] criticism-of-the-employer" in result.out
    assert "Source: art. 19 of the Belgian Constitution" in result.out
    assert "Answered by Juridische dienst (Sarah Peeters) on 2026-11-16" in result.out
    care = run(capsys, "review", str(policy), "--profile", "care", "--format", "json")
    payload = json.loads(care.out)
    assert payload["profile"] == "care" and payload["total"] == len(review.questions("care"))
    by_id = {q["id"]: q for q in payload["questions"]}
    assert by_id["criticism-of-the-employer"]["answer"]["date"] == "2026-11-16"
    assert by_id["patients-in-pictures"]["answer"] is None
    assert "22 August 2002" in by_id["patients-in-pictures"]["source"]
    assert payload["unknown_answers"] == ["election-restricted-period"]


def test_review_in_dutch_quotes_the_questions_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "review", str(_policy(tmp_path)), "--profile", "education")
    assert result.out.startswith("Reviewvragen van het profiel education")
    assert "[open] consent-through-school-rules" in result.out
    assert "via\n  het schoolreglement" in result.out or "via het schoolreglement" in result.out


def test_review_without_a_profile_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = _policy(tmp_path)
    _edit(policy / "meta.yaml", "  profile: local-government\n", "")
    result = run(capsys, "review", str(policy), "--lang", "en")
    assert result.code == 2 and result.out == ""
    assert "the policy has no profile" in result.err and "--profile NAME" in result.err
    assert "Traceback" not in result.err


def test_lint_reports_open_review_questions_as_one_info(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = _policy(tmp_path)
    text = (policy / "meta.yaml").read_text(encoding="utf-8")
    (policy / "meta.yaml").write_text(text[: text.index("  review:\n")], encoding="utf-8")
    code, findings = _lint(capsys, "--strict", "--lang", "en", str(policy))
    assert code == 0
    [hint] = findings
    assert (hint["code"], hint["severity"]) == ("RB612", "info")
    assert hint["message"].startswith(
        "4 of 4 review questions of the local-government profile are not answered"
    )
    assert "election-restricted-period" in hint["message"]


def test_a_malformed_review_record_is_a_schema_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = _policy(tmp_path)
    _edit(policy / "meta.yaml", "      by: Dienst Communicatie (Tom Wouters)\n", "")
    code, findings = _lint(capsys, "--lang", "en", str(policy))
    assert code == 1
    assert any(f["code"] == "RB100" and f["path"].startswith("/meta/review/") for f in findings)


def test_a_changed_answer_shows_in_the_legal_redline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = gitrepo.init(tmp_path / "repo")
    policy = gitrepo.copy_bundled(repo)
    gitrepo.commit(repo, "Policy 2.1.0", "Ann Admin <ann@example.org>", "2026-11-25")
    _edit(
        policy / "meta.yaml",
        "De stad volgt privéaccounts van medewerkers niet op;",
        "De stad volgt privéaccounts van medewerkers nooit op;",
    )
    monkeypatch.chdir(repo)
    result = run(capsys, "diff", "rulebook", "--from", "HEAD", "--format", "markdown")
    assert result.code == 0
    assert "Beantwoorde reviewvragen" in result.out
    assert "<del>niet</del>" in result.out and "<ins>nooit</ins>" in result.out


def test_the_configuration_can_make_a_check_info(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = _policy(tmp_path)
    _cite_old_criminal_code(policy)
    (tmp_path / ".rulebook.yaml").write_text("severity: {RB603: info}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, findings = _lint(capsys, "--strict", "rulebook")
    assert code == 0 and [f["severity"] for f in findings if f["code"] == "RB603"] == ["info"]
    (tmp_path / ".rulebook.yaml").write_text("fail-on: info\n", encoding="utf-8")
    result = run(capsys, "lint", "rulebook")
    assert result.code == 2 and "`fail-on`" in result.err
