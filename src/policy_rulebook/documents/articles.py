"""Article numbers of the printed policy: they live in ``core.articles`` (the legal redline
names items by them too); kept importable here for the document renderers."""

from policy_rulebook.core.articles import LISTS, SECTION_NUMBERS, list_number, numbers

__all__ = ["LISTS", "SECTION_NUMBERS", "list_number", "numbers"]
