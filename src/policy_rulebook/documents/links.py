"""Which texts of the policy may become links, and the links back to the policy's source.

Only web and mail addresses become links (``safe_url``), e-mail fields get one ``mailto:``
however they were written, phone numbers a ``tel:`` link; anything else stays text. An article's
"edit" link opens the web editor of the repository the policy lives in (``Repository``, filled
by the app layer from the configuration or the git remote) at the article's file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

_SCHEME = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_MAILTO = re.compile(r"^\s*(mailto:\s*)+", re.IGNORECASE)
_ADDRESS = re.compile(r"^[^\s@<>\"'():;,]+@[^\s@<>\"'():;,]+$")
#: A phone number as written (+32 2 123 45 67, 02/123.45.67): digits, spaces and separators.
_PHONE = re.compile(r"^\+?[\d\s./()-]{6,}$")


def safe_url(value: Any) -> str | None:
    """A URL that may become a link: http(s) or mailto only; anything else stays text."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not _SCHEME.match(text) or re.search(r"[\s<>\"'`]", text):
        return None
    if text.lower().startswith("mailto:"):
        return email_href(text)
    return text


def email_address(value: Any) -> str:
    """An e-mail field as people read it: without a ``mailto:`` the user may have written."""
    return _MAILTO.sub("", str(value)).strip() if value is not None else ""


def email_href(value: Any) -> str | None:
    """The ``mailto:`` link of an e-mail field, once, whether or not the field has the prefix;
    None (no link, the text stays) when it is not an address."""
    address = email_address(value)
    return f"mailto:{address}" if _ADDRESS.match(address) else None


def tel_href(value: Any) -> str | None:
    """The ``tel:`` link of a phone number (``tel:+3221234567``); None when it is not one."""
    text = str(value).strip() if value is not None else ""
    if not _PHONE.match(text) or sum(c.isdigit() for c in text) < 6:
        return None
    return "tel:" + ("+" if text.startswith("+") else "") + "".join(c for c in text if c.isdigit())


@dataclass(frozen=True)
class Repository:
    """Where the policy's files can be edited on the web.

    ``url`` the repository's web address (``https://github.com/org/policy``), ``branch`` the
    branch edits start from, ``folder`` the policy folder's path inside the repository
    (``rulebook``; empty at the top), ``host`` ``github`` or ``gitlab`` (the URL forms differ).
    """

    url: str
    branch: str = "main"
    folder: str = ""
    host: str = "github"

    def edit_url(self, file: str, line: int) -> str:
        """The web editor at a file and line: GitHub ``/edit/BRANCH/PATH#L12``, GitLab
        ``/-/edit/BRANCH/PATH#L12``."""
        path = "/".join(p for p in (self.folder.strip("/"), file.replace("\\", "/")) if p)
        where = f"{quote(self.branch, safe='/')}/{quote(path, safe='/')}"
        anchor = f"#L{line}" if line > 0 else ""
        if self.host == "gitlab":
            return f"{self.url.rstrip('/')}/-/edit/{where}{anchor}"
        return f"{self.url.rstrip('/')}/edit/{where}{anchor}"


def web_url(remote: str) -> tuple[str, str] | None:
    """A git remote (``git@github.com:org/policy.git``, ``https://gitlab.com/g/p.git``, ...)
    as (web address, host kind); None for what is not a web host (a path, ``file://``)."""
    text = remote.strip()
    match = re.match(
        r"^(?:ssh://)?(?:[\w.-]+@)?([\w.-]+\.[a-z]{2,})[:/](?:\d+/)?(.+?)(?:\.git)?/?$", text
    )
    if text.startswith(("http://", "https://")):
        match = re.match(r"^https?://(?:[^@/]+@)?([\w.:-]+)/(.+?)(?:\.git)?/?$", text)
    if match is None or "/" not in match.group(2):
        return None
    host, path = match.group(1), match.group(2)
    if not re.fullmatch(r"[\w.~/-]+", path) or ".." in path:
        return None
    return f"https://{host}/{path}", ("gitlab" if "gitlab" in host.lower() else "github")
