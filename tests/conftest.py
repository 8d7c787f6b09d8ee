"""What every test shares: the golden-file fixture and the network marker.

- ``golden(name, actual, commits=...)``: compares ``actual`` with ``tests/golden/<name>``
  (commit ids redacted to ``#name``). With ``UPDATE_GOLDEN=1`` every golden file that differs
  (or is missing) is written in the same run and its test FAILS, so that an update is never
  silently green: review the diff, then run again without it. After a run of the whole suite,
  golden files that no test read are listed as orphans (and deleted with ``UPDATE_GOLDEN=1``).
- ``@pytest.mark.network("npm")`` / ``("pypi")``: the test fetches from that registry. When the
  registry cannot be reached (probed once per session, 3 seconds at most), the test is skipped
  with the reason; ``pytest -m "not network"`` leaves them out altogether.

The date of today is fixed for the whole suite: ``tests.helpers.TODAY`` (pass it as
``--today`` or in ``Context``); nothing in the tests reads the clock.
- Property tests (hypothesis) draw the same examples on every run (``derandomize``), so CI
  never fails on a case that the previous run did not try; ``HYPOTHESIS_PROFILE=explore``
  draws new ones, to look for bugs on purpose.
- Every test starts with messages chosen by neither a policy nor an earlier test: English,
  as from an environment without a language (tests that want another say so); the ``english``
  fixture pins English for tests written against the English wording.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

import pytest
from hypothesis import settings

from policy_rulebook.core import i18n
from tests.helpers import GOLDEN, SUMMARY, Golden, redact_commits

settings.register_profile("stable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "stable"))

#: The registries that network tests fetch from, and the address the probe asks for.
REGISTRIES = {
    "npm": os.environ.get("NPM_CONFIG_REGISTRY") or "https://registry.npmjs.org/",
    "pypi": os.environ.get("PIP_INDEX_URL") or "https://pypi.org/simple/",
}
PROBE_TIMEOUT = 3.0


@pytest.fixture
def golden() -> Iterator[Golden]:
    """``golden(name, actual)``: assert ``actual`` equals the golden file ``name``."""
    update = bool(os.environ.get("UPDATE_GOLDEN"))
    written: list[Path] = []

    def check(name: str, actual: str, commits: Mapping[str, str] | None = None) -> None:
        path = GOLDEN / name
        _READ.add(path)
        if commits:
            actual = redact_commits(actual, commits)
        expected = path.read_text(encoding="utf-8") if path.is_file() else None
        if actual == expected:
            return
        if update:  # write every golden of the test, then fail it (below)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            written.append(path)
            return
        if expected is None:
            pytest.fail(f"{path}: no golden file yet; write it with UPDATE_GOLDEN=1 and review it")
        assert actual == expected, f"differs from the golden file {path}"

    yield check
    if written:
        pytest.fail(
            f"golden files written (UPDATE_GOLDEN): {', '.join(str(p) for p in written)}; "
            "review the change with git diff, then run the tests again without UPDATE_GOLDEN"
        )


#: The golden files that tests compared in this session (for the orphan report).
_READ: set[Path] = set()


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    """The sections tests reported (the corpus's recall table); then the golden files that no
    test read, when the whole suite ran (no selection)."""
    for title, text in SUMMARY:
        terminalreporter.section(title)
        terminalreporter.write_line(text)
    whole = config.args_source is pytest.Config.ArgsSource.TESTPATHS and not (
        config.getoption("keyword") or config.getoption("markexpr")
    )
    if not whole or not _READ or terminalreporter.stats.get("deselected"):
        return
    files = {p for p in GOLDEN.rglob("*") if p.is_file()}
    orphans = sorted(files - _READ)
    if not orphans:
        return
    update = bool(os.environ.get("UPDATE_GOLDEN"))
    terminalreporter.section("golden files that no test read")
    for path in orphans:
        terminalreporter.write_line(
            f"{path.relative_to(config.rootpath)}" + (" (deleted: UPDATE_GOLDEN)" if update else "")
        )
        if update:
            path.unlink()


@cache
def reachable(url: str) -> str | None:
    """None if ``url`` answers (any HTTP status will do), else why not; once per session."""
    try:
        request = urllib.request.Request(url, method="HEAD")
        with urllib.request.urlopen(request, timeout=PROBE_TIMEOUT):
            return None
    except urllib.error.HTTPError:
        return None  # it answered
    except (OSError, ValueError) as error:
        return str(getattr(error, "reason", error))


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in item.iter_markers("network"):
        for registry in marker.args:
            url = REGISTRIES[registry]
            why = reachable(url)
            if why is not None:
                pytest.skip(
                    f"needs the {registry} registry ({url}), which cannot be reached "
                    f"from here ({why}); runs in CI"
                )


@pytest.fixture(autouse=True)
def _english_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "RULEBOOK_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.set_language(None)
    yield
    i18n.set_language(None)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English whatever the policy's language (``RULEBOOK_LANG=en``, as ``--lang
    en``), for tests written against the English wording; in-process and in child processes."""
    monkeypatch.setenv("RULEBOOK_LANG", "en")
