"""The fixed words of announcements, per language (Dutch first, English second).

A language with a message catalogue but no table here (French) gets the English table
translated by the catalogue (core.i18n); any other language gets the English phrases around
its own words. Field and section names are not here: they come from the schema's titles
(``changelog.labels``).
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
        "moved_from": "Verplaatst uit {list}",
        "moved_from_to": "van {old} naar {new}",
        "moved": "Verplaatst",
        "was": "was: {text}",
        "draft": "ONTWERP",
        "draft_banner": "ONTWERP: deze versie is nog niet goedgekeurd en nog niet van kracht.",
        "unreleased": "{title}: nog niet vrijgegeven wijzigingen na versie {version}",
        "why": "Waarom: {why}",
        "unreleased_short": "nog niet vrijgegeven",
        "editorial_only": "In deze versie zijn alleen taal en spelling verbeterd; voor jou "
        "verandert er niets.",
        "translation_only": "In deze versie is alleen de vertaling aangepast; voor jou "
        "verandert er niets.",
        "editorial": "redactioneel",
        "editorial_guessed": "redactioneel (automatisch herkend: alleen spelling, leestekens, "
        "hoofdletters of spaties)",
        "editorial_marked": "redactioneel (zo aangeduid door de auteur)",
        "editorial_id": "redactioneel (alleen de id veranderde, niet de tekst)",
        "material_marked": "inhoudelijk (zo aangeduid door de auteur, hoewel het redactioneel "
        "leek)",
        "only_language": "alleen de tekst in het {languages}",
        "editorial_count": "{count} redactioneel",
        "commit_line": "door {author} in {commit} op {date}: “{subject}”",
        "versions": "versies {first} tot {last}",
        "legal_redline": "Juridische redline",
        "staff_announcement": "Aankondiging voor het personeel",
        "generated": "Gemaakt op {date}",
        "yes": "ja",
        "no": "nee",
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
        "replaced_whole": "tekst als geheel vervangen: te lang om woord voor woord te vergelijken",
    },
    "en": {
        "what_changes": "What changes for you?",
        "version": "version",
        "effective": "in effect from {date}",
        "new": "New",
        "changed": "Changed",
        "removed": "Removed",
        "moved_to": "Moved to {list}",
        "moved_from": "Moved from {list}",
        "moved_from_to": "from {old} to {new}",
        "moved": "Moved",
        "was": "was: {text}",
        "draft": "DRAFT",
        "draft_banner": "DRAFT: this version is not approved yet and not in effect.",
        "unreleased": "{title}: unreleased changes after version {version}",
        "why": "Why: {why}",
        "unreleased_short": "unreleased",
        "editorial_only": "This version only corrects language and spelling; nothing changes "
        "for you.",
        "translation_only": "This version only changes the translation; nothing changes for you.",
        "editorial": "editorial",
        "editorial_guessed": "editorial (recognised automatically: only spelling, punctuation, "
        "capitals or spacing)",
        "editorial_marked": "editorial (marked so by the author)",
        "editorial_id": "editorial (only the id changed, not the text)",
        "material_marked": "material (marked so by the author, although it looked editorial)",
        "only_language": "only the {languages} text",
        "editorial_count": "{count} editorial",
        "commit_line": "by {author} in {commit} on {date}: “{subject}”",
        "versions": "versions {first} to {last}",
        "legal_redline": "Legal redline",
        "staff_announcement": "Staff announcement",
        "generated": "Made on {date}",
        "yes": "yes",
        "no": "no",
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
        "replaced_whole": "text replaced as a whole: too long to compare word by word",
    },
}


def table(lang: str) -> str:
    """The phrase table for a language: its own, the English one through its catalogue, or
    English."""
    base = lang.split("-")[0].lower()
    if base not in PHRASES and base in i18n.LANGUAGES:
        PHRASES[base] = i18n.translated(PHRASES["en"], base)
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
    """A section's name from the schema's titles (``changelog.labels``)."""
    from policy_rulebook.changelog.labels import title

    return title(lang, (section,))


__all__ = ["long_date", "phrase", "section_title", "table"]
