"""The user's git configuration cannot shift the fields the history parses: a signed commit
with ``log.showSignature = true`` stays in the history, an author's name stays whole under
another ``i18n.logOutputEncoding`` (issue 24, item 18)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.gitrepo import AUTHORS, commit, copy_bundled, git, init, set_version
from tests.helpers import run_process

USER_CONFIG = """[log]
\tshowSignature = true
\tdecorate = full
\tshowRoot = false
[i18n]
\tlogOutputEncoding = ISO-8859-1
[color]
\tui = always
[core]
\tquotePath = true
[diff]
\tnoprefix = true
"""


@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="signing needs ssh-keygen")
def test_a_signed_commit_stays_in_the_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    repo = init(tmp_path / "repo")
    policy = copy_bundled(repo)
    set_version(policy, "1.0.0", "2027-01-15")
    commit(repo, "Policy 1.0.0", AUTHORS["ann"], "2027-01-10")
    set_version(policy, "1.1.0", "2027-02-15")
    git(repo, "add", "-A")
    git(
        repo,
        "-c",
        "gpg.format=ssh",
        "-c",
        f"user.signingKey={key}",
        "-c",
        "user.name=Zoë Signée",
        "-c",
        "user.email=zoe@lindebeek.be",
        "commit",
        "-q",
        "-S",
        "-m",
        "Policy 1.1.0, signed",
    )
    config = tmp_path / "gitconfig"
    config.write_text(USER_CONFIG, encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    result = run_process("history", "--format", "json", cwd=repo)
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert [(r["version"], r["author"]) for r in rows] == [
        ("1.1.0", "Zoë Signée"),
        ("1.0.0", "Ann Admin"),
    ]
    legal = run_process("changelog", "--audience", "legal", "--lang", "en", cwd=repo)
    assert "Policy 1.1.0, signed" in legal.out and "Zoë Signée" in legal.out
