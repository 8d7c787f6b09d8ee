"""``rulebook init``: a new policy to fill in, one file per section.

Each file starts with the schema modeline (editors then show the schema's help while you
type), explains in comments what the article asks of that element, in its own words, and
holds placeholders (``TODO: ...``) where the organisation has to write. ``rulebook lint``
then lists, in plain words, everything that is still to write. Nothing is ever overwritten.
No click here (see ``actions``).
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Sequence
from pathlib import Path

from policy_rulebook.core.findings import InputError

SCHEMA_NAME = "rulebook.schema.json"
MODELINE = f"# yaml-language-server: $schema={SCHEMA_NAME}\n"
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")

#: What still has to be written, per language (other languages get the English hint).
HINTS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "de titel van het beleid", "owner": "wie is eigenaar van het beleid",
        "summary": "het beleid in één alinea",
        "distribution": "hoe het beleid bij het personeel komt",
        "mission": "waar staat de organisatie voor", "vision": "waar wil de organisatie naartoe",
        "value": "een waarde van de organisatie", "value-description": "wat die waarde betekent",
        "online": "hoe de organisatie zich online gedraagt",
        "tone": "hoe de organisatie klinkt", "intro": "een korte inleiding",
        "own_name": "wanneer en hoe medewerkers in eigen naam spreken",
        "on_behalf": "wie in naam van de organisatie spreekt",
        "disclaimer": "de disclaimer voor persoonlijke profielen",
        "do": "een praktische regel of tip (een do)", "dont": "iets wat niet mag (een don't)",
        "rationale": "waarom die regel er is",
        "topic": "het onderwerp (bv. privacy, beeldrecht, discriminatie)",
        "legal": "wat de wet of de deontologische code vraagt",
        "basis-title": "de wet of code waarop dit steunt",
        "role-contact": "de functie van de contactpersoon",
        "hours": "wanneer je deze persoon kunt bereiken",
        "role": "de naam van een rol", "role-description": "wat deze rol doet",
        "task": "de naam van een taak (bv. online luisteren)",
        "task-description": "wat deze taak inhoudt",
        "initiative": "hoe collega's zelf initiatief kunnen nemen",
        "question": "de eerste vraag van het reactieschema",
        "outcome-yes": "wat je doet als het antwoord ja is",
        "outcome-no": "wat je doet als het antwoord nee is",
    },
    "en": {
        "title": "the title of the policy", "owner": "who owns the policy",
        "summary": "the policy in one paragraph", "distribution": "how the policy reaches staff",
        "mission": "what the organisation stands for",
        "vision": "where the organisation wants to go",
        "value": "a value of the organisation", "value-description": "what that value means",
        "online": "how the organisation behaves online",
        "tone": "how the organisation sounds", "intro": "a short introduction",
        "own_name": "when and how staff speak in their own name",
        "on_behalf": "who speaks on behalf of the organisation",
        "disclaimer": "the disclaimer for personal profiles",
        "do": "a practical rule or tip (a do)", "dont": "something not to do (a don't)",
        "rationale": "why this rule exists",
        "topic": "the topic (e.g. privacy, image rights, discrimination)",
        "legal": "what the law or the code of ethics asks",
        "basis-title": "the law or code this rests on",
        "role-contact": "the job title of the contact person",
        "hours": "when this person can be reached",
        "role": "the name of a role", "role-description": "what this role does",
        "task": "the name of a task (e.g. listening online)",
        "task-description": "what this task involves",
        "initiative": "how colleagues can take initiative themselves",
        "question": "the first question of the reaction scheme",
        "outcome-yes": "what you do when the answer is yes",
        "outcome-no": "what you do when the answer is no",
    },
}


def parse_languages(value: str) -> list[str]:
    """``nl,en`` -> ``["nl", "en"]``; ``InputError`` for anything that is not a language code."""
    languages = [part.strip() for part in value.split(",") if part.strip()]
    if not languages:
        raise InputError("--lang needs at least one language code, like nl or nl,en")
    for language in languages:
        if not _LANGUAGE.match(language):
            raise InputError(f"--lang: {language!r} is not a language code like nl, en or nl-BE")
    if len(set(languages)) != len(languages):
        raise InputError("--lang: a language is listed twice")
    return languages


class _Writer:
    """Builds the YAML text of one section with placeholders in every language."""

    def __init__(self, languages: Sequence[str]) -> None:
        self.languages = list(languages)

    def hint(self, key: str, language: str) -> str:
        return HINTS.get(language, HINTS["en"])[key]

    def text(self, indent: int, field: str, hint: str, item: bool = False) -> str:
        """A text field: ``field: TODO: ...`` for one language, a map for several."""
        pad = " " * indent
        dash = "- " if item else ""
        if len(self.languages) == 1:
            value = _quote(f"TODO: {self.hint(hint, self.languages[0])}")
            return f"{pad}{dash}{field}: {value}\n"
        lines = [f"{pad}{dash}{field}:\n"]
        inner = " " * (indent + 2 + (2 if item else 0))
        for language in self.languages:
            lines.append(f"{inner}{language}: {_quote('TODO: ' + self.hint(hint, language))}\n")
        return "".join(lines)

    def text_item(self, indent: int, hint: str) -> str:
        """A list item that is a text (``- nl: ...``)."""
        pad = " " * indent
        if len(self.languages) == 1:
            return f"{pad}- {_quote('TODO: ' + self.hint(hint, self.languages[0]))}\n"
        lines = []
        for index, language in enumerate(self.languages):
            lead = "- " if index == 0 else "  "
            lines.append(f"{pad}{lead}{language}: "
                         f"{_quote('TODO: ' + self.hint(hint, language))}\n")
        return "".join(lines)


def _quote(text: str) -> str:
    """Double-quoted (placeholders hold ``: ``); a JSON string is a valid YAML one, with every
    control character escaped (fmt then drops the quotes where YAML does not need them)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: int = 0) -> str:
    pad = " " * indent
    return "".join(f"{pad}# {line}".rstrip() + "\n"
                   for line in textwrap.dedent(text).strip().splitlines())


def sections(organisation: str | None, languages: Sequence[str]) -> dict[str, str]:
    """File name -> YAML text of a new policy."""
    w = _Writer(languages)
    org = _quote(organisation) if organisation else _quote("TODO: the organisation's name")
    files: dict[str, str] = {}

    files["meta.yaml"] = MODELINE + _comment("""
Metadata: who the policy belongs to, its version and status, its dates and its languages.
"Een policy is een set van gedragsregels en richtlijnen die kadert hoe werknemers zich kunnen
gedragen op sociale media, tijdens en na de werkuren." (Kortom, 2018)
Fill in every TODO; `rulebook lint` lists what is still missing. Optional sections you can add
in their own files: house_rules (rules for your public pages) and channels (official accounts).
""") + "meta:\n" + f"  organisation: {org}\n" + w.text(2, "title", "title") + (
        "  version: 0.1.0\n"
        "  status: draft\n"
    ) + w.text(2, "owner", "owner") + _comment("""
  Still to add, as year-month-day: the date the policy is adopted and the date by which it
  must be reviewed again, like:
  adopted_on: 2027-03-01
  review_by: 2029-03-01
""", 2) + f"  languages: [{', '.join(languages)}]\n" + w.text(
        2, "summary", "summary") + _comment("""
  "Moet dit allemaal in een doorlopende tekst? Neen. Al eens aan een nota gedacht, een
  infosessie, een toevoeging aan het arbeidsreglement, een presentatie, een roadshow bij de
  diensten of een social media café?" How will the policy reach your staff?
""", 2) + "  distribution:\n" + w.text_item(4, "distribution")

    files["brand.yaml"] = MODELINE + _comment("""
Element 1 of the article: "Wie ben jij? Waar sta je voor?"
"Om vanuit naam van je organisatie te kunnen spreken, is het nuttig dat iedereen weet waar je
'merk' voor staat, wat de organisatiewaarden zijn, hoe het zich gedraagt online en wat de
'tone of voice' is. Zorg ervoor dat die helder zijn."
""") + "brand:\n" + w.text(2, "mission", "mission") + w.text(2, "vision", "vision") + (
        "  values:\n"
        "    - id: first-value  # a short name in lowercase words joined by hyphens\n"
    ) + w.text(6, "name", "value") + w.text(6, "description", "value-description") + w.text(
        2, "online_behaviour", "online") + _comment("""
  register: informal (je/jij) or formal (u).
""", 2) + "  tone_of_voice:\n    register: informal\n" + w.text(4, "description", "tone")

    files["conduct.yaml"] = MODELINE + _comment("""
Element 2 of the article: "Do's & don'ts".
"Hou je policy praktisch: geef je medewerkers concrete regels, tips en voorbeelden."
Practical rules and tips for staff, and: do staff speak in their own name or in the name of
the organisation?
""") + "conduct:\n" + w.text(2, "intro", "intro") + "  speaking_capacity:\n" + w.text(
        4, "own_name", "own_name") + w.text(4, "on_behalf", "on_behalf") + w.text(
        4, "disclaimer", "disclaimer") + "  dos:\n    - id: first-do\n" + w.text(
        6, "text", "do") + w.text(6, "rationale", "rationale") + (
        "  donts:\n    - id: first-dont\n") + w.text(6, "text", "dont") + w.text(
        6, "rationale", "rationale")

    files["legal.yaml"] = MODELINE + _comment("""
Element 3 of the article: "Legal do's & don'ts: zijn er wettelijke implicaties?"
"Racistische boodschappen of iemand doelbewust aanzetten tot discriminatie, haat en geweld
tegen anderen is strafbaar, ook al gebeurt dit digitaal en op een privé-account. Wat wel of
niet kan hangt af van de wetgeving, maar ook van de interne policy. Ambtenaren zijn sowieso
gebonden aan een deontologische code."
Give every item at least one legal basis (the law or code and its article).
""") + "legal:\n" + w.text(2, "intro", "intro") + "  items:\n    - id: first-legal-item\n" + (
        w.text(6, "topic", "topic") + w.text(6, "text", "legal")
        + "      basis:\n" + w.text(8, "title", "basis-title", item=True)
        + "          # reference: the article, like art. 20\n"
        + "      applies_to_private_accounts: true\n")

    files["contact.yaml"] = MODELINE + _comment("""
Element 4 of the article: "Wie is er het aanspreekpunt?"
"Vermeld in je policy ook de contactgegevens van de communicatieverantwoordelijke. Die kunnen
ze contacteren met vragen of ideeën." Add a backup for when that person is away.
""") + "contact:\n" + w.text(2, "intro", "intro") + "  primary:\n" + _comment("""
  Still to add: the communications officer's name, e-mail address and phone number, like:
  name: Lien Verhaegen
  email: lien.verhaegen@example.be
  phone: +32 3 123 45 67
""", 4) + w.text(4, "role", "role-contact") + w.text(4, "hours", "hours") + (
        "  backup:\n") + _comment("""
  Still to add: the backup's name, e-mail address and phone number.
""", 4) + w.text(4, "role", "role-contact")

    files["roles.yaml"] = MODELINE + _comment("""
Element 5 of the article: "Wie doet wat?"
"Sociale media beheren is meer dan enkel berichten posten op Facebook. Ook online luisteren,
vragen opvolgen, actie ondernemen, inspiratie aanbrengen, collega's enthousiasmeren, cijfers
beheren, ... zijn allemaal taken. Lijst de verschillende taken duidelijk op en verdeel
verantwoordelijkheden over de verschillende betrokken medewerkers. Zo weet iedereen wat zijn
of haar rol is. Laat ook ruimte voor initiatief van collega's."
""") + "roles:\n" + w.text(2, "intro", "intro") + "  team:\n    - id: first-role\n" + w.text(
        6, "name", "role") + "      # holder: the person who holds this role\n" + w.text(
        6, "description", "role-description") + (
        "  tasks:\n    - id: first-task\n") + w.text(6, "name", "task") + w.text(
        6, "description", "task-description") + (
        "      owner: first-role  # the id of a role in team\n"
    ) + w.text(2, "initiative", "initiative")

    files["reactions.yaml"] = MODELINE + _comment("""
Element 6 of the article: "Hoe reageer je?"
"Maak een reactieschema. Hierin beschrijf je visueel hoe je op vragen en opmerkingen reageert.
Daarnaast schrijf je ook vraag- en antwoordscenario's uit." Each question node points to the
node for yes and the node for no; each path ends in an outcome.
""") + "reactions:\n" + w.text(2, "intro", "intro") + (
        "  start: first-question\n"
        "  nodes:\n"
        "    - id: first-question\n"
    ) + w.text(6, "question", "question") + (
        "      yes: if-yes\n"
        "      no: if-no\n"
        "    - id: if-yes\n"
    ) + w.text(6, "outcome", "outcome-yes") + "      action: respond\n    - id: if-no\n" + w.text(
        6, "outcome", "outcome-no") + "      action: monitor\n"
    return files


def create(directory: Path, organisation: str | None, languages: Sequence[str],
           schema_text: str) -> list[Path]:
    """Write a new policy into ``directory``; ``InputError`` (and nothing written) if any of
    its files exists, or if the folder already holds YAML files."""
    from policy_rulebook.authoring.fmt import format_text

    files = {name: format_text(name, text.encode("utf-8"), languages=languages)
             for name, text in sections(organisation, languages).items()}
    files_and_schema = {**files, SCHEMA_NAME: schema_text}
    if directory.exists() and not directory.is_dir():
        raise InputError(f"{directory}: exists and is not a folder")
    for name in files_and_schema:
        if (directory / name).exists() or (directory / name).is_symlink():
            raise InputError(f"{directory / name} already exists: rulebook init never "
                             "overwrites a file; choose another folder")
    if directory.is_dir():
        existing = sorted(p.name for p in directory.iterdir() if p.suffix in (".yaml", ".yml"))
        if existing:
            raise InputError(f"{directory / existing[0]} already exists: the folder already "
                             "holds a policy; choose another folder")
    from policy_rulebook.core import atomic

    # All or nothing (a full disk leaves no half policy), never over a file that appeared.
    contents = {directory / name: text.encode("utf-8") for name, text in files_and_schema.items()}
    atomic.write_new(contents)
    return list(contents)
