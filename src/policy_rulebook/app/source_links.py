"""Where the policy lives on the web: the "edit" link of every article, and the page's address.

The repository comes from the configuration (``repository``, ``branch``, ``repository-host``
in ``.rulebook.yaml`` or ``[tool.rulebook]``), else from the checkout's ``origin`` remote and
current branch, read from ``.git/config`` and ``.git/HEAD`` as text (no git process, no git
library: a render must not depend on either). ``policy_page_url`` is the published page's
address (``policy-url``), for texts that point staff to the policy (the announcement).
"""

from __future__ import annotations

import re
from pathlib import Path

from policy_rulebook.core.document import Position
from policy_rulebook.documents.links import Repository, web_url
from policy_rulebook.documents.render import EditLink
from policy_rulebook.linter.config import Settings

_SECTION = re.compile(r'^\s*\[\s*([\w.-]+)(?:\s+"([^"]*)")?\s*\]')
_ENTRY = re.compile(r"^\s*([\w.-]+)\s*=\s*(.*?)\s*$")


def git_root(start: Path) -> Path | None:
    """The top folder of the git checkout that holds ``start`` (its ``.git`` beside it)."""
    start = start.resolve()
    for folder in (start if start.is_dir() else start.parent, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _git_dir(root: Path) -> Path:
    """The repository's own folder: ``.git``, or where a worktree's ``.git`` file points."""
    dot = root / ".git"
    if dot.is_file():
        text = dot.read_text(encoding="utf-8", errors="replace").strip()
        if text.startswith("gitdir:"):
            return (root / text.removeprefix("gitdir:").strip()).resolve()
    return dot


def _common_dir(git_dir: Path) -> Path:
    common = git_dir / "commondir"
    if common.is_file():
        return (git_dir / common.read_text(encoding="utf-8").strip()).resolve()
    return git_dir


def origin_url(root: Path) -> str | None:
    """The ``url`` of the remote ``origin`` (else of the first remote) in the git config."""
    try:
        text = (_common_dir(_git_dir(root)) / "config").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    remotes: dict[str, str] = {}
    section: tuple[str, str | None] = ("", None)
    for line in text.splitlines():
        header = _SECTION.match(line)
        if header:
            section = (header.group(1).lower(), header.group(2))
            continue
        entry = _ENTRY.match(line)
        if entry and section[0] == "remote" and section[1] and entry.group(1).lower() == "url":
            remotes.setdefault(section[1], entry.group(2).strip('"'))
    return remotes.get("origin") or next(iter(remotes.values()), None)


def current_branch(root: Path) -> str | None:
    try:
        head = (_git_dir(root) / "HEAD").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return head.removeprefix("ref: refs/heads/") if head.startswith("ref: refs/heads/") else None


def repository(settings: Settings, policy: Path) -> tuple[Repository, Path] | None:
    """The repository to link to and the local folder its paths are relative to; None when
    there is neither a configured URL nor a web remote."""
    root = git_root(policy)
    base = root or (settings.source.parent if settings.source else policy.resolve().parent)
    url, host = settings.repository, settings.repository_host
    if url is None and root is not None:
        remote = origin_url(root)
        found = web_url(remote) if remote else None
        if found is not None:
            url, detected = found
            host = host or detected
    if not url:
        return None
    branch = settings.branch or (current_branch(root) if root else None) or "main"
    host = host or ("gitlab" if "gitlab" in url.lower() else "github")
    return Repository(url.rstrip("/"), branch, "", host), base.resolve()


def edit_links(settings: Settings, policy: Path) -> EditLink | None:
    """Where an article is written -> the web editor's address at that file and line; None
    when there is no repository to link to."""
    found = repository(settings, policy)
    if found is None:
        return None
    repo, base = found

    def link(source: Position) -> str | None:
        try:
            path = Path(source.file).resolve().relative_to(base)
        except ValueError:  # a file outside the repository has no page to edit
            return None
        return repo.edit_url(path.as_posix(), source.line)

    return link


def policy_page_url(settings: Settings) -> str | None:
    """Where the rendered policy is published (``policy-url``), for a link to it."""
    return settings.policy_url
