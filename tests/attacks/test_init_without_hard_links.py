"""Attack (issue 24, 22): ``init`` placed its files with hard links, so it could not create a
policy on a file system without them (FAT, exFAT, some SMB and FUSE mounts).

Why it holds now: where ``os.link`` says links are not supported (EPERM, ENOTSUP, ...), each
file is created exclusively (``O_EXCL``) and written in full: still never over an existing
file, still all or nothing. Such a file system is hard to come by in a test, so ``os.link`` is
replaced at its one seam (``atomic._link``); everything else is the real code path.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from policy_rulebook.core import atomic
from policy_rulebook.core.findings import InputError
from tests.helpers import TODAY, run


@pytest.fixture(params=[errno.EPERM, errno.ENOTSUP])
def no_links(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    code: int = request.param

    def refuse(source: object, target: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic, "_link", refuse)
    return code


def test_init_creates_the_policy_without_hard_links(
    no_links: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run(capsys, "init", str(tmp_path / "policy"))
    assert result.code == 0, result.err
    made = sorted(p.name for p in (tmp_path / "policy").iterdir())
    assert "meta.yaml" in made and not [n for n in made if n.startswith((".", "tmp"))]
    assert all(p.stat().st_nlink == 1 for p in (tmp_path / "policy").iterdir())
    lint = run(capsys, "lint", str(tmp_path / "policy"), "--today", TODAY.isoformat())
    assert lint.code == 1 and "Traceback" not in lint.err  # placeholders still to write


def test_an_exclusive_create_never_overwrites(no_links: int, tmp_path: Path) -> None:
    taken = tmp_path / "b.yaml"
    taken.write_text("mine\n", encoding="utf-8")
    with pytest.raises(InputError, match="already exists"):
        atomic.write_new({tmp_path / "a.yaml": b"a\n", taken: b"b\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.yaml"]  # all or nothing
    assert taken.read_text(encoding="utf-8") == "mine\n"


def test_another_link_error_is_still_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_link", full)
    with pytest.raises(InputError):
        atomic.write_new({tmp_path / "a.yaml": b"a\n"})
    assert list(tmp_path.iterdir()) == []
