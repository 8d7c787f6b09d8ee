"""What the git-aware commands do (diff, history, changelog, lint --base), as plain functions.

The command layer composes the changelog package (git history, release model, diff,
announcements) with the linter; the linter itself knows nothing of git: ``lint --base`` hands it
the base revision as plain data (``core.baseline.Baseline``). Each function returns (text, exit
code).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_rulebook.core.findings import ExitCode, InputError
from policy_rulebook.core.i18n import _

if TYPE_CHECKING:
    from policy_rulebook.app.actions import LintOptions
    from policy_rulebook.changelog.history import History
    from policy_rulebook.changelog.model import Entry
    from policy_rulebook.changelog.provenance import Provenance
    from policy_rulebook.changelog.records import Commit, State, Version
    from policy_rulebook.core.baseline import ConfigurationChange
    from policy_rulebook.linter.checks import Context
    from policy_rulebook.linter.config import Settings


def _endpoint(state: State) -> Any:
    from policy_rulebook.changelog.model import Endpoint

    commit = state.commit
    status = state.meta("status")
    return Endpoint(
        state.version,
        commit.sha if commit else None,
        commit.date if commit else None,
        commit.summary if commit else None,
        str(status) if status is not None else None,
    )


def _entry(
    history: History, old: State | None, new: State, commits: list[Commit], work: bool = False
) -> tuple[Entry, tuple[Provenance, ...]]:
    """The entry from ``old`` to ``new`` and each change's provenance in ``commits``."""
    from policy_rulebook.changelog.model import Entry, decide, with_provenance
    from policy_rulebook.changelog.provenance import (
        provenance,
        uncommitted_test,
        with_last_touch,
    )

    if old is None:
        return Entry(None, _endpoint(new), (), new.data), ()
    changes = _diff(old.data, new.data)
    found = provenance(changes, commits, lambda sha: _data_at(history, sha))
    attributed = with_last_touch(changes, found)
    if work:  # a change whose last form is not committed yet names no commit
        head = history.try_state(history.resolve("HEAD"))
        uncommitted = uncommitted_test(head.data if head else None, new.data)
        attributed = tuple(
            c.but(commit=None, author=None, date=None) if uncommitted(c) else c for c in attributed
        )
    attributed = decide(with_provenance(attributed, found))
    return Entry(_endpoint(old), _endpoint(new), attributed, new.data), found


def _diff(old: dict[str, Any], new: dict[str, Any]) -> Any:
    """The changelog's diff, given only the sections that differ (each kind of item lives in
    one section, so the result is the same; unchanged files are the same cached objects)."""
    from policy_rulebook.changelog.diff import diff_data

    differ = [
        s for s in {**old, **new} if old.get(s) is not new.get(s) and old.get(s) != new.get(s)
    ]
    return diff_data(
        {s: old[s] for s in differ if s in old}, {s: new[s] for s in differ if s in new}
    )


def _data_at(history: History, sha: str) -> dict[str, Any] | None:
    state = history.try_state(sha)
    return state.data if state is not None else None


def _range(history: History, since: str, tip: str) -> list[Commit]:
    """The commits that lead from ``since`` to ``tip`` (merged branches included), oldest
    first; none when ``tip`` is older."""
    graph = history.graph(tip)
    inside = history.reachable(tip, history.ancestors(since))
    return [graph[sha] for sha in reversed(graph) if sha in inside]


def _language(history_data: dict[str, Any], lang: str | None) -> str:
    meta = history_data.get("meta")  # a revision's meta may be anything: a list, a text
    languages = meta.get("languages") if isinstance(meta, dict) else None
    languages = [str(v) for v in languages] if isinstance(languages, list) else []
    if lang is None:
        return languages[0] if languages else "en"
    if languages and lang not in languages:
        raise InputError(
            _("the policy has no language {lang!r}; it has {items}").format(
                lang=lang, items=", ".join(languages)
            )
        )
    return lang


def _json(
    entries: list[tuple[Entry, tuple[Provenance, ...], str | None, Version | None]],
    single: bool,
    lang: str,
    audience: str,
) -> str:
    """The JSON contract of entries, with the release status and provenance of each."""
    from policy_rulebook.changelog.announce import json_entry
    from policy_rulebook.changelog.legal import with_titles

    payload = []
    for entry, _found, status, version in entries:
        item = json_entry(entry, lang, audience)  # each change's touches, marking, editorial
        with_titles(entry, item, lang, audience)  # "3.1 Beroepsgeheim", as the redline names it
        item["to"]["status"] = status
        if version is not None:
            from policy_rulebook.changelog.diff import touch_dict

            item["touches"] = [touch_dict(t) for t in version.touches]
        payload.append(item)
    result: Any = payload[0] if single else payload
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


def diff(
    path: Path, from_rev: str, to_rev: str | None, fmt: str, lang: str | None = None
) -> tuple[str | bytes, ExitCode]:
    """The rulebook at PATH between two revisions; ``to_rev`` None is the working tree."""
    from policy_rulebook.changelog import render
    from policy_rulebook.changelog.history import History
    from policy_rulebook.changelog.releases import resolve

    history = History(path)
    old_sha = resolve(history, from_rev)
    old = history.state(old_sha, from_rev)
    if to_rev is None:
        new = history.working_tree()
        tip = history.resolve("HEAD")
        head = history.try_state(tip)
        if head is not None and head.data == new.data:
            new = head  # a clean working tree is HEAD: name its commit, not "not committed"
    else:
        tip = resolve(history, to_rev)
        new = history.state(tip, to_rev)
    # only commits that lead from one to the other introduce changes (none when --to is
    # older than --from: then nobody is named)
    entry, found = _entry(history, old, new, _range(history, old_sha, tip), to_rev is None)
    language = _language(new.data, lang)
    if fmt == "json":
        return (_json([(entry, found, new.status, None)], True, language, "legal"), ExitCode.CLEAN)
    if fmt == "docx":
        from policy_rulebook.documents.redline_docx import redline_docx

        return redline_docx([entry], language, lambda sha: _data_at(history, sha)), ExitCode.CLEAN
    return render.output([entry], fmt, "legal", language, single=True), ExitCode.CLEAN


def _walk(history: History, to_rev: str | None, since: str | None = None) -> Any:
    from policy_rulebook.changelog.releases import resolve, walk

    tip = resolve(history, to_rev or "HEAD")
    found = walk(history, tip, since)
    if not found.versions and found.unreleased is None and since is None:
        raise InputError(
            _(
                "{path}: no committed version of the policy up to {value} (a "
                "version is a commit with meta.version)"
            ).format(path=history.path, value=to_rev or "HEAD")
        )
    return found


def history(path: Path, fmt: str) -> tuple[str, ExitCode]:
    """Every version once, newest first: version, date, commit, author, status, changes; the
    changes that no version carries yet on top, as ``unreleased``."""
    from policy_rulebook.changelog.diff import counted
    from policy_rulebook.changelog.history import History

    hist = History(path)
    found = _walk(hist, None)
    rows: list[dict[str, Any]] = []
    for version in [*found.versions, *([found.unreleased] if found.unreleased else [])]:
        count = (
            counted(_diff(version.since.data, version.state.data))
            if version.since is not None
            else None
        )
        unreleased = version.status == "unreleased"
        adopted_on = version.state.meta("adopted_on")
        rows.append(
            {
                "version": None if unreleased else version.version,
                "date": version.bumped.date,
                "commit": version.bumped.sha,
                "author": version.bumped.author,
                "status": version.status,
                "adopted_on": str(adopted_on) if adopted_on and not unreleased else None,
                "adopted_commit": version.adopted.sha if version.adopted else None,
                "changes": count,
                "commits": len(version.commits),
            }
        )
    rows.reverse()
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n", ExitCode.CLEAN
    table = [["VERSION", "DATE", "COMMIT", "AUTHOR", "STATUS", "CHANGES"]]
    table += [
        [
            str(r["version"] or "-"),
            str(r["date"]),
            str(r["commit"])[:7],
            str(r["author"]),
            str(r["status"] or ""),
            "first" if r["changes"] is None else str(r["changes"]),
        ]
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    return "\n".join(lines) + "\n", ExitCode.CLEAN


def changelog(
    path: Path, from_rev: str | None, to_rev: str | None, audience: str, fmt: str, lang: str | None
) -> tuple[str | bytes, ExitCode]:
    """Every version after ``from_rev`` up to ``to_rev``, newest first, each against the one
    before it (the first after ``from_rev`` against it), then what no version carries yet, for
    staff (announcement) or legal (redline with provenance)."""
    from policy_rulebook.changelog import render
    from policy_rulebook.changelog.history import History
    from policy_rulebook.changelog.releases import resolve

    hist = History(path)
    since = resolve(hist, from_rev) if from_rev is not None else None
    found = _walk(hist, to_rev, since)
    before = hist.ancestors(since) if since is not None else frozenset()
    chosen = [v for v in found.versions if v.bumped.sha not in before]
    if found.unreleased is not None:
        chosen.append(found.unreleased)
    entries = [(*_entry(hist, v.since, v.state, list(v.commits)), v.status, v) for v in chosen]
    entries.reverse()
    entries = [
        (_with_note(_released_as(entry, status), v), found_, status, v)
        for entry, found_, status, v in entries
    ]
    last = (
        found.versions[-1].state
        if found.versions
        else (found.unreleased.state if found.unreleased else None)
    )
    language = _language(last.data if last else {}, lang)
    if not entries:
        return _nothing(fmt, audience, language), ExitCode.CLEAN
    if fmt == "json":
        return _json(entries, False, language, audience), ExitCode.CLEAN
    settings = _announce_settings(path)
    if audience == "staff" and fmt in ("eml", "docx"):
        return _ready_to_send([e for e, *_rest in entries], fmt, language, settings)
    if fmt == "eml":
        raise InputError(_("--format eml is the staff announcement: use --audience staff"))
    if fmt == "docx":
        from policy_rulebook.documents.redline_docx import redline_docx

        data_at = lambda sha: _data_at(hist, sha)  # noqa: E731
        return redline_docx([e for e, *_rest in entries], language, data_at), ExitCode.CLEAN
    link = settings.get("policy-url")
    return (
        render.output([e for e, _f, _s, _v in entries], fmt, audience, language, link=link),
        ExitCode.CLEAN,
    )


def _announce_settings(path: Path) -> dict[str, Any]:
    """``policy-url``, ``mail-from`` and ``mail-to`` of the nearest configuration file."""
    from policy_rulebook.linter import config

    here = Path.cwd().absolute()  # as lint looks for it: from the working directory, inside
    found = config.find(here, config.repository_root(here))  # the repository only (issue 24)
    values = config.read(found) if found is not None else {}
    return {k: values[k] for k in ("policy-url", "mail-from", "mail-to") if k in values}


def _ready_to_send(
    entries: list[Entry], fmt: str, lang: str, settings: dict[str, Any]
) -> tuple[bytes, ExitCode]:
    """One version's announcement as a mail or a Word file: the newest released version
    (unreleased changes are never mixed into it); the unreleased changes only when no version
    was released in the range, under their NOT RELEASED YET banner."""
    from policy_rulebook.changelog import render
    from policy_rulebook.changelog.staff import short_title, staff

    released = [e for e in entries if not e.new.unreleased]
    chosen = (released or entries)[:1]
    if not chosen:
        raise InputError(_("no version to announce in this range"))
    link = settings.get("policy-url")
    texts = [staff(entry, lang, link) for entry in chosen]
    organisation = str((chosen[0].data.get("meta") or {}).get("organisation") or "")
    title = short_title(chosen[0], lang)
    if fmt == "eml":
        from policy_rulebook.changelog.mail import eml

        plain = render.plain_text(texts)
        sender, to = settings.get("mail-from"), settings.get("mail-to")
        return eml(texts, plain, organisation, title, sender, to), ExitCode.CLEAN
    from policy_rulebook.documents.staff_docx import staff_docx

    return staff_docx(texts, organisation, title), ExitCode.CLEAN


def _with_note(entry: Entry, version: Version) -> Entry:
    """The entry with the note for staff from its commits' ``Policy-Note:`` trailers."""
    from policy_rulebook.changelog.staff import note_from_trailers
    from policy_rulebook.changelog.staff_items import primary_language

    trailers = [t for commit in version.commits for t in commit.trailers]
    found = note_from_trailers(trailers, primary_language(entry.data))
    return dataclasses.replace(entry, why=found) if found else entry


def _nothing(fmt: str, audience: str, lang: str) -> str | bytes:
    """A range without a version, said in every format: in the text itself, or on standard
    error beside an empty JSON list or Word redline."""
    import sys

    from policy_rulebook.changelog import render
    from policy_rulebook.changelog.model import Text
    from policy_rulebook.core.i18n import language

    with language(lang):  # the policy's language, as the document it stands in for
        message = _("no version in this range: nothing changed between --from and --to")
    if fmt in ("json", "docx"):
        print(message, file=sys.stderr)
    if fmt == "json":
        return "[]\n"
    if fmt == "docx":
        if audience != "legal":
            raise InputError(_("--format docx is the legal redline: use --audience legal"))
        from policy_rulebook.documents.redline_docx import redline_docx

        return redline_docx([], lang)
    if fmt == "html":
        from policy_rulebook.changelog.announce import page

        return render.render_texts([Text(lang, message, 2, "", ())], fmt, page([], lang, "", ""))
    return message + "\n"


def _released_as(entry: Entry, status: str | None) -> Entry:
    """The entry's newer end with the release model's status: a draft or unreleased version is
    never announced as in force (changelog.announce says DRAFT / ONTWERP, or unreleased)."""
    new = dataclasses.replace(
        entry.new, status=status or entry.new.status, unreleased=status == "unreleased"
    )
    return dataclasses.replace(entry, new=new)


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
    from policy_rulebook.linter.config import YAML_NAMES, repository_root

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
    commits = _range(hist, base_sha, head)
    if not any(c.marking for c in commits):
        return {}
    head_state = hist.try_state(head)
    if head_state is None:
        return {}
    changes = _diff(base_state.data, head_state.data)
    found = provenance(changes, commits, lambda sha: _data_at(hist, sha))
    marked = {}
    for change, record in zip(changes, found, strict=True):
        if record.marking:  # a grouped change's marking is each member's
            for one in change.members or (change,):
                marked[one.path] = record.marking
    return marked
