"""Issue 14: organisation profiles, coverage checks and language-aware text checks. Every false
positive a policy officer reported on real policies has a test here."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_rulebook.core import loader
from policy_rulebook.core.schema import load_schema
from policy_rulebook.linter import data, engine, profiles
from policy_rulebook.linter.checks import BY_CODE, Context
from policy_rulebook.linter.checks.criticism_welcome import welcomes_criticism
from policy_rulebook.linter.checks.placeholder_text import unfinished
from policy_rulebook.linter.checks.repealed_act import repealed
from tests.helpers import BUNDLED, TODAY, overlay, run


def findings(tmp_path: Path, fragment: str, profile: object = None) -> list[tuple[str, str]]:
    """(code, path) of the findings on the bundled policy overlaid with ``fragment``."""
    document = loader.load(overlay(Path(tempfile.mkdtemp(dir=tmp_path)), fragment))
    report = engine.lint(document, Context(today=TODAY), profile=profile)  # type: ignore[arg-type]
    return [(f.code, f.path) for f in report.findings]


def codes(tmp_path: Path, fragment: str, profile: object = None) -> set[str]:
    return {code for code, _path in findings(tmp_path, fragment, profile)}


def with_profile(tmp_path: Path, profile: str | None) -> str:
    """The bundled meta section with another profile (None: without one)."""
    meta = (BUNDLED / "meta.yaml").read_text(encoding="utf-8")
    line = "  profile: local-government\n"
    assert line in meta
    return meta.replace(line, f"  profile: {profile}\n" if profile else "")


# --- RB803: negation and synonyms ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kritiek is hier niet welkom.", "nl"),
        ("Negatieve reacties zijn niet welkom op onze pagina.", "nl"),
        ("Kritiek mag hier niet.", "nl"),
        ("Criticism is not welcome here.", "en"),
        ("We don't welcome complaints on this page.", "en"),
        ("Op deze pagina gelden spelregels.", "nl"),
    ],
)
def test_criticism_not_welcome(text: str, language: str) -> None:
    assert welcomes_criticism(text, language) is False


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Je bent vrij om je mening te geven.", "nl"),
        ("Ook klachten zijn welkom.", "nl"),
        ("Negatieve reacties zijn ook welkom.", "nl"),
        ("Je reacties zijn welkom, ook kritiek.", "nl"),
        ("Kritiek is welkom, ook als je het niet met ons eens bent.", "nl"),
        ("Kritiek mag, maar scheldwoorden niet.", "nl"),
        ("Complaints are welcome too.", "en"),
        ("You are free to share your opinion.", "en"),
    ],
)
def test_criticism_welcome_in_other_words(text: str, language: str) -> None:
    assert welcomes_criticism(text, language) is True


def test_criticism_in_a_language_without_a_list_is_left_alone() -> None:
    assert welcomes_criticism("Kritiikki on tervetullutta.", "fi") is None


# --- RB804: public bodies only, blanket bans pass -------------------------------------------

POLITICAL_RULE = """
house_rules:
  intro:
    nl: >-
      Reacties zijn welkom, ook kritiek. Van een verwijderd bericht bewaren we een
      schermafbeelding, we laten je weten waarom en je kunt bezwaar maken.
    en: >-
      Comments are welcome, criticism too. We keep a screenshot of a removed post, tell you
      why, and you can object.
  rules:
    - id: political-messages
      category: {nl: Politieke berichten, en: Political messages}
      text: {nl: "TEXT_NL", en: "TEXT_EN"}
      action: remove
"""


@pytest.mark.parametrize(
    ("nl", "en"),
    [
        (
            "Politieke berichten verwijderen we, van wie ze ook komen.",
            "We remove political posts, whoever they come from.",
        ),
        (
            "Alle politieke berichten en verkiezingsoproepen verwijderen we.",
            "We remove all political posts and calls to vote.",
        ),
    ],
)
def test_a_blanket_ban_on_political_posts_is_even_handed(tmp_path: Path, nl: str, en: str) -> None:
    fragment = POLITICAL_RULE.replace("TEXT_NL", nl).replace("TEXT_EN", en)
    assert "RB804" not in codes(tmp_path, fragment)


def test_a_one_sided_political_rule_is_flagged_for_a_public_body_only(tmp_path: Path) -> None:
    fragment = POLITICAL_RULE.replace("TEXT_NL", "Verkiezingspropaganda verwijderen we.").replace(
        "TEXT_EN", "We remove election propaganda."
    )
    assert "RB804" in codes(tmp_path, fragment)
    for profile in ("non-profit", "company", "education", None):
        meta = "# file: meta.yaml\n" + with_profile(tmp_path, profile)
        assert "RB804" not in codes(tmp_path, f"{meta}\n# file: house_rules.yaml\n{fragment}")


def test_a_public_school_requires_rb804_in_its_configuration(tmp_path: Path) -> None:
    fragment = (
        "# file: meta.yaml\n"
        + with_profile(tmp_path, "education")
        + "\n# file: house_rules.yaml\n"
        + POLITICAL_RULE.replace("TEXT_NL", "Verkiezingspropaganda verwijderen we.").replace(
            "TEXT_EN", "We remove election propaganda."
        )
    )
    assert "RB804" in codes(tmp_path, fragment, {"require": ["RB804"]})


# --- RB203: the role that approves the policy ------------------------------------------------

ROLES = """
roles:
  team:
    - id: webcare
      name: {nl: Webcareteam, en: Web care team}
    - id: board
      name: {nl: Raad van bestuur, en: Board of directors}
      description: {nl: DESCRIPTION, en: DESCRIPTION}
  tasks:
    - id: moderation
      name: {nl: Reacties modereren, en: Moderating comments}
      owner: webcare
"""


def test_a_role_that_approves_the_policy_needs_no_task(tmp_path: Path) -> None:
    fragment = ROLES.replace("DESCRIPTION", "Keurt het socialemediabeleid goed.")
    assert "RB203" not in codes(tmp_path, fragment)


def test_an_idle_role_is_still_flagged(tmp_path: Path) -> None:
    fragment = ROLES.replace("DESCRIPTION", "Vergadert op maandag.")
    assert ("RB203", "/roles/team/1") in findings(tmp_path, fragment)


# --- RB301: proper names ----------------------------------------------------------------------

LEGAL = """
legal:
  items:
    - id: racism
      topic: {nl: Racisme, en: Racism}
      text: {nl: Racisme is strafbaar., en: Racism is punishable.}
      basis:
        - title: Wet van 30 juli 1981 tot bestraffing van door racisme ingegeven daden
          MARKER
"""


def test_a_law_title_marked_as_a_proper_name_needs_no_translation(tmp_path: Path) -> None:
    marked = LEGAL.replace("MARKER", "proper_name: true")
    assert "RB301" not in codes(tmp_path, marked)
    unmarked = LEGAL.replace("MARKER", "reference: art. 20")
    assert ("RB301", "/legal/items/0/basis/0/title") in findings(tmp_path, unmarked)


# --- RB801: advice, and only against a wall of don'ts ----------------------------------------


def test_deliberately_positive_tips_need_no_balance(tmp_path: Path) -> None:
    dos = "\n".join(
        f"    - {{id: tip-{i}, text: {{nl: Tip {i}., en: Tip {i}.}}, "
        f"example: {{nl: Zo., en: Like this.}}}}"
        for i in range(8)
    )
    fragment = f"""
conduct:
  speaking_capacity:
    own_name: {{nl: In eigen naam., en: In your own name.}}
    on_behalf: {{nl: Alleen de woordvoerder., en: Only the spokesperson.}}
    disclaimer: {{nl: Mijn mening., en: My opinion.}}
  dos:
{dos}
  donts:
    - {{id: no-secrets, text: {{nl: Geen geheimen., en: No secrets.}},
       rationale: {{nl: Zo., en: So.}}}}
"""
    assert "RB801" not in codes(tmp_path, fragment)


def test_rb801_can_be_switched_off_by_the_profile(tmp_path: Path) -> None:
    bad = BY_CODE["RB801"].bad
    assert "RB801" in codes(tmp_path, bad)
    assert "RB801" not in codes(tmp_path, bad, {"disable": ["RB801"]})


# --- RB103: placeholders inside sentences -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Het programma is nog aan te vullen.",
        "Budget: PM",
        "Datum: n.t.b.",
        "De datum is nader te bepalen.",
        "Meer info (link volgt).",
        "Lees de regels op [link].",
        "Opening TBD",
        "TODO: check with legal",
        "Lorem ipsum dolor sit amet",
        "Date to be determined.",
        "More at [link] soon.",
        "Contact: TBC",
        # issue 20: bracketed slots and Dutch forms
        "Een toelichting op Smartschool ([link invoegen]).",
        "Vragen over privacy stel je aan [naam van de dienst].",
        "De richtlijnen staan op het intranet (<link>).",
        "in te vullen",
        "te bepalen",
        "p.m.",
        "Opleiding: wordt later aangevuld.",
        "Wij zoeken verpleegkundigen (volgt).",
        "To be completed.",
        "Crisiscontact PM.",
    ],
)
def test_placeholders_inside_a_sentence(text: str) -> None:
    assert unfinished(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Het formulier is online in te vullen.",
        "We sluiten om 5 PM.",
        "Bel 03 123 45 67.",
        "Het PMD-afval wordt dinsdag opgehaald.",
        "Zie www.lindebeek.be/link voor meer.",
        # issue 20: words inside a sentence, not placeholders
        "Vertel over je werk op de tbc-afdeling.",
        "Vraag het eerst aan de PM van het project.",
        "Vraag het aan de PM.",
        "Het team komt samen om te bepalen welke campagnes we voeren.",
        "Weekdays until 5 p.m.",
        "Lees [de huisregels](https://lindebeek.be/huisregels).",
        "Mail Jan <jan@lindebeek.be>.",
        "<script>alert(1)</script> and <b>bold</b> are markup, not slots.",
    ],
)
def test_real_text_is_not_a_placeholder(text: str) -> None:
    assert unfinished(text) is None


# --- profiles -------------------------------------------------------------------------------


def test_the_bundled_profiles_match_their_schema() -> None:
    schema = load_schema("profile.schema.json")
    topics = profiles.topics()
    for name, raw in profiles.raw_profiles().items():
        jsonschema.validate(raw, schema)
        assert raw["id"] == name
        assert set(raw.get("legal_topics", ())) <= set(topics), name
        assert set(raw.get("checks", ())) | set(raw.get("disable", ())) <= set(BY_CODE), name


def test_every_legal_topic_and_repealed_act_names_its_source() -> None:
    for topic, entry in profiles.topics().items():
        assert entry["source"] and entry["keywords"]["nl"] and entry["keywords"]["en"], topic
    for act in data.load("repealed_acts.yaml"):
        assert act["source"] and act["now"]["nl"] and act["now"]["en"], act["id"]


@pytest.mark.parametrize(
    "title",
    [
        "Wet van 8 december 1992 tot bescherming van de persoonlijke levenssfeer",
        "Privacy Act of 8 December 1992",
        "Richtlijn 95/46/EG",
        "Auteurswet van 30 juni 1994",
        "Gemeentedecreet van 15 juli 2005",
    ],
)
def test_repealed_acts_are_recognised(title: str) -> None:
    assert repealed(title) is not None


@pytest.mark.parametrize(
    "title",
    [
        "Wet van 30 juli 2018 betreffende de bescherming van natuurlijke personen",
        "Verordening (EU) 2016/679 (AVG)",
        "Wetboek van economisch recht, boek XI",
        "Decreet van 22 december 2017 over het lokaal bestuur",
        (
            "Wet van 19 december 2008 inzake het verkrijgen en het gebruik van "
            "menselijk lichaamsmateriaal"
        ),
    ],
)
def test_current_acts_are_not(title: str) -> None:
    assert repealed(title) is None


def test_without_a_profile_no_profile_bound_check_runs(tmp_path: Path) -> None:
    fragment = (
        "# file: meta.yaml\n"
        + with_profile(tmp_path, None)
        + "\n# file: legal.yaml\n"
        + (BY_CODE["RB602"].bad)
    )
    assert "RB602" not in codes(tmp_path, fragment)
    assert "RB602" in codes(tmp_path, fragment, "local-government")


def test_the_configuration_adds_and_removes_legal_topics(tmp_path: Path) -> None:
    fragment = (
        "# file: meta.yaml\n"
        + with_profile(tmp_path, "non-profit")
        + "\n# file: legal.yaml\n"
        + BY_CODE["RB602"].bad
    )

    def topics_missing(profile: object) -> int:
        return sum(code == "RB602" for code, _path in findings(tmp_path, fragment, profile))

    assert topics_missing(None) == 4  # personal data, image rights, copyright, defamation
    assert topics_missing({"require": ["minors"]}) == 5
    assert topics_missing({"disable": ["copyright", "defamation"]}) == 2
    assert topics_missing({"disable": ["RB602"]}) == 0


def config_project(tmp_path: Path, config: str) -> Path:
    shutil.copytree(BUNDLED, tmp_path / "rulebook")
    (tmp_path / ".rulebook.yaml").write_text(config, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("profile: goverment\n", "`profile`"),
        ("profile: {extends: charity}\n", "`profile"),
        ("profile: {require: [RB999]}\n", "`profile.require`: 'RB999' is neither"),
        ("profile: {disable: [nothing-like-this]}\n", "`profile.disable`"),
    ],
)
def test_a_bad_profile_in_the_configuration_is_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
    message: str,
) -> None:
    monkeypatch.chdir(config_project(tmp_path, config))
    result = run(capsys, "lint", "rulebook")
    assert result.code == 2, result.out
    assert message in result.err and "Traceback" not in result.err


def test_a_profile_in_the_configuration_is_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = config_project(tmp_path, "today: 2026-11-27\nprofile: company\n")
    (project / "rulebook" / "legal.yaml").write_text(BY_CODE["RB602"].bad, encoding="utf-8")
    monkeypatch.chdir(project)
    payload = json.loads(run(capsys, "lint", "--format", "json", "rulebook").out)
    messages = [f["message"] for f in payload["findings"] if f["code"] == "RB602"]
    assert len(messages) == 6 and all("profiel company" in m for m in messages)  # in Dutch
    assert not any("neutral" in m for m in messages)  # a company is no public body
    (project / ".rulebook.yaml").write_text(
        "today: 2026-11-27\nprofile: {extends: company, disable: [RB602]}\n", encoding="utf-8"
    )
    payload = json.loads(run(capsys, "lint", "--format", "json", "rulebook").out)
    assert "RB602" not in [f["code"] for f in payload["findings"]]


@pytest.mark.usefixtures("english")  # explain speaks the Dutch of the repository's policy
def test_rules_and_explain_name_the_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    listing = run(capsys, "rules").out
    line = next(line for line in listing.splitlines() if line.startswith("RB804"))
    assert "local-government,public-body" in line
    assert "any-profile" in next(line for line in listing.splitlines() if line.startswith("RB602"))
    explained = run(capsys, "explain", "RB602").out
    assert "Profiles: every policy with a meta.profile." in explained
    assert "30 July 2018" in explained and "XI.174" in explained


# --- RB806: forms of address -----------------------------------------------------------------


def test_an_hour_is_not_a_form_of_address(tmp_path: Path) -> None:
    fragment = BY_CODE["RB806"].good.replace(
        "Je kunt ons ook een privébericht sturen.", "We antwoorden tot 17 u."
    )
    assert "RB806" not in codes(tmp_path, fragment)


# --- open-ended text: the language-aware judges never fail ----------------------------------


@given(st.text(max_size=200), st.sampled_from(["nl", "en", "fr", "de", "fi", "nl-BE"]))
@settings(max_examples=200, deadline=None)
def test_text_judges_take_any_text(text: str, language: str) -> None:
    assert welcomes_criticism(text, language) in (True, False, None)
    found = unfinished(text)
    assert found is None or found.lower() in text.lower()
    repealed(text)


# --- issue 20: word forms, clauses, bans on all political posts -------------------------------


@pytest.mark.parametrize(
    ("topic", "text"),
    [
        ("minors", "Voor jongeren onder 18 vragen we de toestemming van een ouder."),
        ("minors", "Toestemming van de ouders."),
        ("labour-law", "Een inbreuk kan leiden tot een tuchtmaatregel."),
        ("confidentiality", "Personeelsleden gaan discreet om met wat hen wordt toevertrouwd."),
    ],
)
def test_a_topic_is_found_in_any_word_form(topic: str, text: str) -> None:
    from policy_rulebook.linter.checks.legal_topics import covers

    assert covers({"topic": "x", "text": text}, topic)


def test_privacy_in_passing_is_not_a_personal_data_item() -> None:
    from policy_rulebook.linter.checks.legal_topics import covers

    images = {"topic": "Beelden", "text": "Uit respect voor de privacy publiceer je geen beelden."}
    assert not covers(images, "personal-data")
    assert covers({"topic": "Privacy", "text": "Deel geen gegevens."}, "personal-data")


@pytest.mark.parametrize(
    ("text", "language", "welcome"),
    [
        ("We verwijderen geen berichten omdat ze kritisch zijn.", "nl", True),
        ("Je mening is welkom, maar kritiek op het bestuur verwijderen we.", "nl", False),
        ("Kritiek is welkom, maar kritiek op het bestuur verwijderen we.", "nl", False),
        ("Your opinion is welcome, but we remove criticism of the board.", "en", False),
        ("We never remove criticism.", "en", True),
        ("Kritiek is hier niet welkom.", "nl", False),
    ],
)
def test_rb803_decides_per_clause(text: str, language: str, welcome: bool) -> None:
    from policy_rulebook.linter.checks.criticism_welcome import welcomes_criticism

    assert welcomes_criticism(text, language) is welcome


@pytest.mark.parametrize(
    ("text", "language", "all_banned"),
    [
        ("Berichten van politieke aard zijn niet toegelaten.", "nl", True),
        ("Political posts are not allowed.", "en", True),
        ("Politieke berichten van de oppositie verwijderen we.", "nl", False),
        (
            "Verkiezingspropaganda van kandidaten die het bestuur zwartmaken, verwijderen we.",
            "nl",
            False,
        ),
    ],
)
def test_rb804_accepts_a_ban_on_all_political_posts(
    text: str, language: str, all_banned: bool
) -> None:
    from policy_rulebook.linter.checks.political_even_handed import bans_all

    assert bans_all(text, language) is all_banned


# --- issue 20: consistency checks a reviewer does by eye --------------------------------------


def test_the_new_consistency_checks_on_one_policy(tmp_path: Path) -> None:
    """RB205, RB405, RB406, RB524 and RB710 on one policy, end to end through the loader."""
    policy = """
meta:
  organisation: Stad Lindebeek
  profile: public-body
  version: 1.0.0
  status: adopted
  owner: Dienst Communicatie
  adopted_on: 2026-01-10
  review_by: 2030-01-10
  languages: [nl]
conduct:
  speaking_capacity:
    on_behalf: Alleen de woordvoerder en de dienst Communicatie spreken in naam van de stad.
contact:
  primary: {name: An Peeters, role: Communicatie, email: an@lindebeek.be, phone: 03 123 45 67}
  backup: {name: Tom Maes, role: Webcare, email: tom@lindebeek.be, phone: 03 123 45 68}
  escalation:
    - {id: crisis, topic: Crisis, name: Els Claes, role: Noodplan, email: els@lindebeke.be}
roles:
  team:
    - {id: communications, name: Dienst Communicatie}
reactions:
  start: remove
  nodes:
    - id: remove
      outcome: Verwijder de reactie en blokkeer de afzender.
"""
    (tmp_path / "policy.yaml").write_text(policy, encoding="utf-8")
    report = engine.lint(loader.load(tmp_path), Context(today=TODAY))
    found = {(f.code, f.path): f.message for f in report.findings}
    assert "'woordvoerder'" in found[("RB205", "/conduct/speaking_capacity/on_behalf")]
    assert "Communicatie" not in found[("RB205", "/conduct/speaking_capacity/on_behalf")]
    assert "gegevensbescherming" in found[("RB405", "/contact/escalation")]
    assert "els@lindebeke.be" in found[("RB406", "/contact/escalation/0/email")]
    assert "2029-01-10" in found[("RB524", "/meta/review_by")]
    assert ("RB710", "/reactions/nodes/0") in found


def test_the_new_consistency_checks_stay_silent_where_all_is_well(tmp_path: Path) -> None:
    report = engine.lint(loader.load(BUNDLED), Context(today=TODAY))
    codes_found = {f.code for f in report.findings}
    assert not codes_found & {"RB205", "RB405", "RB406", "RB524", "RB710"}


def test_a_missing_field_is_named_without_its_schema_description(tmp_path: Path) -> None:
    (tmp_path / "policy.yaml").write_text(
        "meta:\n  organisation: X\n  version: 1.0.0\n  status: draft\n  owner: X\n"
        "  adopted_on: 2026-01-01\n  languages: [en]\n",
        encoding="utf-8",
    )
    report = engine.lint(loader.load(tmp_path), Context(today=TODAY))
    message = next(f.message for f in report.findings if f.path == "/meta/review_by")
    assert "review_by" in message and "RB501" not in message and "The date" not in message


def test_rb301_names_the_item_and_suggests_proper_name(tmp_path: Path) -> None:
    (tmp_path / "policy.yaml").write_text(
        "meta:\n  organisation: X\n  version: 1.0.0\n  status: draft\n  owner: {nl: X, en: X}\n"
        "  adopted_on: 2026-01-01\n  review_by: 2027-01-01\n  languages: [nl, en]\n"
        "legal:\n  items:\n    - id: discriminatie\n      topic: Discriminatie\n"
        "      text: {nl: a, en: b}\n      basis:\n        - title: Antidiscriminatiewet\n",
        encoding="utf-8",
    )
    report = engine.lint(loader.load(tmp_path), Context(today=TODAY))
    messages = {f.path: f.message for f in report.findings if f.code == "RB301"}
    # the policy speaks Dutch first, so do its messages
    assert "`discriminatie` in `legal.items`, veld `topic`" in messages["/legal/items/0/topic"]
    assert "proper_name: true" in messages["/legal/items/0/basis/0/title"]
    assert "proper_name" not in messages["/legal/items/0/topic"]
