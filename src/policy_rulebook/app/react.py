"""``rulebook react``: walk the reaction scheme one question at a time, in the policy's language.

The walk is plain Python: ``ask`` and ``say`` are given by the caller (the terminal, or a list of
scripted answers), so tests drive it without a terminal and the core never imports click.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from policy_rulebook.core import i18n
from policy_rulebook.core.document import Document
from policy_rulebook.core.escape import terminal as safe
from policy_rulebook.core.findings import InputError
from policy_rulebook.core.i18n import N_, _
from policy_rulebook.core.scheme import Scenario, Scheme
from policy_rulebook.documents.graph import answer_words

#: Words of the interface (the policy's own words are quoted as they are), translated in the
#: language of the walk by the catalogue (core.i18n): every language it has, not only nl/en.
UI: dict[str, str] = {
    "outcome": N_("Outcome"),
    "scenarios": N_("Scenarios on this path"),
    "situation": N_("Situation"),
    "answer": N_("How we react"),
    "house_rules": N_("House rules"),
    "help_hint": N_("type ? for help"),
    "invalid": N_("Please answer {words}."),
    "action": N_("Action"),
}
YES_WORDS = frozenset({"yes", "y", "ja", "j", "oui", "o", "si"})
NO_WORDS = frozenset({"no", "n", "nee", "nein", "non"})


def ui(language: str | None) -> dict[str, str]:
    with i18n.language(language or "en"):
        return {key: _(text) for key, text in UI.items()}


def parse_answer(text: str, language: str | None) -> str | None:
    """``yes``, ``no`` or None: the policy's words and English, in full or by first letter."""
    word = text.strip().lower()
    yes, no = answer_words(language)
    if word in YES_WORDS or word == yes:
        return "yes"
    if word in NO_WORDS or word == no:
        return "no"
    return None


@dataclass(frozen=True)
class Walk:
    """Where a walk ended: the nodes passed, the answers given, the outcome reached."""

    visited: tuple[str, ...]
    answers: tuple[str, ...]
    outcome: str


def walk(
    scheme: Scheme, language: str | None, ask: Callable[[str, str], str], say: Callable[[str], None]
) -> Walk:
    """Ask the questions from the start until an outcome. ``ask(node_id, prompt)`` returns the
    raw answer; an answer that is neither yes nor no is refused by ``ask`` itself raising, or
    asked again after ``say`` tells what is expected."""
    if not scheme.start_known or scheme.start is None:
        raise InputError(
            _(
                "the reaction scheme's start `{start}` is not one of its steps: run `rulebook lint`"
            ).format(start=scheme.start)
        )
    words = answer_words(language)
    texts = ui(language)
    current = scheme.start
    visited: list[str] = []
    answers: list[str] = []
    while True:
        if current in visited:
            raise InputError(
                _(
                    "the reaction scheme goes round in a circle at `{current}`: run `rulebook lint`"
                ).format(current=current)
            )
        visited.append(current)
        node = scheme.nodes[current]
        if node.kind != "question":
            return Walk(tuple(visited), tuple(answers), current)
        choices = f"{words[0]}/{words[1]}" + ("/?" if node.data.get("help") is not None else "")
        prompt = f"{safe(scheme.label(current, language))} [{choices}]"
        while True:
            raw = ask(current, prompt)
            if raw.strip() in ("?", "help") and node.data.get("help") is not None:
                say(_indent(scheme.text(node.data.get("help"), language)))
                continue
            answer = parse_answer(raw, language)
            if answer is not None:
                break
            say(texts["invalid"].format(words=f"{words[0]} {_or(language)} {words[1]}"))
        answers.append(answer)
        target = node.branch(answer)
        if target is None or target not in scheme.nodes:
            raise InputError(
                _(
                    "answering {answer} at `{current}` leads to `{target}`, which "
                    "is not a step of the scheme: run `rulebook lint`"
                ).format(answer=answer, current=current, target=target)
            )
        current = target


def _or(language: str | None) -> str:
    with i18n.language(language or "en"):
        return _("or")


def _indent(text: str, prefix: str = "  ") -> str:
    return textwrap.fill(
        safe(" ".join(text.split())), width=88, initial_indent=prefix, subsequent_indent=prefix
    )


def house_rules_for(
    document: Document, scenarios: list[Scenario], action: Any
) -> list[dict[str, Any]]:
    """The house rules the scenarios name; without any, those with the outcome's action."""
    rules = [r for _, r in document.iter_kind("house-rule")]
    named: list[str] = []
    for scenario in scenarios:
        for rule_id in scenario.data.get("house_rules") or []:
            if rule_id not in named:
                named.append(str(rule_id))
    if named:
        by_id = {r.get("id"): r for r in rules}
        return [by_id[i] for i in named if i in by_id]
    return [r for r in rules if action is not None and r.get("action") == action]


def report(document: Document, scheme: Scheme, result: Walk, language: str | None) -> str:
    """The outcome with its guidance, the scenarios on the path and the relevant house rules."""
    texts = ui(language)
    node = scheme.nodes[result.outcome]
    lines = ["", f"→ {safe(scheme.label(result.outcome, language))}"]
    if node.data.get("guidance") is not None:
        lines.append(_indent(scheme.text(node.data["guidance"], language)))
    scenarios = scheme.scenarios_for(result.visited)
    if scenarios:
        lines += ["", f"{texts['scenarios']}:"]
        for scenario in scenarios:
            lines.append(f"- {safe(scheme.text(scenario.data.get('title'), language))}")
            lines.append(
                _indent(
                    f"{texts['situation']}: {scheme.text(scenario.data.get('question'), language)}",
                    "    ",
                )
            )
            lines.append(
                _indent(
                    f"{texts['answer']}: {scheme.text(scenario.data.get('answer'), language)}",
                    "    ",
                )
            )
    rules = house_rules_for(document, scenarios, node.data.get("action"))
    if rules:
        lines += ["", f"{texts['house_rules']}:"]
        for rule in rules:
            category = scheme.text(rule.get("category"), language)
            lines.append(f"- {safe(category)} ({safe(str(rule.get('action', '')))})")
            lines.append(_indent(scheme.text(rule.get("text"), language), "    "))
    return "\n".join(lines) + "\n"


class Script:
    """An ``ask`` that takes the next scripted answer and refuses a wrong one (exit code 2)."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = answers
        self.used = 0

    def __call__(self, node_id: str, prompt: str) -> str:
        if self.used >= len(self.answers):
            raise InputError(
                _("--answers ran out at the question `{node_id}`: add an answer").format(
                    node_id=node_id
                )
            )
        raw = self.answers[self.used]
        self.used += 1
        if parse_answer(raw, None) is None:
            raise InputError(
                _(
                    "answer {used} of --answers, `{value}`, is not yes or no (at "
                    "the question `{node_id}`)"
                ).format(used=self.used, value=safe(raw), node_id=node_id)
            )
        return raw

    def check_all_used(self, outcome: str) -> None:
        left = len(self.answers) - self.used
        if left:
            raise InputError(
                _(
                    "the outcome `{outcome}` was reached after {used} answers, "
                    "but --answers has {left} more: remove them"
                ).format(outcome=outcome, used=self.used, left=left)
            )
