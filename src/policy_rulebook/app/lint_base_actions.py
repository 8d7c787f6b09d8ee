"""What ``lint --base REV`` does: the base revision read from git as plain data for the linter.

The linter knows nothing of git: this module reads the base revision's rulebook, version,
retired ids and the contributors' markings since it (``core.baseline.Baseline``), and how the
configuration file changed since it (RB904), and hands them to the checks in their context.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_rulebook.app.history_entries import commits_between, data_at, diff_sections
from policy_rulebook.core.findings import ExitCode, InputError
from policy_rulebook.core.i18n import _

if TYPE_CHECKING:
    from policy_rulebook.app.actions import LintOptions
    from policy_rulebook.changelog.history import History
    from policy_rulebook.changelog.records import State
    from policy_rulebook.core.baseline import ConfigurationChange
    from policy_rulebook.linter.checks import Context
    from policy_rulebook.linter.config import Settings


def lint_against_base(
    options: LintOptions, base: str | None, changed_only: bool
) -> tuple[str, ExitCode]:
    """``lint --base REV``: the checks run with the base revision in their context, so version
    discipline (RB901-RB903) is selected, suppressed and given severities like any check, and
    ``--changed-only`` keeps the findings on what changed since REV."""
    from policy_rulebook.app import actions

    if base is None:
        raise InputError(_("--changed-only needs --base REV (the revision to compare with)"))

    def prepare(settings: Settings, context: Context) -> Context:
        change = _configuration_change(settings.source, base)
        if change is not None:
            context = dataclasses.replace(context, configuration_change=change)
        baseline = read_baseline(settings.path, base, settings.max_file_size)
        if baseline is None:
            # The pull request adds the policy: no version to compare with, and every finding
            # is on something added, so changed-only keeps them all.
            return context
        return dataclasses.replace(context, baseline=baseline, changed_only=changed_only)

    return actions.lint(options, prepare=prepare)


def _configuration_change(source: Path | None, base: str) -> ConfigurationChange | None:
    """How the configuration file differs from the base revision's (added, changed, removed;
    RB904): a pull request that changes which checks run must say so to its reviewer. Read
    with ``git cat-file`` through ``gitrun`` (no textconv, no attributes, nothing fetched)."""
    import os

    from policy_rulebook.changelog.gitrun import GitError, run
    from policy_rulebook.core.baseline import ConfigurationChange
    from policy_rulebook.linter.config_file import YAML_NAMES, repository_root

    root = repository_root(Path.cwd().absolute())
    if root is None:
        return None
    names = [source] if source is not None else [Path(n) for n in YAML_NAMES]
    for name in names:
        here = name.absolute()
        try:
            relative = here.relative_to(root).as_posix()
        except ValueError:
            continue
        try:
            before: bytes | None = run(root, ["cat-file", "blob", f"{base}:{relative}"])
        except GitError:
            before = None  # not in the base revision (or no such revision: said by the base)
        now = here.read_bytes() if here.is_file() else None
        if before == now:
            continue
        shown = os.path.relpath(here) if here.is_relative_to(Path.cwd().absolute()) else relative
        if before is None:
            return ConfigurationChange(shown, base, "added")
        if now is None:
            return ConfigurationChange(shown, base, "removed")
        old, new = before.splitlines(), now.splitlines()
        # the first line that differs; lines only added or removed at the end: the last one
        same = min(len(old), len(new)) + 1
        line = next((n for n, (a, b) in enumerate(zip(old, new, strict=False), 1) if a != b), same)
        return ConfigurationChange(shown, base, "changed", min(line, max(len(new), 1)))
    return None


def read_baseline(path: Path, base: str, max_bytes: int | None = None) -> Any:
    """The base revision as plain data: its rulebook, version, retired ids (from the versions
    up to it, as far as the clone holds them) and the contributors' markings since it."""
    from policy_rulebook.changelog.history import History
    from policy_rulebook.changelog.releases import resolve
    from policy_rulebook.core.baseline import Baseline

    hist = History(path, max_bytes)
    base_sha = resolve(hist, base)
    if not hist.exists_at(base_sha):
        old = _renamed_from(hist, base_sha)
        if old is None:
            return None  # the pull request adds the policy
        hist = History(old, max_bytes)  # the folder was renamed since: follow it
    base_state = hist.state(base_sha, base)
    return Baseline(
        base,
        base_state.data,
        base_state.version,
        _retired(hist, base_sha, base_state),
        _markings(hist, base_sha, base_state),
    )


def _retired(hist: History, base_sha: str, base_state: State) -> dict[tuple[str, str], Any]:
    """The ids that an earlier version had and the base no longer has, read from the commits
    that removed an ``id:`` line (one ``git log -p``) and the state just before each removal;
    not a walk over every version."""
    from policy_rulebook.core.baseline import Retired
    from policy_rulebook.core.changes import index_items

    in_base = {key[1] for key in index_items(base_state.data)}
    retired: dict[tuple[str, str], Retired] = {}
    seen: set[str] = set()
    for item_id, sha in hist.removed_ids(base_sha):
        if item_id in in_base or item_id in seen:
            continue
        seen.add(item_id)
        parent = hist.commit(sha).parents[:1]
        before = hist.try_state(parent[0]) if parent else None
        if before is None or before.version is None:
            continue
        for key, located in index_items(before.data).items():
            if key[1] == item_id:
                retired[key] = Retired(before.version, located.item)
    return retired


def _renamed_from(hist: History, base_sha: str) -> Path | None:
    """Where the policy was at ``base_sha`` when its folder (or file) was renamed since."""
    old = hist.repo.earlier_name(str(hist.relpath), "diff", base_sha, "HEAD")
    return hist.repo.root / old if old is not None else None


def _markings(hist: History, base_sha: str, base_state: State) -> dict[str, str]:
    """How the commits since the base marked the changes they touched (trailers)."""
    from policy_rulebook.changelog.provenance import provenance

    head = hist.resolve("HEAD")
    commits = commits_between(hist, base_sha, head)
    if not any(c.marking for c in commits):
        return {}
    head_state = hist.try_state(head)
    if head_state is None:
        return {}
    changes = diff_sections(base_state.data, head_state.data)
    found = provenance(changes, commits, lambda sha: data_at(hist, sha))
    marked = {}
    for change, record in zip(changes, found, strict=True):
        if record.marking:  # a grouped change's marking is each member's
            for one in change.members or (change,):
                marked[one.path] = record.marking
    return marked
