"""What the history commands do (diff, history, changelog), as plain functions.

The command layer composes the changelog package (git history, release model, diff,
announcements); each function returns (text, exit code). The entry between two versions is
built in ``app.history_entries``; ``lint --base`` lives in ``app.lint_base_actions`` and is
importable from here too, where the command line imports it.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_rulebook.app.history_entries import (
    commits_between,
    data_at,
    diff_sections,
    entry_between,
)
from policy_rulebook.core.findings import ExitCode, InputError
from policy_rulebook.core.i18n import _

if TYPE_CHECKING:
    from policy_rulebook.changelog.history import History
    from policy_rulebook.changelog.model import Entry
    from policy_rulebook.changelog.provenance import Provenance
    from policy_rulebook.changelog.records import Version

__all__ = ["changelog", "diff", "history"]


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
    entry, found = entry_between(
        history, old, new, commits_between(history, old_sha, tip), to_rev is None
    )
    language = _language(new.data, lang)
    if fmt == "json":
        return (_json([(entry, found, new.status, None)], True, language, "legal"), ExitCode.CLEAN)
    if fmt == "docx":
        from policy_rulebook.documents.redline_docx import redline_docx

        return redline_docx([entry], language, lambda sha: data_at(history, sha)), ExitCode.CLEAN
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
            counted(diff_sections(version.since.data, version.state.data))
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
    entries = [
        (*entry_between(hist, v.since, v.state, list(v.commits)), v.status, v) for v in chosen
    ]
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

        policy_at = lambda sha: data_at(hist, sha)  # noqa: E731
        return redline_docx([e for e, *_rest in entries], language, policy_at), ExitCode.CLEAN
    link = settings.get("policy-url")
    return (
        render.output([e for e, _f, _s, _v in entries], fmt, audience, language, link=link),
        ExitCode.CLEAN,
    )


def _announce_settings(path: Path) -> dict[str, Any]:
    """``policy-url``, ``mail-from`` and ``mail-to`` of the nearest configuration file."""
    from policy_rulebook.linter import config_file

    here = Path.cwd().absolute()  # as lint looks for it: from the working directory, inside
    found = config_file.find(here, config_file.repository_root(here))  # the repository only
    values = config_file.read(found) if found is not None else {}  # (issue 24)
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
