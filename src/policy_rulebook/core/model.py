"""What a rulebook consists of: sections, id kinds and references (see docs/format.md)."""

from __future__ import annotations

from typing import Final

from policy_rulebook.core.i18n import N_

#: The six elements of the article plus ``meta``, in the article's order.
REQUIRED_SECTIONS: Final = ("meta", "brand", "conduct", "legal", "contact", "roles", "reactions")
OPTIONAL_SECTIONS: Final = ("house_rules", "channels")
SECTIONS: Final = REQUIRED_SECTIONS + OPTIONAL_SECTIONS

#: Each section in the article's words, for messages people read (translate with ``_``).
SECTION_TITLES: Final[dict[str, str]] = {
    "meta": N_("metadata (organisation, version, status, owner, dates, languages)"),
    "brand": N_("brand: who you are and what you stand for"),
    "conduct": N_("do's and don'ts for staff"),
    "legal": N_("legal do's and don'ts"),
    "contact": N_("contact point"),
    "roles": N_("division of tasks (who does what)"),
    "reactions": N_("reaction scheme (how to react)"),
    "house_rules": N_("house rules for the organisation's public pages"),
    "channels": N_("list of official accounts"),
}

#: Id kind -> the lists (paths of keys from the root) whose items are of that kind.
ID_KINDS: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "value": (("brand", "values"),),
    "tone-principle": (("brand", "tone_of_voice", "principles"),),
    "rule": (("conduct", "dos"), ("conduct", "donts")),
    "legal-item": (("legal", "items"),),
    "escalation": (("contact", "escalation"),),
    "role": (("roles", "team"),),
    "task": (("roles", "tasks"),),
    "node": (("reactions", "nodes"),),
    "scenario": (("reactions", "scenarios"),),
    "house-rule": (("house_rules", "rules"),),
    "channel": (("channels", "accounts"),),
}

#: References: (list path, field, target kind). A field holding a list refers with each item.
REFERENCES: Final[tuple[tuple[tuple[str, ...], str, str], ...]] = (
    (("roles", "tasks"), "owner", "role"),
    (("roles", "tasks"), "backup", "role"),
    (("channels", "accounts"), "owner", "role"),
    (("reactions", "nodes"), "yes", "node"),
    (("reactions", "nodes"), "no", "node"),
    (("reactions", "scenarios"), "node", "node"),
    (("reactions", "scenarios"), "house_rules", "house-rule"),
)

#: Single references that are not inside a list: (path to the mapping, field, target kind).
SINGLE_REFERENCES: Final[tuple[tuple[tuple[str, ...], str, str], ...]] = (
    (("reactions",), "start", "node"),
    (("meta", "approval"), "by", "role"),
)


#: Each id kind as a noun in messages (translate with ``_``).
KIND_NAMES: Final[dict[str, str]] = {
    "value": N_("value"),
    "tone-principle": N_("tone-of-voice principle"),
    "rule": N_("do or don't"),
    "legal-item": N_("legal item"),
    "escalation": N_("escalation contact"),
    "role": N_("role"),
    "task": N_("task"),
    "node": N_("step"),
    "scenario": N_("scenario"),
    "house-rule": N_("house rule"),
    "channel": N_("channel"),
}
