"""Write docs/legal-sources.md: every legal source the checks rely on, with its date.

The page is what legal reviews (not the code); it is generated from the data files in
src/policy_rulebook/linter/data/ so that the two cannot drift (tests/test_legal_profiles.py
compares them). Run from the repository: ``.venv/bin/python scripts/legal_sources.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PAGE = REPO / "docs" / "legal-sources.md"

HEAD = """# Legal sources

Every piece of law the checks rely on, with its official reference and the date it was last
checked (`as of`). Legal reviews this page, not the code: the data lives in
`src/policy_rulebook/linter/data/` (`legal_topics.yaml`, `repealed_acts.yaml`,
`review_questions.yaml`), its shape in `schema/legal-data.schema.json`, and
`scripts/legal_sources.py` writes this page from it (a test keeps them equal).
`rulebook explain CODE` shows the same sources for the check that uses them (RB602, RB603,
RB611, RB612).

Where an article number of a new act is not verified, the data cites the act without a number
(the Criminal Code of the laws of 29 February 2024, in force since 8 April 2026, renumbered every
offence: no entry cites the 1867 Code's articles as current law).
"""


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|")


def _source(entry: Mapping[str, Any]) -> str:
    url = f" <{entry['url']}>" if entry.get("url") else ""
    return _cell(entry["source"]) + url


def page() -> str:
    from policy_rulebook.linter import data, review

    lines = [HEAD, "## Legal topics (RB602)", "", "| topic | source | as of |", "|---|---|---|"]
    for topic, entry in data.load("legal_topics.yaml").items():
        lines.append(f"| `{topic}` | {_source(entry)} | {entry['as_of']} |")
    lines += [
        "",
        "## Repealed and replaced acts (RB603, RB611)",
        "",
        "A policy that cites one of these acts gets RB603 (error) when the act was replaced "
        "before the\npolicy was adopted (or the policy is not adopted yet), and RB611 (warning: "
        "review due) when it\nwas replaced after the adoption.",
        "",
        "| old act | now | since | source | as of |",
        "|---|---|---|---|---|",
    ]
    for act in data.load("repealed_acts.yaml"):
        lines.append(
            f"| {_cell(act['was']['en'])} | {_cell(act['now']['en'])} | {act['since']} "
            f"| {_source(act)} | {act['as_of']} |"
        )
    lines += [
        "",
        "## Review questions (RB612, `rulebook review`)",
        "",
        "| question | profiles | source | as of |",
        "|---|---|---|---|",
    ]
    for question in review.all_questions():
        lines.append(
            f"| `{question.id}` | {', '.join(question.profiles)} "
            f"| {_source(question.__dict__)} | {question.as_of} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    from policy_rulebook.core.atomic import write_text

    write_text(PAGE, page())
    print(f"written: {PAGE.relative_to(REPO)}")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
