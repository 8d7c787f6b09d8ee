"""What ``fmt`` and ``init`` do, the two commands that write policy files, as plain functions:
no click here, so tests and other code can call them.

Both are careful with what they write: ``fmt`` only changes files that change, atomically, and
skips a file that cannot be read; ``init`` writes nothing when a file is already there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from policy_rulebook.core.findings import ExitCode
from policy_rulebook.core.i18n import _, ngettext


@dataclass(frozen=True)
class FmtOptions:
    path: Path
    check: bool = False
    diff: bool = False
    max_bytes: int | None = None


def fmt(options: FmtOptions) -> tuple[str, str, ExitCode]:
    """Format the files at PATH; returns (stdout, stderr, exit code).

    Writes only files that change, atomically, and only without --check and --diff. A file
    with load problems is skipped with a message (exit 2 at the end, after the others).
    """
    import difflib

    from policy_rulebook.authoring import fmt as formatter
    from policy_rulebook.core import files, loader
    from policy_rulebook.core.escape import terminal as safe
    from policy_rulebook.core.findings import InputError
    from policy_rulebook.core.i18n import _

    max_bytes = options.max_bytes or files.DEFAULT_MAX_BYTES
    out: list[str] = []
    err: list[str] = []
    changed = unchanged = 0
    root = options.path.resolve() if options.path.is_dir() else None
    languages = loader.load(options.path, max_bytes=max_bytes).languages
    for file in files.discover(options.path):
        name = files.display_name(file)
        if root is not None and file.is_symlink() and root not in file.resolve().parents:
            err.append(
                "rulebook: fmt: "
                + _(
                    "skipped {name}: it links to a file outside the rulebook folder (RB012)"
                ).format(name=safe(name))
            )
            continue
        try:
            result = formatter.format_file(file, name, max_bytes=max_bytes, languages=languages)
        except formatter.FormatError as error:
            err.append("rulebook: fmt: " + _("skipped {reason}").format(reason=safe(str(error))))
            continue
        except OSError as error:
            err.append(
                "rulebook: fmt: "
                + _("skipped {name}: cannot read: {reason}").format(
                    name=safe(name), reason=error.strerror
                )
            )
            continue
        if not result.changed:
            unchanged += 1
            continue
        changed += 1
        if options.diff:
            out.extend(
                safe(line)
                for line in difflib.unified_diff(
                    result.before.splitlines(keepends=True),
                    result.after.splitlines(keepends=True),
                    name,
                    f"{name} (formatted)",
                )
            )
            if out and not out[-1].endswith("\n"):
                out[-1] += "\n\\ No newline at end of file\n"
        if options.check:
            out.append(_("would reformat {name}").format(name=safe(name)) + "\n")
        elif not options.diff:
            try:
                formatter.write_atomically(result)
            except InputError as error:  # read-only, changed meanwhile, no permission
                changed -= 1
                err.append(_("rulebook: fmt: skipped {reason}").format(reason=safe(str(error))))
                continue
            out.append(_("reformatted {name}").format(name=safe(name)) + "\n")
    summary = (
        ngettext("{count} file would be reformatted", "{count} files would be reformatted", changed)
        if options.check or options.diff
        else ngettext("{count} file reformatted", "{count} files reformatted", changed)
    )
    out.append(
        summary.format(count=changed)
        + ", "
        + _("{count} unchanged").format(count=unchanged)
        + (", " + _("{count} skipped").format(count=len(err)) if err else "")
        + ".\n"
    )
    if err:
        code = ExitCode.USAGE
    elif options.check and changed:
        code = ExitCode.FINDINGS
    else:
        code = ExitCode.CLEAN
    return "".join(out), "".join(line + "\n" for line in err), code


@dataclass(frozen=True)
class InitOptions:
    directory: Path
    languages: str = "nl,en"
    organisation: str | None = None
    profile: str | None = None


def init(options: InitOptions) -> tuple[str, ExitCode]:
    """Scaffold a new policy; ``InputError`` (exit 2, nothing written) if a file exists."""
    from policy_rulebook.authoring import scaffold
    from policy_rulebook.core.escape import terminal as safe
    from policy_rulebook.core.schema import schema_text

    languages = scaffold.parse_languages(options.languages)
    written = scaffold.create(
        options.directory, options.organisation, languages, schema_text(), options.profile
    )
    lines = [_("created {path}").format(path=safe(str(path))) for path in written]
    lines.append(
        _(
            "Now fill in the TODOs; `rulebook lint {directory}` lists what is still to write."
        ).format(directory=safe(str(options.directory)))
    )
    return "\n".join(lines) + "\n", ExitCode.CLEAN
