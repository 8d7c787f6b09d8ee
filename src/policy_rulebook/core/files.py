"""Policy files on disk: which files a path holds, whether they stay inside the folder, how
their bytes decode, and how their names are shown."""

from __future__ import annotations

import os
from pathlib import Path

from policy_rulebook.core.escape import terminal as safe
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import _

DEFAULT_MAX_BYTES = 4 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


def discover(path: Path) -> list[Path]:
    """The YAML files of a rulebook directory (sorted), or the file itself."""
    if not path.exists():
        raise InputError(_("{path}: no such file or directory").format(path=path))
    check_inside(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputError(_("{path}: not a file or directory").format(path=path))
    files = sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
    if not files:
        raise InputError(_("{path}: no .yaml or .yml files in this directory").format(path=path))
    return files


def check_inside(path: Path) -> None:
    """ "Only the rulebook folder is read" must hold for the folder too: a policy path that
    goes through a symbolic link must end inside the working directory (the repository CI
    runs in) or, for a path outside it, inside the folder that holds it as written. Else an
    ``InputError`` that names the path, never what it links to or holds."""
    lexical = Path(os.path.normpath(path.absolute()))
    resolved = path.resolve()
    if resolved == lexical:
        return
    cwd = Path.cwd()
    inside_cwd = lexical == cwd or cwd in lexical.parents
    boundary = cwd.resolve() if inside_cwd else lexical.parent.resolve()
    if not inside(resolved, boundary):
        raise InputError(
            _(
                "{path}: not read: it goes through a symbolic link to a place "
                "outside {where}; rulebook reads only the policy folder"
            ).format(
                path=safe(str(path)),
                where=_("the working directory") if inside_cwd else safe(str(lexical.parent)),
            )
        )


def display_name(path: Path) -> str:
    """The path as people should see it: relative to the working directory where possible."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path.absolute()) if relative.startswith("..") else relative


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; raises UnicodeDecodeError otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents
