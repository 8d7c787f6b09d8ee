"""Writing a file atomically: a temporary file in the same directory, then ``os.replace``.

A reader (or a CI step uploading the file) sees the old file or the new one, never half of it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from policy_rulebook.core.findings import InputError


def write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically; an InputError if that cannot be done."""
    write_bytes(path, text.encode("utf-8", "surrogateescape"))


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; an InputError if that cannot be done."""
    directory = path.parent if str(path.parent) else Path()
    if not directory.is_dir():
        raise InputError(f"{path}: cannot write: the directory {directory} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                             dir=directory)
    except OSError as error:
        raise InputError(f"{path}: cannot write: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise InputError(f"{path}: cannot write: {error.strerror}") from None
