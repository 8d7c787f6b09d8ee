"""The policy as numbered blocks (``documents.blocks``), built once for Markdown, HTML and Word.

The order and the article numbers come from ``core.articles``; the labels of fields from
the schema's titles (``label``), the page's other words from ``documents.words``; every text
is the policy's own, in the chosen language or, where it is not translated, in the primary one
(marked with its language). A new field is added here, once, and all three writers show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policy_rulebook.core.articles import SECTION_NUMBERS, list_number
from policy_rulebook.core.dates import long_date
from policy_rulebook.core.document import Document
from policy_rulebook.core.scheme import Scheme
from policy_rulebook.documents.blocks import (
    Block,
    Fact,
    Field,
    Group,
    Heading,
    Item,
    Part,
    Policy,
    Row,
    Run,
    Table,
    Text,
)
from policy_rulebook.documents.footer import footer_line
from policy_rulebook.documents.links import safe_url
from policy_rulebook.documents.model_reactions import ReactionParts

#: The distribution section (``meta.distribution``) follows the eight elements of the policy.
DISTRIBUTION_NUMBER = 9


def build(
    document: Document, scheme: Scheme | None, language: str | None, mermaid: bool = False
) -> Policy:
    """The policy in ``language`` (None: its primary language) as numbered blocks; with the
    scheme's Mermaid text when ``mermaid`` (only the Markdown shows it: 0.3 s for a scheme
    of 20,000 questions)."""
    builder = _Builder(document, scheme, language)
    builder.mermaid = mermaid
    return builder.policy()


class _Builder(ReactionParts):
    """The parts of the policy in their order, each from its section of the document (the
    reaction scheme's in ``documents.model_reactions``)."""

    def policy(self) -> Policy:
        meta: Mapping[str, Any] = self.document.get("meta") or {}
        facts = [
            Fact("version", self.words["version"], (Run(str(meta.get("version", ""))),)),
            Fact("status", self.words["status"], (Run(self.word(meta.get("status"))),)),
        ]
        draft = meta.get("status") == "draft"
        for key in ("adopted_on", "effective_from", "review_by"):
            # a draft's adoption and effective dates are still those of the version before it
            if meta.get(key) and not (draft and key in ("adopted_on", "effective_from")):
                iso = str(meta[key])
                facts.append(
                    Fact(key, self.label("meta", key), (Run(long_date(self.lang, iso)),), iso)
                )
        if meta.get("owner"):
            facts.append(Fact("owner", self.label("meta", "owner"), self.t(meta.get("owner"))))
        organisation = str(meta.get("organisation", ""))
        parts = [self.part(key, number) for key, number in SECTION_NUMBERS.items()]
        if isinstance(meta.get("distribution"), list):
            parts.append(self.distribution(meta))
        return Policy(
            language=self.lang,
            title=self.t(meta.get("title")) or (Run(organisation),),
            organisation=organisation,
            facts=tuple(facts),
            summary=self.t(meta.get("summary")),
            draft=draft,
            footer=footer_line(self.document.data, self.lang),
            parts=tuple(p for p in parts if p is not None),
            words=self.words,
        )

    def part(self, key: str, number: int) -> Part | None:
        data = self.document.get(key)
        if not isinstance(data, Mapping):
            return None
        blocks: list[Block] = []
        if data.get("intro"):
            blocks.append(Text(self.t(data.get("intro"))))
        blocks += getattr(self, f"_{key}")(data)
        return Part(key, str(number), self.label(key), tuple(blocks), self.source(key))

    def _brand(self, brand: Mapping[str, Any]) -> list[Block]:
        blocks = self._texts(brand, "brand", "mission", "vision")
        values = self.entries("brand", "values")
        if values:
            blocks.append(self.heading(("brand", "values")))
            items = [
                self.item(
                    ("brand", "values"),
                    i,
                    v,
                    self.t(v.get("name")),
                    [Field("description", "", self.t(v.get("description")))],
                    "value",
                )
                for i, v in values
            ]
            blocks.append(Group(tuple(items), kind="values"))
        blocks += self._texts(brand, "brand", "online_behaviour")
        tone = brand.get("tone_of_voice")
        if isinstance(tone, Mapping):
            path = ("brand", "tone_of_voice")
            blocks.append(Heading(self.label(*path), list_number((*path, "principles"))))
            if tone.get("register"):
                register = (Run(self.word(tone.get("register"))),)
                blocks.append(Text(register, self.label(*path, "register")))
            if tone.get("description"):
                blocks.append(Text(self.t(tone.get("description"))))
            principles = [
                self.item(
                    (*path, "principles"),
                    i,
                    p,
                    self.t(p.get("text")),
                    [self.field("example", (*path, "principles", i), self.t(p.get("example")))],
                    "tone",
                )
                for i, p in self.entries(*path, "principles")
            ]
            if principles:
                blocks.append(Group(tuple(principles), kind="principles"))
        return blocks

    def _rules(self, path: tuple[str, ...]) -> Group:
        return Group(
            tuple(
                self.item(
                    path,
                    i,
                    r,
                    self.t(r.get("text")),
                    [
                        self.field(key, (*path, i), self.t(r.get(key)))
                        for key in ("rationale", "example")
                    ],
                    "rule",
                )
                for i, r in self.entries(*path)
            ),
            kind=path[-1],
        )

    def _conduct(self, conduct: Mapping[str, Any]) -> list[Block]:
        blocks: list[Block] = []
        capacity = conduct.get("speaking_capacity")
        if isinstance(capacity, Mapping):
            path = ("conduct", "speaking_capacity")
            blocks.append(Heading(self.label(*path)))
            for key in ("own_name", "on_behalf", "disclaimer"):
                if capacity.get(key):
                    value = self.t(capacity.get(key))
                    blocks.append(Text(value, self.label(*path, key), quote=key == "disclaimer"))
        for name in ("dos", "donts"):
            blocks += [self.heading(("conduct", name)), self._rules(("conduct", name))]
        return blocks

    def _legal(self, legal: Mapping[str, Any]) -> list[Block]:
        items = []
        path = ("legal", "items")
        for i, entry in self.entries(*path):
            basis: list[Run] = []
            for b in entry.get("basis") or []:
                if not isinstance(b, Mapping):
                    continue
                if basis:
                    basis.append(Run("; "))
                basis += [
                    Run(r.text, safe_url(b.get("url")), r.lang) for r in self.t(b.get("title"))
                ]
                if b.get("reference"):
                    basis.append(Run(f", {b['reference']}"))
            private = entry.get("applies_to_private_accounts") is True
            fields = [
                Field("text", "", self.t(entry.get("text"))),
                self.field("basis", (*path, i), tuple(basis)),
                self.field("consequence", (*path, i), self.t(entry.get("consequence"))),
                Field(
                    "private",
                    "",
                    (Run(self.label(*path, i, "applies_to_private_accounts") + "."),)
                    if private
                    else (),
                ),
            ]
            items.append(self.item(path, i, entry, self.t(entry.get("topic")), fields, "legal"))
        return [Group(tuple(items), style="titled", kind="legal")]

    def _contact(self, contact: Mapping[str, Any]) -> list[Block]:
        blocks: list[Block] = []
        for key in ("primary", "backup"):
            p = contact.get(key)
            if isinstance(p, Mapping):
                lead = (Run(str(p.get("name", ""))), *self._role_after(p))
                person = Item(
                    f"contact-{key}",
                    None,
                    lead,
                    self._fields(self.person(("contact", key), p)),
                    self.source("contact", key),
                )
                blocks += [Heading(self.label("contact", key)), Group((person,), kind="people")]
        escalation = self.entries("contact", "escalation")
        if escalation:
            blocks.append(Heading(self.label("contact", "escalation")))
            path = ("contact", "escalation")
            items = []
            for i, e in escalation:
                who = (Run(str(e.get("name", ""))), *self._role_after(e))
                fields = [Field("name", "", who), *self.person((*path, i), e)]
                items.append(self.item(path, i, e, self.t(e.get("topic")), fields, "escalation"))
            blocks.append(Group(tuple(items), style="titled", kind="people"))
        return blocks

    def _roles(self, roles: Mapping[str, Any]) -> list[Block]:
        team = []
        for i, r in self.entries("roles", "team"):
            lead = (
                *self.t(r.get("name")),
                *((Run(f" ({r['holder']})"),) if r.get("holder") else ()),
            )
            team.append(
                self.item(
                    ("roles", "team"),
                    i,
                    r,
                    lead,
                    [Field("description", "", self.t(r.get("description")))],
                    "role",
                )
            )
        path = ("roles", "tasks", 0)
        rows = [
            Row(
                f"task-{task.get('id')}",
                self.num.get(f"roles/tasks/{task.get('id')}"),
                self.t(task.get("name")),
                self.t(task.get("description")),
                (
                    self.role(task.get("owner")),
                    self.role(task.get("backup")),
                    self.t(task.get("frequency")),
                ),
                self.source("roles", "tasks", i),
            )
            for i, task in self.entries("roles", "tasks")
        ]
        columns = tuple(self.label(*path, key) for key in ("name", "owner", "backup", "frequency"))
        blocks: list[Block] = [
            self.heading(("roles", "team")),
            Group(tuple(team), kind="team"),
            self.heading(("roles", "tasks"), "h-tasks"),
            Table("tasks", columns, tuple(rows), "h-tasks"),
        ]
        return blocks + self._texts(roles, "roles", "initiative")

    def _house_rules(self, house_rules: Mapping[str, Any]) -> list[Block]:
        path = ("house_rules", "rules", 0)
        rows = tuple(
            Row(
                f"house-rule-{r.get('id')}",
                self.num.get(f"house_rules/rules/{r.get('id')}"),
                self.t(r.get("category")),
                (),
                (self.t(r.get("text")), (Run(self.word(r.get("action"))),)),
                self.source("house_rules", "rules", i),
            )
            for i, r in self.entries("house_rules", "rules")
        )
        columns = tuple(self.label(*path, key) for key in ("category", "text", "action"))
        return [Table("rules-table", columns, rows, "h-house_rules")]

    def _channels(self, channels: Mapping[str, Any]) -> list[Block]:
        path = ("channels", "accounts", 0)
        rows = []
        for i, a in self.entries("channels", "accounts"):
            handle = (Run(str(a.get("handle", "")), safe_url(a.get("url"))),)
            rows.append(
                Row(
                    f"channel-{a.get('id')}",
                    self.num.get(f"channels/accounts/{a.get('id')}"),
                    (Run(str(a.get("platform", ""))),),
                    handle,
                    (
                        self.t(a.get("purpose")),
                        self.role(a.get("owner")),
                        self.t(a.get("response_time")),
                    ),
                    self.source("channels", "accounts", i),
                )
            )
        columns = (
            self.label("channels", "accounts"),
            *(self.label(*path, k) for k in ("purpose", "owner", "response_time")),
        )
        blocks: list[Block] = [Table("channels", columns, tuple(rows), "h-channels")]
        times = channels.get("response_times")
        if isinstance(times, Mapping):
            blocks.append(Heading(self.label("channels", "response_times")))
            for key in ("office_hours", "first_response", "evenings_weekends", "crisis"):
                if times.get(key):
                    blocks.append(
                        Text(self.t(times.get(key)), self.label("channels", "response_times", key))
                    )
        return blocks

    def distribution(self, meta: Mapping[str, Any]) -> Part:
        number = str(DISTRIBUTION_NUMBER)
        items = tuple(
            Item(
                f"distribution-{i}",
                f"{number}.{i}",
                self.t(d),
                (),
                self.source("meta", "distribution", i - 1),
            )
            for i, d in enumerate(meta.get("distribution") or [], start=1)
            if self.t(d)
        )
        blocks: tuple[Block, ...] = (Group(items, kind="distribution"),)
        return Part(
            "distribution",
            number,
            self.label("meta", "distribution"),
            blocks,
            self.source("meta", "distribution"),
        )
