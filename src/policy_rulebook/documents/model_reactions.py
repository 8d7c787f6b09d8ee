"""The reaction scheme's part of the printed policy (``documents.model``): the drawing, the
steps in words and the scenarios.

The drawing comes from ``documents.layout`` (grandalf is imported only when a scheme is drawn)
unless the scheme is too large to draw in bounded time; then the steps in words stand alone,
with a note. Each step links to the steps its answers lead to, each scenario to its
step and its house rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from policy_rulebook.core.articles import list_number
from policy_rulebook.documents.blocks import Block, Field, Figure, Group, Heading, Run
from policy_rulebook.documents.model_context import Context


class ReactionParts(Context):
    """The blocks of the ``reactions`` section, for the builder of the whole policy."""

    #: With the scheme's Mermaid text (only the Markdown shows it).
    mermaid = False

    def _reactions(self, reactions: Mapping[str, Any]) -> list[Block]:
        return self._steps() + self._scenarios()

    def _steps(self) -> list[Block]:
        scheme = self.scheme
        if scheme is None:
            return []
        from policy_rulebook.documents.graph import answer_words, mermaid
        from policy_rulebook.documents.layout import drawable, layout

        yes, no = answer_words(self.lang)
        path = ("reactions", "nodes")
        title = self.label(*path)
        small = drawable(scheme)  # a scheme too large to draw in bounded time: in words only
        figure = Figure(
            self.words["scheme"],
            self.words["scheme_alt" if small else "too_large"],
            layout(scheme, self.lang, (yes, no)) if small else None,
            mermaid(scheme, self.lang) if self.mermaid else "",
        )
        index = {n.get("id"): i for i, n in self.entries(*path)}
        items = []
        for node_id, node in scheme.nodes.items():
            i = index.get(node_id, 0)
            where = (*path, i)
            if node.kind == "question":
                start = f" ({self.words['start']})" if node_id == scheme.start else ""
                fields = [
                    self.field("help", where, self.t(node.data.get("help"))),
                    Field("yes", yes.capitalize(), self.step_link(node.yes)),
                    Field("no", no.capitalize(), self.step_link(node.no)),
                ]
                kind, tag, lead = (
                    "question",
                    self.words["question"] + start,
                    node.data.get("question"),
                )
            else:
                action = node.data.get("action")
                fields = [
                    self.field("action", where, (Run(self.word(action)),) if action else ()),
                    self.field("guidance", where, self.t(node.data.get("guidance"))),
                ]
                kind, tag, lead = "outcome", self.words["outcome"], node.data.get("outcome")
            item = self.item(path, i, node.data, self.t(lead), fields, "step", kind)
            items.append(replace(item, anchor=f"step-{node_id}", tag=tag))
        del title
        return [
            Heading(figure.title, list_number(path), figure.anchor),
            figure,
            Heading(self.words["steps"], None, "h-steps"),
            Group(tuple(items), style="steps"),
        ]

    def _scenarios(self) -> list[Block]:
        path = ("reactions", "scenarios")
        entries = self.entries(*path)
        if not entries:
            return []
        items = []
        for i, s in entries:
            rules: list[Run] = []
            for rid in s.get("house_rules") or []:
                if rules:
                    rules.append(Run(", "))
                rule = self.rules.get(rid)
                rules += (
                    [
                        Run(r.text, f"#house-rule-{rid}", r.lang)
                        for r in self.t(rule.get("category"))
                    ]
                    if rule
                    else [Run(str(rid))]
                )
            where = (*path, i)
            fields = [
                self.field("question", where, self.t(s.get("question"))),
                self.field("answer", where, self.t(s.get("answer"))),
                self.field("node", where, self.step_link(s.get("node"))),
                self.field("house_rules", where, tuple(rules)),
            ]
            items.append(self.item(path, i, s, self.t(s.get("title")), fields, "scenario"))
        return [self.heading(path), Group(tuple(items), style="cards", kind="scenarios")]
