"""The one file writer: every file rulebook writes (lint -o, render -o, fmt, init, ...) goes here.

What it promises, and the choices made where a promise needs one:

- **Streams and devices are written to, never replaced.** ``/dev/stdout``, ``/dev/stderr`` and
  ``/dev/fd/N`` write to that descriptor of this process; any other existing path that is not a
  regular file (a character device such as ``/dev/null``, a named pipe) is opened and written to.
- **A regular file is replaced atomically**: a temporary file in the same folder, flushed to
  disk, then renamed over it. A reader sees the old or the new bytes, never half.
- **Mode and owner are kept**; when the owner cannot be given to the new file (not root), the
  file is written in place instead, which keeps them.
- **Hard links are kept: a file with more than one link is written in place.** Its space is
  reserved first (``posix_fallocate``), so a full disk leaves the old file whole; the write
  itself is then not atomic. Renaming would silently split the links.
- **A symbolic link is followed only inside its own folder** (``out.txt -> build/out.txt``):
  the target is replaced and the link kept. A link that leaves its folder is refused (exit 2):
  following it silently would let a checked-in link write anywhere the user can.
- **A read-only file (no write bit) is refused**, also for root.
- ``refuse``: files that must never be written (the policy files ``lint -o`` read).
- ``expected``: the bytes and mtime read before a long computation (fmt); just before the
  replacement the file is read again and left alone (``Changed``) when it differs.
- ``keep_line_endings``: ``write_text`` writes CRLF when the file it replaces uses CRLF.
- Every failure is an ``InputError`` (exit 2) naming the path: no permission, no such folder,
  a full disk.

``write_new`` writes a set of new files all or nothing (``init``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import _

#: Paths that name a descriptor of this very process; writing opens no file.
_DESCRIPTOR = re.compile(r"^/(?:dev/fd|proc/self/fd)/(\d+)$")
_STREAMS = {"/dev/stdout": 1, "/dev/stderr": 2}
T = TypeVar("T")


class Changed(InputError):
    """The file changed on disk after it was read: it was left alone."""


@dataclass(frozen=True)
class Snapshot:
    """What a file held when it was read: compared again just before it is replaced."""

    data: bytes
    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> Snapshot:
        with path.open("rb") as stream:
            info = os.fstat(stream.fileno())
            data = stream.read()
        return cls(data, info.st_mtime_ns, info.st_size)


def write_text(
    path: Path,
    text: str,
    *,
    refuse: Collection[Path] = (),
    expected: Snapshot | None = None,
    keep_line_endings: bool = False,
) -> None:
    """Write ``text`` as UTF-8 to ``path`` (see the module's promises)."""
    if keep_line_endings and _file_uses_crlf(path, expected):
        text = re.sub(r"\r?\n", "\r\n", text)
    write_bytes(path, text.encode("utf-8", "surrogateescape"), refuse=refuse, expected=expected)


def write_bytes(
    path: Path, data: bytes, *, refuse: Collection[Path] = (), expected: Snapshot | None = None
) -> None:
    """Write ``data`` to ``path`` (see the module's promises); ``InputError`` if it cannot."""
    descriptor = _descriptor(path)
    if descriptor is not None:
        _guard(path, lambda: _write_all(descriptor, data))
        return
    target = _target(path)
    _refuse_inputs(path, target, refuse)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise _error(path, error) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InputError(_("{path}: cannot write: it is a folder").format(path=path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        _guard(path, lambda: _write_through(target, data))  # a device or a named pipe
        return
    if info is not None and not info.st_mode & 0o222:
        raise InputError(_("{path}: not written: the file is read-only").format(path=path))
    if expected is not None:
        _check_unchanged(path, target, expected)
    if info is not None and info.st_nlink > 1:
        _guard(path, lambda: _write_in_place(target, data))
        return
    directory = target.parent
    if not directory.is_dir():
        raise InputError(
            _("{path}: cannot write: the folder {directory} does not exist").format(
                path=path, directory=directory
            )
        )
    _guard(path, lambda: _replace(target, data, info, expected, path))


def write_new(files: Mapping[Path, bytes]) -> None:
    """Create new files all or nothing: each is written to a temporary file first; only when
    all are on disk are they linked into place (failing if one appeared meanwhile). On any
    failure (a full disk) nothing of them is left, folders made for them included."""
    made: list[Path] = []
    temporaries: dict[Path, str] = {}
    placed: list[Path] = []
    try:
        for path in files:
            for folder in reversed([path.parent, *path.parent.parents]):
                if not folder.exists():
                    _guard(folder, folder.mkdir)
                    made.append(folder)
                elif not folder.is_dir():
                    raise InputError(_("{path}: exists and is not a folder").format(path=folder))
        for path, data in files.items():
            try:
                temporaries[path] = _temporary(path.parent, path.name, data)
            except OSError as error:
                raise _error(path, error) from None
        for path, temporary in temporaries.items():
            try:
                _place_new(temporary, path, files[path])
            except FileExistsError:
                raise InputError(
                    _("{path} already exists: it is never overwritten").format(path=path)
                ) from None
            except OSError as error:
                raise _error(path, error) from None
            placed.append(path)
    except BaseException:
        for removed in [*map(str, placed), *temporaries.values()]:
            with contextlib.suppress(OSError):
                os.unlink(removed)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    for temporary in temporaries.values():
        with contextlib.suppress(OSError):
            os.unlink(temporary)


# --- the parts --------------------------------------------------------------------------------

#: File systems without hard links (FAT, exFAT, some SMB and FUSE mounts) say so with these.
_NO_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK})
#: ``os.link``, a seam for the tests (a file system without links is hard to come by).
_link = os.link


def _place_new(temporary: str, path: Path, data: bytes) -> None:
    """Put a new file at ``path`` without ever replacing one: a hard link to the complete
    temporary file, or, where links are not supported, an exclusive create (``O_EXCL``)
    written in full (removed again if that fails, so nothing half is left)."""
    try:
        _link(temporary, path)
        return
    except OSError as error:
        if isinstance(error, FileExistsError) or error.errno not in _NO_LINKS:
            raise
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            _write_all(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def _descriptor(path: Path) -> int | None:
    text = str(path)
    if text in _STREAMS:
        return _STREAMS[text]
    match = _DESCRIPTOR.match(text)
    return int(match.group(1)) if match else None


def _target(path: Path) -> Path:
    """The path to write: a link is followed only when its target stays in its folder, and
    so is every folder on the way below the working directory (``reports -> /elsewhere``
    checked in: ``-o reports/x.sarif`` would write out of the repository)."""
    _check_folders(path)
    if not path.is_symlink():
        return path
    folder = path.parent.resolve()
    target = path.resolve()
    if folder != target.parent and folder not in target.parents:
        raise InputError(
            _(
                "{path}: not written: it is a symbolic link to {target}, outside its "
                "folder; give that path itself if it is meant"
            ).format(path=path, target=target)
        )
    return target


def _check_folders(path: Path) -> None:
    """Each folder of ``path`` below the working directory that is a symbolic link must
    point inside the folder that holds it. Folders above the working directory are the
    user's own (``/var/run -> /run``), not the repository's."""
    absolute = Path(os.path.abspath(path))
    here = Path.cwd()
    try:
        parts = absolute.parent.relative_to(here).parts
    except ValueError:
        return
    current = here
    for part in parts:
        current = current / part
        if not current.is_symlink():
            continue
        folder = current.parent.resolve()
        target = current.resolve()
        if folder != target and folder not in target.parents:
            raise InputError(
                _(
                    "{path}: not written: {link} is a symbolic link to {target}, outside "
                    "its folder; give that path itself if it is meant"
                ).format(path=path, link=current.relative_to(here), target=target)
            )


def _refuse_inputs(path: Path, target: Path, refuse: Collection[Path]) -> None:
    for protected in refuse:
        with contextlib.suppress(OSError):
            if target.exists() and os.path.samefile(target, protected):
                raise InputError(
                    _(
                        "{path}: not written: it is one of the files rulebook reads (the "
                        "policy or its configuration); choose another output file"
                    ).format(path=path)
                )


def uses_crlf(data: bytes) -> bool:
    """Whether text ends its first line with CRLF (Windows line endings)."""
    first = data.find(b"\n")
    return first > 0 and data[first - 1 : first] == b"\r"


def _file_uses_crlf(path: Path, expected: Snapshot | None) -> bool:
    if expected is not None:
        return uses_crlf(expected.data)
    try:
        with path.open("rb") as stream:
            return uses_crlf(stream.read(65536))
    except OSError:
        return False


def _check_unchanged(path: Path, target: Path, expected: Snapshot) -> None:
    try:
        now = Snapshot.of(target)
    except OSError:
        now = None
    if now is None or now.mtime_ns != expected.mtime_ns or now.data != expected.data:
        raise Changed(
            _("{path}: not written: the file changed while rulebook ran; run it again").format(
                path=path
            )
        )


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _write_through(target: Path, data: bytes) -> None:
    descriptor = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    try:
        _write_all(descriptor, data)
    finally:
        os.close(descriptor)


def _write_in_place(target: Path, data: bytes) -> None:
    descriptor = os.open(target, os.O_RDWR)
    try:
        if data and hasattr(os, "posix_fallocate"):  # a full disk fails here, file whole
            try:
                os.posix_fallocate(descriptor, 0, len(data))
            except OSError as error:
                if error.errno not in (errno.EOPNOTSUPP, errno.EINVAL):
                    raise
        _write_all(descriptor, data)
        os.ftruncate(descriptor, len(data))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _temporary(directory: Path, name: str, data: bytes) -> str:
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _replace(
    target: Path, data: bytes, info: os.stat_result | None, expected: Snapshot | None, shown: Path
) -> None:
    temporary = _temporary(target.parent, target.name, data)
    try:
        if info is not None:
            os.chmod(temporary, info.st_mode & 0o7777)
            if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                try:
                    os.chown(temporary, info.st_uid, info.st_gid)
                except PermissionError:  # not root: in place keeps the owner
                    os.unlink(temporary)
                    _write_in_place(target, data)
                    return
                os.chmod(temporary, info.st_mode & 0o7777)  # chown clears setuid bits
        if expected is not None:
            _check_unchanged(shown, target, expected)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _guard(path: Path, action: Callable[[], T]) -> T:
    try:
        return action()
    except OSError as error:
        raise _error(path, error) from None


def _error(path: Path, error: OSError) -> InputError:
    if error.errno == errno.ENOSPC:
        return InputError(_("{path}: cannot write: the disk is full").format(path=path))
    if error.errno == errno.EPIPE:
        raise BrokenPipeError(error.errno, error.strerror)
    reason = error.strerror or str(error)
    return InputError(_("{path}: cannot write: {reason}").format(path=path, reason=reason))
