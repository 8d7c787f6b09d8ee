"""The policy's files as git stores them: many trees and blobs read in one ``git cat-file
--batch-check``/``--batch`` each (sizes first: a blob over the file limit is refused before it is
read), each blob parsed once.

Parsed blobs are also kept between runs in ``.git/rulebook/`` (plain JSON keyed by blob id: a
blob's content never changes), so a second run over a long history reads no YAML. The cache only
ever makes a run faster: one that cannot be read (missing, corrupt, stale, a file where its
folder should be) is ignored, one that cannot be written (a read-only checkout) is not written.
Blobs are read as stored, never through ``.gitattributes`` (no textconv, no filters).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from policy_rulebook.changelog.gitrun import Repository
from policy_rulebook.core import files, loader
from policy_rulebook.core.changes import plain
from policy_rulebook.core.findings import Finding

#: The blob cache is read and written when a batch holds at least this many blobs.
CACHE_FROM = 64
#: The blob cache is not written beyond this size (bytes of JSON).
CACHE_LIMIT = 64 * 1024 * 1024


class Blobs:
    """Objects of one repository, read in batches and parsed once."""

    def __init__(self, repo: Repository, max_bytes: int) -> None:
        self.repo = repo
        self.max_bytes = max_bytes
        self.sizes: dict[str, int] = {}
        self.parsed: dict[str, dict[str, Any]] = {}
        # blobs that do not parse, with the first problem found in each (said to the user)
        self.broken: dict[str, Finding | None] = {}
        self._disk: dict[str, Any] | None = None
        self._dirty = False

    def headers(self, names: list[str]) -> list[tuple[str, str, int] | None]:
        """(id, type, size) of each named object (None where it is missing)."""
        if not names:
            return []
        out = self.repo.run("cat-file", "--batch-check", stdin=_lines(names))
        lines = out.decode("utf-8", "replace").splitlines()
        result: list[tuple[str, str, int] | None] = []
        for line in lines[: len(names)]:
            parts = line.rsplit(" ", 2)
            ok = len(parts) == 3 and parts[2].isdigit() and parts[1] != "missing"
            result.append((parts[0], parts[1], int(parts[2])) if ok else None)
        result += [None] * (len(names) - len(result))
        return result

    def contents(self, ids: list[str]) -> Iterator[tuple[str, bytes]]:
        """(id, raw content) of objects known to exist (sizes checked before)."""
        if not ids:
            return
        out = self.repo.run("cat-file", "--batch", stdin=_lines(ids))
        position = 0
        for object_id in ids:
            end = out.index(b"\n", position)
            header = out[position:end].decode("utf-8", "replace").split()
            position = end + 1
            if len(header) != 3 or not header[2].isdigit():
                continue
            size = int(header[2])
            yield object_id, out[position : position + size]
            position += size + 1

    def read(self, blobs: list[str]) -> None:
        """Sizes of the blobs, then the content of those under the limit that no cache holds,
        parsed once."""
        unknown = [b for b in blobs if b not in self.sizes]
        for blob, header in zip(unknown, self.headers(unknown), strict=True):
            self.sizes[blob] = header[2] if header else -1
        # the cache pays off for a long history; a few blobs are parsed faster than it loads
        disk = self._cache() if len(blobs) >= CACHE_FROM else {}
        todo = []
        for blob in blobs:
            if blob in self.parsed or blob in self.broken:
                continue
            if blob in disk:
                self.parsed[blob] = disk[blob]
            elif 0 <= self.sizes[blob] <= self.max_bytes:
                todo.append(blob)
        for blob, raw in self.contents(todo):
            document = loader.load_files(blob, [(blob, raw)], max_bytes=self.max_bytes)
            if document.broken_files:
                self.broken[blob] = document.problems[0] if document.problems else None
                continue
            self.parsed[blob] = plain(document.data)
            if len(blobs) >= CACHE_FROM:
                disk[blob] = self.parsed[blob]
                self._dirty = True

    def _path(self) -> Path:
        from policy_rulebook import __version__

        return self.repo.git_dir / "rulebook" / f"blobs-{__version__}.json"

    def _cache(self) -> dict[str, Any]:
        if self._disk is None:
            self._disk = {}
            try:
                loaded = json.loads(self._path().read_text(encoding="utf-8"))
            except (OSError, ValueError, RecursionError):
                loaded = None  # missing, unreadable or corrupt: start afresh
            if isinstance(loaded, dict):
                self._disk = {
                    k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, dict)
                }
        return self._disk

    def save(self) -> None:
        """Keep the blobs parsed in this run for the next (written once per batch)."""
        if not self._dirty or self._disk is None:
            return
        self._dirty = False
        text = json.dumps(self._disk, ensure_ascii=False, separators=(",", ":"))
        if len(text) > CACHE_LIMIT:
            return
        from policy_rulebook.core import atomic
        from policy_rulebook.core.findings import InputError

        try:
            self._path().parent.mkdir(exist_ok=True)
            atomic.write_text(self._path(), text)
        except (OSError, InputError):
            pass  # a cache that cannot be written only makes the next run slower


def _lines(names: list[str]) -> bytes:
    return ("\n".join(names) + "\n").encode("utf-8")


def entries(raw: bytes, width: int) -> Iterator[tuple[str, str, str]]:
    """(name, mode, id) of a raw tree object's entries."""
    position = 0
    while position < len(raw):
        space = raw.index(b" ", position)
        nul = raw.index(b"\0", space)
        mode = raw[position:space].decode("ascii").rjust(6, "0")
        name = raw[space + 1 : nul].decode("utf-8", errors="replace")
        yield name, mode, raw[nul + 1 : nul + 1 + width].hex()
        position = nul + 1 + width


def yaml_entries(tree: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The entries of a tree that are YAML files (not links, not submodules)."""
    return [
        (name, mode, blob)
        for name, mode, blob in tree
        if mode in ("100644", "100755") and name.endswith(files.YAML_SUFFIXES)
    ]
