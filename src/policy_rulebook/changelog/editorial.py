"""Is a change of text editorial or material? The rule lives in ``core.editorial`` (the linter's
RB902 needs it too); this name stays for the changelog's own imports."""

from __future__ import annotations

from policy_rulebook.core.editorial import MAX_SPELLING_EDITS, is_editorial_text_change

__all__ = ["MAX_SPELLING_EDITS", "is_editorial_text_change"]
