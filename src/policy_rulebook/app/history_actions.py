"""What the git-aware commands do (diff, history, changelog, lint --base), as plain functions.

The command layer composes the changelog package (git history, diff, announcements) with the
linter core; the core itself knows nothing of git. Each function returns (text, exit code).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_rulebook.core.findings import ExitCode, InputError
from policy_rulebook.core.i18n import _

if TYPE_CHECKING:
    from policy_rulebook.app.actions import LintOptions
    from policy_rulebook.changelog.history import History, State, Version
    from policy_rulebook.changelog.model import Entry
    from policy_rulebook.core.document import Document
    from policy_rulebook.linter.config import Settings
    from policy_rulebook.linter.engine import Report

VERSION_CODES = frozenset({"RB901", "RB902", "RB903"})


def _endpoint(state: State) -> Any:
    from policy_rulebook.changelog.model import Endpoint

    commit = state.commit
    return Endpoint(state.version, commit.sha if commit else None,
                    commit.date if commit else None)


def _entry(old: State | None, new: State, between: list[State]) -> Entry:
    from policy_rulebook.changelog.diff import diff_data
    from policy_rulebook.changelog.model import Entry
    from policy_rulebook.changelog.provenance import attribute

    if old is None:
        return Entry(None, _endpoint(new), (), new.data)
    changes = attribute(diff_data(old.data, new.data), [old, *between])
    return Entry(_endpoint(old), _endpoint(new), changes, new.data)


def _language(history_data: dict[str, Any], lang: str | None) -> str:
    languages = (history_data.get("meta") or {}).get("languages") or []
    languages = [str(v) for v in languages] if isinstance(languages, list) else []
    if lang is None:
        return languages[0] if languages else "en"
    if languages and lang not in languages:
        raise InputError(_("the policy has no language {lang!r}; it has {items}").format(
            lang=lang, items=', '.join(languages)))
    return lang


def diff(path: Path, from_rev: str, to_rev: str | None, fmt: str) -> tuple[str, ExitCode]:
    """The rulebook at PATH between two revisions; ``to_rev`` None is the working tree."""
    from policy_rulebook.changelog import announce, render
    from policy_rulebook.changelog.history import History

    history = History(path)
    old_commit = history.resolve(from_rev)
    old = history.state(old_commit, from_rev)
    if to_rev is None:
        new = history.working_tree()
        head = history.resolve("HEAD")
        between = [*history.states_between(old_commit, head), new]
    else:
        new_commit = history.resolve(to_rev)
        new = history.state(new_commit, to_rev)
        # only commits that lead from one to the other introduce changes (none when --to is
        # older than --from: then nobody is named)
        between = list(history.states_between(old_commit, new_commit))
    entry = _entry(old, new, between)
    if fmt == "json":
        return render.json_entries([entry], single=True), ExitCode.CLEAN
    lang = _language(new.data, None)
    return render.render_texts([announce.legal(entry, lang)], fmt), ExitCode.CLEAN


def _versions(history: History, to_rev: str | None) -> tuple[list[Version], Any]:
    tip = history.resolve(to_rev or "HEAD")
    versions = history.versions(tip)
    if not versions:
        raise InputError(_("{path}: no committed version of the policy up to {value} (a "
                           "version is a commit with meta.version)").format(
                               path=history.path, value=to_rev or 'HEAD'))
    return versions, tip


def history(path: Path, fmt: str) -> tuple[str, ExitCode]:
    """Every version, newest first: version, date, commit, author, status, changes."""
    from policy_rulebook.changelog.diff import diff_data
    from policy_rulebook.changelog.history import History

    hist = History(path)
    versions, _ = _versions(hist, None)
    rows: list[dict[str, Any]] = []
    for index, version in enumerate(versions):
        previous = versions[index - 1].state.data if index else None
        count = len(diff_data(previous, version.state.data)) if previous is not None else None
        status = version.state.meta("status")
        rows.append({"version": version.version, "date": version.bumped.date,
                     "commit": version.bumped.sha, "author": version.bumped.author,
                     "status": str(status) if status is not None else None, "changes": count})
    rows.reverse()
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n", ExitCode.CLEAN
    table = [["VERSION", "DATE", "COMMIT", "AUTHOR", "STATUS", "CHANGES"]]
    table += [[str(r["version"]), str(r["date"]), str(r["commit"])[:7], str(r["author"]),
               str(r["status"] or ""), "first" if r["changes"] is None else str(r["changes"])]
              for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in table]
    return "\n".join(lines) + "\n", ExitCode.CLEAN


def changelog(path: Path, from_rev: str | None, to_rev: str | None, audience: str, fmt: str,
              lang: str | None) -> tuple[str, ExitCode]:
    """Every version after ``from_rev`` up to ``to_rev``, newest first, each against the one
    before it, for staff (announcement) or legal (redline with provenance)."""
    from policy_rulebook.changelog import announce, render
    from policy_rulebook.changelog.history import History

    hist = History(path)
    versions, _ = _versions(hist, to_rev)
    since = hist.resolve(from_rev) if from_rev is not None else None
    entries = []
    for index, version in enumerate(versions):
        if since is not None and hist.repo.is_ancestor(hist.repo.commit(version.bumped.sha), since):
            continue
        previous = versions[index - 1].state if index else None
        entries.append(_entry(previous, version.state, list(version.states)))
    entries.reverse()
    if fmt == "json":
        return render.json_entries(entries, single=False), ExitCode.CLEAN
    language = _language(versions[-1].state.data, lang)
    build = announce.staff if audience == "staff" else announce.legal
    return render.render_texts([build(e, language) for e in entries], fmt), ExitCode.CLEAN


def lint_against_base(options: LintOptions, base: str | None,
                      changed_only: bool) -> tuple[str, ExitCode]:
    """``lint --base REV``: the linter's findings plus version discipline (RB901-RB903),
    optionally only those on what changed since REV. Configuration, suppressions, severities
    and the output options apply as to a plain ``lint``."""
    from dataclasses import replace

    from policy_rulebook.app import actions
    from policy_rulebook.changelog import discipline
    from policy_rulebook.changelog.diff import data_of, diff_data
    from policy_rulebook.changelog.history import History

    if base is None:
        raise InputError(_("--changed-only needs --base REV (the revision to compare with)"))

    def extend(document: Document, report: Report, settings: Settings) -> Report:
        hist = History(settings.path)
        base_commit = hist.resolve(base)
        if not hist.exists_at(base_commit):
            # The pull request adds the policy: no version to compare with, and every finding
            # is on something added, so changed-only keeps them all.
            return report
        base_state = hist.state(base_commit, base)
        findings = list(report.findings)
        if not document.broken_files:
            current = data_of(document)
            changes = diff_data(base_state.data, current)
            current_version = current.get("meta", {}).get("version")
            added = discipline.version_findings(
                document, base, changes, base_state.version,
                str(current_version) if current_version is not None else None)
            earlier = [(v.version, v.state.data) for v in hist.versions(base_commit)]
            added += discipline.retired_findings(document, base_state.data, earlier)
            findings += [f for f in added if settings.enabled(f.code)]
            if changed_only:
                findings = discipline.changed_only(findings, changes, VERSION_CODES)
        return replace(report, findings=tuple(sorted(set(findings), key=_reading_order)))

    return actions.lint(options, extend)


def _reading_order(finding: Any) -> tuple[str, int, int, str, str]:
    return (finding.file, finding.line, finding.column, finding.code, finding.message)
