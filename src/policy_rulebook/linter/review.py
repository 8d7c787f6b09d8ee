"""Review questions: what a pattern cannot judge, for a legal or communications reviewer.

The questions are data (``data/review_questions.yaml``), each with the profiles that ask it and
its legal source. The answers live in the policy, in ``meta.review`` (which question, who
answered it, when, and a short reason), so they travel with it in git and show in the legal
redline when they change. ``rulebook review`` lists them; RB612 reports the open ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from policy_rulebook.core.document import Document


@dataclass(frozen=True)
class Question:
    id: str
    profiles: tuple[str, ...]
    question: Mapping[str, str]
    source: str
    url: str | None
    as_of: str

    def text(self, language: str) -> str:
        return self.question.get(language) or self.question["en"]


@dataclass(frozen=True)
class Answer:
    """One record of ``meta.review``, as written (the schema check reports a bad shape)."""

    question: str
    by: str
    date: str
    reason: str


@cache
def all_questions() -> tuple[Question, ...]:
    from policy_rulebook.linter import data

    return tuple(
        Question(
            str(raw["id"]),
            tuple(raw["profiles"]),
            dict(raw["question"]),
            str(raw["source"]),
            raw.get("url"),
            str(raw["as_of"]),
        )
        for raw in data.load("review_questions.yaml")
    )


def questions(profile: str) -> tuple[Question, ...]:
    """The questions the profile ``profile`` asks, in the order of the data file."""
    return tuple(q for q in all_questions() if profile in q.profiles)


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def answers(document: Document) -> dict[str, Answer]:
    """The answered questions of ``meta.review`` by question id (the last record wins)."""
    records = document.get("meta", "review")
    found: dict[str, Answer] = {}
    if not isinstance(records, list):
        return found
    for record in records:
        if isinstance(record, dict) and isinstance(record.get("question"), str):
            found[record["question"]] = Answer(
                record["question"],
                _text(record.get("by", "")),
                _text(record.get("date", "")),
                _text(record.get("reason", "")),
            )
    return found


def status(document: Document, profile: str) -> list[tuple[Question, Answer | None]]:
    """Each question of the profile with its answer in the policy, or None while open."""
    given = answers(document)
    return [(q, given.get(q.id)) for q in questions(profile)]
