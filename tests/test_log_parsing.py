"""The history's log records (NUL between fields and between commits) cannot be shifted by what
a commit message or a name holds (issue 24, item 18): parsing is checked by hypothesis over
open-ended text, then against git itself."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from policy_rulebook.changelog.records import LOG_FORMAT, parse_log
from tests.gitrepo import git, init

TEXT = st.text(st.characters(exclude_characters="\0", exclude_categories=["Cs"]))
SHA = st.text("0123456789abcdef", min_size=40, max_size=40)


@given(st.lists(st.tuples(SHA, TEXT, TEXT, TEXT), min_size=1, max_size=4, unique_by=lambda c: c[0]))
def test_fields_stay_in_place(commits: list[tuple[str, str, str, str]]) -> None:
    records = []
    for sha, author, subject, body in commits:
        records.append("\0".join([sha, "", author, "a@b", "2027-01-01", subject, "", body]))
    parsed = parse_log(("\0".join(records) + "\0").encode("utf-8"))
    assert list(parsed) == [sha for sha, *_rest in commits]
    for sha, author, subject, _body in commits:
        assert (parsed[sha].author, parsed[sha].summary) == (author, subject)


def test_git_log_parses_back(tmp_path: Path) -> None:
    repo = init(tmp_path / "repo")
    message = "Subject: with a colon\n\nA body\n\nwith paragraphs\n\nPolicy-Change: editorial"
    git(
        repo,
        "-c",
        "user.name=Zoë",
        "-c",
        "user.email=z@b",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        message,
    )
    raw = git(repo, "log", "-z", "--date=short", f"--format={LOG_FORMAT}").encode("utf-8")
    [found] = parse_log(raw).values()
    assert (found.author, found.summary, found.marking) == (
        "Zoë",
        "Subject: with a colon",
        "editorial",
    )
    assert found.body == "A body\n\nwith paragraphs"
