"""Text that reaches a terminal: control characters and ANSI escapes are never written raw.

The escaping itself lives in ``policy_rulebook.core.escape`` (one escaper per format); these
names stay for the callers that print to a terminal.
"""

from __future__ import annotations

from policy_rulebook.core.escape import has_control, line
from policy_rulebook.core.escape import terminal as safe

__all__ = ["has_control", "line", "safe"]
