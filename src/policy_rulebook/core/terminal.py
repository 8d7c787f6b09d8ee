"""Text that reaches a terminal: control characters and ANSI escapes are never written raw."""

from __future__ import annotations

import re

#: C0 and C1 control characters except tab and newline (ESC, the start of every ANSI escape
#: sequence, is \x1b; \x9b is a one-character CSI), and the Unicode bidirectional overrides
#: that make a terminal show text in another order than it is written ("Trojan source").
#: Lone surrogates (a file name that is not valid UTF-8) cannot be written at all.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def safe(text: str) -> str:
    """Replace control characters (ESC included) with visible escapes such as ``\\x1b``."""
    return _CONTROL.sub(_visible, text)


def has_control(text: str) -> bool:
    """True if ``safe`` would change the text."""
    return _CONTROL.search(text) is not None


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
