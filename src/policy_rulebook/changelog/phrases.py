"""The fixed words of announcements, per language (Dutch first, English second).

A language with a message catalogue but no table here (French) gets the English table
translated by the catalogue (core.i18n); any other language gets the English phrases around
its own words. scripts/update_catalogues.py puts the English values in the catalogue.
"""

from __future__ import annotations

from typing import Final

from policy_rulebook.core import i18n
from policy_rulebook.core.dates import long_date

PHRASES: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "what_changes": "Wat verandert er voor jou?",
        "version": "versie",
        "effective": "van kracht op {date}",
        "new": "Nieuw",
        "changed": "Aangepast",
        "removed": "Geschrapt",
        "moved_to": "Verplaatst naar {list}",
        "was": "was: {text}",
        "field_new": "{field}: {text}",
        "field_removed": "{field} geschrapt",
        "new_contact": "Je nieuwe aanspreekpunt is {who}.",
        "new_backup": "Je nieuwe back-up als aanspreekpunt is {who}.",
        "contact_details": "Nieuwe contactgegevens voor {who}.",
        "no_backup": "Er is geen back-up meer als aanspreekpunt.",
        "questions": "Vragen? Mail {email}.",
        "first": "Dit is de eerste versie van het beleid die we bijhouden.",
        "nothing": "In deze versie verandert er inhoudelijk niets voor jou.",
        "policy": "Beleid",
        "changes": "{count} wijziging|{count} wijzigingen",
        "legal_count": "{count} juridisch",
        "added_by": "toegevoegd",
        "removed_by": "geschrapt",
        "changed_by": "gewijzigd",
        "moved_by": "verplaatst",
        "renamed_by": "id gewijzigd",
        "by": "door {author} in {commit} ({date})",
        "uncommitted": "nog niet gecommit",
        "no_changes": "Geen wijzigingen.",
        "from_to": "van {old} naar {new}",
        "initial": "eerste versie",
        "working_tree": "werkkopie",
        "scenario": "Scenario",
        "if_yes": "bij ja nu: {target}",
        "if_no": "bij nee nu: {target}",
    },
    "en": {
        "what_changes": "What changes for you?",
        "version": "version",
        "effective": "in effect from {date}",
        "new": "New",
        "changed": "Changed",
        "removed": "Removed",
        "moved_to": "Moved to {list}",
        "was": "was: {text}",
        "field_new": "{field}: {text}",
        "field_removed": "{field} removed",
        "new_contact": "Your new contact point is {who}.",
        "new_backup": "Your new backup contact is {who}.",
        "contact_details": "New contact details for {who}.",
        "no_backup": "There is no longer a backup contact.",
        "questions": "Questions? Mail {email}.",
        "first": "This is the first version of the policy on record.",
        "nothing": "Nothing in this version changes what you do.",
        "policy": "Policy",
        "changes": "{count} change|{count} changes",
        "legal_count": "{count} legal",
        "added_by": "added",
        "removed_by": "removed",
        "changed_by": "changed",
        "moved_by": "moved",
        "renamed_by": "id changed",
        "by": "by {author} in {commit} ({date})",
        "uncommitted": "not committed yet",
        "no_changes": "No changes.",
        "from_to": "from {old} to {new}",
        "initial": "first version",
        "working_tree": "working tree",
        "scenario": "Scenario",
        "if_yes": "if yes, now: {target}",
        "if_no": "if no, now: {target}",
    },
}

SECTION_TITLES: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "meta": "Over dit beleid",
        "brand": "Wie we zijn en waar we voor staan",
        "conduct": "Do's en don'ts",
        "legal": "Juridische do's en don'ts",
        "contact": "Aanspreekpunt",
        "roles": "Wie doet wat",
        "reactions": "Hoe reageer je",
        "house_rules": "Huisregels",
        "channels": "Officiële accounts",
    },
    "en": {
        "meta": "About this policy",
        "brand": "Who we are and what we stand for",
        "conduct": "Do's and don'ts",
        "legal": "Legal do's and don'ts",
        "contact": "Contact point",
        "roles": "Who does what",
        "reactions": "How to react",
        "house_rules": "House rules",
        "channels": "Official accounts",
    },
}

#: Names of keys that staff read (a key missing here is shown with spaces for underscores).
FIELD_NAMES: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "dos": "do's", "donts": "don'ts", "intro": "Inleiding", "mission": "Missie",
        "vision": "Visie", "online_behaviour": "Ons gedrag online",
        "tone_of_voice": "Tone of voice", "description": "Beschrijving",
        "register": "Aanspreekvorm", "own_name": "In eigen naam",
        "on_behalf": "Namens de organisatie", "disclaimer": "Disclaimer",
        "rationale": "waarom", "example": "voorbeeld", "consequence": "gevolg",
        "basis": "rechtsgrond", "topic": "onderwerp", "help": "hulp", "guidance": "aanpak",
        "initiative": "Eigen initiatief", "response_times": "Reactietijden",
        "office_hours": "Tijdens de kantooruren", "first_response": "Eerste reactie",
        "evenings_weekends": "'s Avonds en in het weekend", "crisis": "Bij een crisis",
        "summary": "Samenvatting", "title": "Titel", "distribution": "Verspreiding",
        "answer": "antwoord", "question": "vraag", "hours": "bereikbaarheid",
        "start": "Eerste vraag van het reactieschema",
    },
    "en": {
        "dos": "do's", "donts": "don'ts", "intro": "Introduction", "mission": "Mission",
        "vision": "Vision", "online_behaviour": "How we behave online",
        "tone_of_voice": "Tone of voice", "description": "Description",
        "register": "Register", "own_name": "In your own name",
        "on_behalf": "On behalf of the organisation", "disclaimer": "Disclaimer",
        "rationale": "why", "example": "example", "consequence": "consequence",
        "basis": "legal basis", "topic": "topic", "help": "help", "guidance": "guidance",
        "initiative": "Your own initiative", "response_times": "Response times",
        "office_hours": "During office hours", "first_response": "First response",
        "evenings_weekends": "Evenings and weekends", "crisis": "In a crisis",
        "summary": "Summary", "title": "Title", "distribution": "Distribution",
        "answer": "answer", "question": "question", "hours": "hours",
        "start": "First question of the reaction scheme",
    },
}

def table(lang: str) -> str:
    """The phrase table for a language: its own, the English one through its catalogue, or
    English."""
    base = lang.split("-")[0].lower()
    if base not in PHRASES and base in i18n.LANGUAGES:
        for tables in (PHRASES, SECTION_TITLES, FIELD_NAMES):
            tables[base] = i18n.translated(tables["en"], base)
    return base if base in PHRASES else "en"


def phrase(lang: str, key: str, count: int | None = None, **values: str) -> str:
    text = PHRASES[table(lang)][key]
    if count is not None:
        if "|" in text:
            one, many = text.split("|")
            text = one if count == 1 else many
        values = {**values, "count": str(count)}
    return text.format(**values)


def section_title(lang: str, section: str) -> str:
    return SECTION_TITLES[table(lang)].get(section, section.replace("_", " "))


def field_name(lang: str, key: str) -> str:
    return FIELD_NAMES[table(lang)].get(key, key.replace("_", " "))

__all__ = ["field_name", "long_date", "phrase", "section_title", "table"]
