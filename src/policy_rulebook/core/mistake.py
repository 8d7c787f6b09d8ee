"""A YAML mistake in plain words, and the shape of a language code as a field name.

Shared by the recognisers of ``yaml_mistakes`` and the ones it calls only when a file does not
read (``yaml_repairs``, ``yaml_indentation``): those two are imported on that path alone, so
that a lint of files that read (every commit) does not compile their expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Mistake:
    """A mistake in plain words, at a 1-based line and column."""

    line: int
    column: int
    message: str


#: A language code as a field name (``nl``, ``en-GB``).
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Z]{2})?")
