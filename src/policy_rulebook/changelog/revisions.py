"""What a revision on the command line names: the full id of its commit, or one clear error.

``--from``, ``--to`` and ``lint --base`` take any revision git knows (a branch,
a tag, ``HEAD~2``), but not what could never be one (an option, an empty text) nor what reads
this clone's reflog (``main@{1}`` differs from machine to machine). A revision that names a
tree or a blob, or is missing from a shallow clone, is told as such. Git is asked through
``changelog.gitrun``.
"""

from __future__ import annotations

import re

from policy_rulebook.changelog.gitrun import SHALLOW_HINT, GitError, Repository
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import _

_REFLOG = re.compile(r"@\{(?!u\}|upstream\}|push\})")


def resolve(repo: Repository, rev: str, shallow: bool) -> str:
    """The full id of the commit a revision names; one clear error when it cannot."""
    sha = lookup(repo, rev)
    if sha is not None:
        return sha
    kind = _kind_of(repo, rev)
    if kind is not None and kind != "commit":
        raise InputError(_("{rev!r} names a {kind}, not a commit").format(rev=rev, kind=kind))
    if shallow:
        raise InputError(
            _("unknown revision {rev!r}: this is a shallow clone that may lack it; {hint}").format(
                rev=rev, hint=_(SHALLOW_HINT)
            )
        )
    raise InputError(_("unknown revision {rev!r} in {where}").format(rev=rev, where=repo.root))


def lookup(repo: Repository, rev: str) -> str | None:
    """The full id of the commit a revision names, None when it names none; an error for
    what can never be a revision."""
    if rev.startswith("-"):
        raise InputError(
            _("{rev!r} is not a revision: a revision cannot start with '-'").format(rev=rev)
        )
    if not rev.strip() or any(c in rev for c in "\0\n\r"):
        raise InputError(_("{rev!r} is not a revision").format(rev=rev))
    if _REFLOG.search(rev):
        raise InputError(
            _(
                "{rev!r} reads this clone's reflog, which differs from machine "
                "to machine: name a commit, branch or tag"
            ).format(rev=rev)
        )
    try:
        sha = repo.text("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    except GitError:
        return None
    return sha.strip() or None


def _kind_of(repo: Repository, rev: str) -> str | None:
    """What a revision names when it is not a commit (a tree, a blob), if anything."""
    try:
        return repo.text("cat-file", "-t", "--end-of-options", rev).strip() or None
    except GitError:
        return None
