"""The explicit registry of checks. Codes are permanent: a retired code is never reused.

Families: RB0xx files and YAML, RB1xx shape and completeness, RB2xx ids and references,
RB3xx languages, RB4xx contact point, RB5xx dates, RB6xx legal,
RB9xx version discipline (their findings need git: `rulebook lint --base`).
"""

from __future__ import annotations

from policy_rulebook.linter.checks import (  # hostile input (robust)
    contact_backup,
    contact_email,
    contact_phone,
    control_character,
    criticism_welcome,
    dos_donts_balance,
    duplicate_id,
    duplicate_key,
    duplicate_section,
    empty_section,
    encoding,
    file_too_large,
    idle_role,
    legal_basis,
    merge_key,
    missing_section,
    missing_translation,
    no_way_out,
    not_a_mapping,
    placeholder_text,
    political_even_handed,
    retired_id,
    review_overdue,
    rule_without_reason,
    same_branches,
    scenario_off_path,
    schema_violation,
    scheme_cycle,
    second_start,
    suppression_expired,
    suppression_malformed,
    suppression_reason,
    suppression_unused,
    symlink_outside,
    text_cut_by_comment,
    too_deep,
    too_many_aliases,
    undeclared_language,
    unknown_section,
    unreachable_node,
    unreached_outcome,
    unresolved_reference,
    version_not_raised,
    version_raise_too_small,
    yaml_syntax,
    yaml_tag,
)
from policy_rulebook.linter.checks.base import Check, Context

CHECKS: tuple[Check, ...] = (
    yaml_syntax.CHECK,
    duplicate_key.CHECK,
    yaml_tag.CHECK,
    not_a_mapping.CHECK,
    encoding.CHECK,
    file_too_large.CHECK,
    unknown_section.CHECK,
    duplicate_section.CHECK,
    schema_violation.CHECK,
    missing_section.CHECK,
    empty_section.CHECK,
    placeholder_text.CHECK,
    duplicate_id.CHECK,
    unresolved_reference.CHECK,
    idle_role.CHECK,
    missing_translation.CHECK,
    undeclared_language.CHECK,
    contact_email.CHECK,
    contact_phone.CHECK,
    contact_backup.CHECK,
    review_overdue.CHECK,
    legal_basis.CHECK,
    # version discipline: findings composed by `rulebook lint --base` (changelog.discipline)
    version_not_raised.CHECK,
    version_raise_too_small.CHECK,
    retired_id.CHECK,
    # ci: suppressions (RB05x)
    suppression_malformed.CHECK,
    suppression_reason.CHECK,
    suppression_unused.CHECK,
    suppression_expired.CHECK,
    # reaction scheme (RB7xx)
    second_start.CHECK,
    same_branches.CHECK,
    scheme_cycle.CHECK,
    unreachable_node.CHECK,
    no_way_out.CHECK,
    unreached_outcome.CHECK,
    scenario_off_path.CHECK,
    # conduct and house rules (RB8xx)
    dos_donts_balance.CHECK,
    rule_without_reason.CHECK,
    criticism_welcome.CHECK,
    political_even_handed.CHECK,
    # hostile input (robust)
    too_many_aliases.CHECK,
    too_deep.CHECK,
    merge_key.CHECK,
    symlink_outside.CHECK,
    control_character.CHECK,
    # texts YAML cuts short (i18n)
    text_cut_by_comment.CHECK,
)

BY_CODE: dict[str, Check] = {check.code: check for check in CHECKS}

__all__ = ["BY_CODE", "CHECKS", "Check", "Context"]
