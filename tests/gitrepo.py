"""Real git repositories for tests (after pre-commit's testing/fixtures.py): no mocks of git.

Commits get fixed authors and dates, so their hashes, and the golden files that show them, are
the same on every machine.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from tests.helpers import BUNDLED

_ISOLATED = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_TERMINAL_PROMPT": "0",
}


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run git in ``repo`` with no user or system configuration; its stdout."""
    done = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **_ISOLATED, **(env or {})},
    )
    return done.stdout


def init(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q")
    return repo


def commit(repo: Path, message: str, author: str, date: str) -> str:
    """Commit everything as ``"Name <email>"`` on ``YYYY-MM-DD``; the new commit's hash."""
    match = re.fullmatch(r"(.+) <(.+)>", author)
    assert match, author
    name, email = match.groups()
    stamp = f"{date}T10:00:00+01:00"
    env = {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_COMMITTER_DATE": stamp,
    }
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message, env=env)
    return git(repo, "rev-parse", "HEAD").strip()


def copy_bundled(repo: Path, name: str = "rulebook") -> Path:
    target = repo / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(BUNDLED, target)
    return target


def replace(path: Path, old: str, new: str) -> None:
    """Replace text that must be there (a fixture that silently does nothing tests nothing)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def set_version(policy: Path, version: str, effective_from: str) -> None:
    meta = policy / "meta.yaml"
    text = meta.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  version: .*$", f"  version: {version}", text)
    text = re.sub(r"(?m)^  effective_from: .*$", f"  effective_from: {effective_from}", text)
    meta.write_text(text, encoding="utf-8")


def set_status(policy: Path, status: str) -> None:
    """Set ``meta.status`` (draft, adopted, repealed)."""
    meta = policy / "meta.yaml"
    text = meta.read_text(encoding="utf-8")
    assert re.search(r"(?m)^  status: .*$", text), "meta.yaml has no status"
    meta.write_text(re.sub(r"(?m)^  status: .*$", f"  status: {status}", text), encoding="utf-8")


def remove_item(path: Path, item_id: str) -> None:
    """Remove a list item (``    - id: ITEM`` up to the next item at the same indent)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {item_id}")
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    end = start + 1
    while end < len(lines) and (lines[end].startswith(indent + " ") or not lines[end].strip()):
        end += 1
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


AUTHORS = {
    "ann": "Ann Admin <ann.admin@lindebeek.be>",
    "lea": "Lea Jurist <lea.jurist@lindebeek.be>",
    "tom": "Tom Claes <tom.claes@lindebeek.be>",
    "sara": "Sara Peeters <sara.peeters@lindebeek.be>",
}

NEW_DONT = """    - id: share-live-location
      text:
        nl: Deel niet live waar je bent tijdens een interventie of een huisbezoek.
        en: Do not share your live location during an intervention or a home visit.
      rationale:
        nl: Zo breng je jezelf, collega's en inwoners niet in gevaar.
        en: That way you do not put yourself, colleagues or residents at risk.
"""


def three_versions(repo: Path) -> dict[str, str]:
    """A policy with three versions and five commits; the hashes by name.

    - ``v1`` (Ann): version 1.0.0.
    - ``v2`` (Lea): version 1.1.0 as a draft, a legal item reworded;
      ``v2-tom`` (Tom): a don't added and a do removed (no bump: the draft collects it);
      ``v2-lea`` (Lea): the legal item's English reworded again and a new phone number; 1.1.0
      adopted.
    - ``v3`` (Sara): version 1.2.0, a rule renamed, a reaction-scheme branch changed and a new
      contact point.
    """
    init(repo)
    policy = copy_bundled(repo)
    shas = {}
    set_version(policy, "1.0.0", "2027-01-15")
    shas["v1"] = commit(repo, "Policy 1.0.0", AUTHORS["ann"], "2027-01-10")
    set_version(policy, "1.1.0", "2027-03-01")
    set_status(policy, "draft")
    replace(
        policy / "legal.yaml",
        "heb je schriftelijke toestemming nodig",
        "heb je uitdrukkelijke, schriftelijke toestemming nodig",
    )
    shas["v2"] = commit(repo, "Explicit consent for images", AUTHORS["lea"], "2027-02-01")
    append(policy / "conduct.yaml", NEW_DONT)
    remove_item(policy / "conduct.yaml", "credit-creators")
    shas["v2-tom"] = commit(repo, "Live location; drop credits rule", AUTHORS["tom"], "2027-02-08")
    replace(policy / "legal.yaml", "You need written consent", "You need explicit written consent")
    replace(policy / "contact.yaml", "phone: +32 3 123 45 67", "phone: +32 3 123 45 77")
    set_status(policy, "adopted")
    shas["v2-lea"] = commit(repo, "English wording; new phone", AUTHORS["lea"], "2027-02-09")
    set_version(policy, "1.2.0", "2027-06-01")
    replace(policy / "conduct.yaml", "- id: react-in-anger", "- id: no-replies-in-anger")
    replace(
        policy / "reactions.yaml",
        "      yes: monitor\n      no: misguided",
        "      yes: let-stand\n      no: misguided",
    )
    replace(policy / "contact.yaml", "name: Lien Verhaegen", "name: Sara Peeters")
    replace(
        policy / "contact.yaml",
        "email: lien.verhaegen@lindebeek.be",
        "email: sara.peeters@lindebeek.be",
    )
    shas["v3"] = commit(repo, "Policy 1.2.0", AUTHORS["sara"], "2027-05-03")
    return shas
