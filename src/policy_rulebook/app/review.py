"""``rulebook review``: the profile's review questions, their sources, and the policy's answers.

No click here (see ``cli``). The questions are data (``linter/data/review_questions.yaml``);
the answers are the policy's ``meta.review`` records.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import _


def review(path: Path, profile: str | None, language: str | None, output_format: str) -> str:
    """The questions of ``profile`` (default: the policy's ``meta.profile``) as text or JSON,
    each with its source and, where the policy answers it, who answered, when and why."""
    from policy_rulebook.core import loader
    from policy_rulebook.linter import profiles
    from policy_rulebook.linter import review as questions

    document = loader.load(path)
    name = profile or document.get("meta", "profile")
    if not isinstance(name, str) or name not in profiles.NAMES:
        raise InputError(
            _(
                "{source}: the policy has no profile (`meta.profile`): name one there or give "
                "--profile NAME (the profiles are {names})"
            ).format(source=document.source, names=", ".join(profiles.NAMES))
        )
    chosen = profiles.bundled(name)
    lang = (language or document.primary_language or "en").split(",")[0].split("-")[0]
    asked = questions.status(document, name)
    extra = sorted(set(questions.answers(document)) - {q.id for q, _answer in asked})
    if output_format == "json":
        return _json(name, lang, asked, extra)
    answered = sum(1 for _q, answer in asked if answer is not None)
    lines = [
        _(
            "Review questions of the {profile} profile ({title}): {answered} of {total} answered."
        ).format(profile=name, title=chosen.label(lang), answered=answered, total=len(asked))
    ]
    for question, answer in asked:
        mark = _("answered") if answer is not None else _("open")
        lines += ["", f"[{mark}] {question.id}", _wrap(question.text(lang))]
        url = f" <{question.url}>" if question.url else ""
        lines.append(
            _wrap(
                _("Source: {source}{url} (as of {date})").format(
                    source=question.source, url=url, date=question.as_of
                )
            )
        )
        if answer is not None:
            lines.append(
                _wrap(
                    _("Answered by {by} on {date}: {reason}").format(
                        by=answer.by, date=answer.date, reason=answer.reason
                    )
                )
            )
    if extra:
        lines += [
            "",
            _(
                "`meta.review` also answers questions the {profile} profile does not ask: {ids}"
            ).format(profile=name, ids=", ".join(extra)),
        ]
    if answered < len(asked):
        lines += [
            "",
            _(
                "Record each answer in meta.yaml under `review:` (question, by, date, reason); "
                "`rulebook explain RB612` shows how."
            ),
        ]
    return "\n".join(lines) + "\n"


def _wrap(text: str) -> str:
    """A paragraph indented under its question, wrapped like the docs (never inside a URL)."""
    import textwrap

    return textwrap.fill(
        " ".join(text.split()),
        width=94,
        initial_indent="  ",
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def _json(name: str, lang: str, asked: list[Any], extra: list[str]) -> str:
    data = {
        "profile": name,
        "language": lang,
        "answered": sum(1 for _q, answer in asked if answer is not None),
        "total": len(asked),
        "questions": [
            {
                "id": question.id,
                "question": question.text(lang),
                "source": question.source,
                "url": question.url,
                "as_of": question.as_of,
                "answer": None
                if answer is None
                else {"by": answer.by, "date": answer.date, "reason": answer.reason},
            }
            for question, answer in asked
        ],
        "unknown_answers": extra,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
