"""The fixed words of announcements: one English table, read in every language through the
message catalogue (``core.i18n``; a language without a catalogue reads English). Field and
section names are not here: they come from the schema's titles (``core.labels``).
"""

from __future__ import annotations

from typing import Final

from policy_rulebook.core import i18n
from policy_rulebook.core.dates import long_date
from policy_rulebook.core.i18n import N_

#: The fixed words of announcements in English; every language reads them through its catalogue.
PHRASES: Final[dict[str, str]] = {
    "what_changes": N_("What changes for you?"),
    "version": N_("version"),
    "effective": N_("in effect from {date}"),
    "new": N_("New"),
    "changed": N_("Changed"),
    "removed": N_("Removed"),
    "moved_to": N_("Moved to {list}"),
    "moved_from": N_("Moved from {list}"),
    "moved_from_to": N_("from {old} to {new}"),
    "moved": N_("Moved"),
    "was": N_("was: {text}"),
    "draft": N_("DRAFT"),
    "draft_banner": N_("DRAFT: this version is not approved yet and not in effect."),
    "unreleased": N_("{title}: unreleased changes after version {version}"),
    "why": N_("Why: {why}"),
    "unreleased_short": N_("unreleased"),
    "editorial_only": N_(
        "This version only corrects language and spelling; nothing changes for you."
    ),
    "translation_only": N_("This version only changes the translation; nothing changes for you."),
    "editorial": N_("editorial"),
    "editorial_guessed": N_(
        "editorial (recognised automatically: only spelling, punctuation, capitals or spacing)"
    ),
    "editorial_marked": N_("editorial (marked so by the author)"),
    "editorial_id": N_("editorial (only the id changed, not the text)"),
    "material_marked": N_("material (marked so by the author, although it looked editorial)"),
    "only_language": N_("only the {languages} text"),
    "editorial_count": N_("{count} editorial"),
    "commit_line": N_("by {author} in {commit} on {date}: “{subject}”"),
    "versions": N_("versions {first} to {last}"),
    "legal_redline": N_("Legal redline"),
    "staff_announcement": N_("Staff announcement"),
    "generated": N_("Made on {date}"),
    "field_new": N_("{field}: {text}"),
    "field_removed": N_("{field} removed"),
    "new_contact": N_("Your new contact point is {who}."),
    "new_backup": N_("Your new backup contact is {who}."),
    "contact_details": N_("New contact details for {who}."),
    "no_backup": N_("There is no longer a backup contact."),
    "questions": N_("Questions? Mail {email}."),
    "first": N_("This is the first version of the policy on record."),
    "nothing": N_("Nothing in this version changes what you do."),
    "policy": N_("Policy"),
    "changes": N_("{count} change|{count} changes"),
    "legal_count": N_("{count} legal"),
    "added_by": N_("added"),
    "removed_by": N_("removed"),
    "changed_by": N_("changed"),
    "moved_by": N_("moved"),
    "renamed_by": N_("id changed"),
    "by": N_("by {author} in {commit} ({date})"),
    "uncommitted": N_("not committed yet"),
    "no_changes": N_("No changes."),
    "from_to": N_("from {old} to {new}"),
    "initial": N_("first version"),
    "working_tree": N_("working tree"),
    "scenario": N_("Scenario"),
    "if_yes": N_("if yes, now: {target}"),
    "if_no": N_("if no, now: {target}"),
    "yes": N_("yes"),
    "no": N_("no"),
    "references_only": N_(
        "This version only brings the legal references up to date (the laws and articles "
        "the rules rest on); nothing changes for you."
    ),
    "references_updated": N_("Legal references updated"),
    "nothing_for_you": N_("nothing changes for you"),
    "source_changed": N_(
        "In this version the {source} text changed; the {target} translation follows."
    ),
    "source_only": N_("the {source} text changed; the {target} translation follows"),
    "new_consequence": N_("New consequence for {topic}"),
    "consequence_removed": N_("Consequence removed for {topic}"),
    "consequence_changed": N_("Consequence changed for {topic}"),
    "the_rule": N_("(the rule: {rule})"),
    "then_yes": N_("If so: {step}"),
    "then_no": N_("If not: {step}"),
    "read_policy": N_("Read the whole policy: {url}"),
    "unreleased_banner": N_(
        "NOT RELEASED YET: these changes are not approved yet and do not apply yet."
    ),
    "editorial_marked_by": N_("editorial (marked so by {who} with Policy-Change: editorial)"),
    "editorial_refused": N_(
        "material: {who} marked this editorial (Policy-Change: editorial), but an addition, "
        "removal, move or change of legal basis is always material"
    ),
    "no_version": N_("no version"),
    "replaced_whole": N_("text replaced as a whole: too long to compare word by word"),
    "grouped": N_(
        "{count:,} more change, from {first} to {last}: too many to show one by one|"
        "{count:,} more changes, from {first} to {last}: too many to show one by one"
    ),
}


def phrase(lang: str, key: str, count: int | None = None, **values: str) -> str:
    with i18n.language(lang):  # a count groups its thousands as the language does
        text = i18n._(PHRASES[key])
        if count is None:
            return text.format(**values)
        if "|" in text:
            one, many = text.split("|")
            text = one if count == 1 else many
        return text.format(**values, count=i18n.Count(count))


def section_title(lang: str, section: str) -> str:
    """A section's name from the schema's titles (``core.labels``)."""
    from policy_rulebook.core.labels import title

    return title(lang, (section,))


__all__ = ["long_date", "phrase", "section_title"]
