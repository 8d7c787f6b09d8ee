"""Codes the loader emits itself. Each is documented by its check module in ``checks/``.

Codes are permanent: a retired code is never reused.
"""

YAML_SYNTAX = "RB001"
DUPLICATE_KEY = "RB002"
YAML_TAG = "RB003"
NOT_A_MAPPING = "RB004"
ENCODING = "RB005"
FILE_TOO_LARGE = "RB006"
TOO_MANY_ALIASES = "RB007"
TOO_DEEP = "RB008"
MERGE_KEY = "RB009"
UNKNOWN_SECTION = "RB010"
DUPLICATE_SECTION = "RB011"
SYMLINK_OUTSIDE = "RB012"

#: Codes of checks that were removed. They stay here for good, so that no new check takes one
#: (a suppression or a CI rule written for the old meaning must never silence a new one);
#: tests/test_check_examples.py and scripts/add_check.py refuse them.
RETIRED: frozenset[str] = frozenset()
