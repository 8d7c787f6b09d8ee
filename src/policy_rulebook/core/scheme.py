"""The reaction scheme as a graph: questions with yes/no branches that end in outcomes.

Built once from a ``Document`` (``build``) and used by the graph checks (RB7xx) and by the
``graph``, ``react`` and ``render`` commands. The graph is tolerant: a branch that names an
unknown node is left out (RB202 reports it), a duplicated id keeps its first node (RB201), a
node that is neither a question nor an outcome is kept as ``kind == "other"`` (the schema
reports it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from policy_rulebook.core.document import Document, text_or_primary

Kind = Literal["question", "outcome", "other"]
ANSWERS: tuple[str, str] = ("yes", "no")


@dataclass(frozen=True)
class Node:
    """One step: a question (with ``yes``/``no`` targets) or an outcome."""

    id: str
    ptr: str
    kind: Kind
    data: dict[str, Any]
    yes: str | None = None
    no: str | None = None

    def branch(self, answer: str) -> str | None:
        return self.yes if answer == "yes" else self.no if answer == "no" else None


@dataclass(frozen=True)
class Scenario:
    id: str
    ptr: str
    node: str | None
    data: dict[str, Any]


@dataclass
class Scheme:
    """The nodes in file order, the start, the scenarios and the edges between known nodes."""

    start: str | None
    nodes: dict[str, Node] = field(default_factory=dict)
    scenarios: list[Scenario] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    _predecessors: tuple[tuple[int, int], dict[str, list[str]]] | None = field(
        default=None, repr=False, compare=False
    )

    @property
    def start_known(self) -> bool:
        return self.start is not None and self.start in self.nodes

    def edges(self, node_id: str) -> list[tuple[str, str]]:
        """The (answer, target) pairs of a node whose target is a known node."""
        node = self.nodes.get(node_id)
        if node is None or node.kind != "question":
            return []
        pairs = [(answer, node.branch(answer)) for answer in ANSWERS]
        return [(a, t) for a, t in pairs if t is not None and t in self.nodes]

    def successors(self, node_id: str) -> list[str]:
        seen: list[str] = []
        for _, target in self.edges(node_id):
            if target not in seen:
                seen.append(target)
        return seen

    def predecessors(self, node_id: str) -> list[str]:
        """The nodes with a branch to ``node_id``, in file order (computed once)."""
        key = (id(self.nodes), len(self.nodes))
        if self._predecessors is None or self._predecessors[0] != key:
            found: dict[str, list[str]] = {n: [] for n in self.nodes}
            for source in self.nodes:
                for target in self.successors(source):
                    found[target].append(source)
            self._predecessors = (key, found)
        return list(self._predecessors[1].get(node_id, []))

    def reachable(self, origin: str | None = None) -> set[str]:
        """The nodes reachable from ``origin`` (default: the start), itself included."""
        origin = self.start if origin is None else origin
        if origin is None or origin not in self.nodes:
            return set()
        seen = {origin}
        todo = [origin]
        while todo:
            for target in self.successors(todo.pop()):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    def can_end(self) -> set[str]:
        """Nodes from which some path ends: at an outcome, or at a node that is not a question
        or a question with a branch to an unknown node (those are reported elsewhere)."""
        ending = {
            n for n, node in self.nodes.items() if node.kind != "question" or len(self.edges(n)) < 2
        }
        todo = list(ending)
        while todo:
            for source in self.predecessors(todo.pop()):
                if source not in ending:
                    ending.add(source)
                    todo.append(source)
        return ending

    def cycles(self) -> list[list[str]]:
        """One cycle per group of nodes that lead to each other, as ``[a, b, a]``, in file
        order of the group's first node."""
        order = list(self.nodes)
        position = {node_id: index for index, node_id in enumerate(order)}  # not order.index
        found: list[list[str]] = []
        for component in _strong_components(order, self.successors):
            if len(component) == 1 and component[0] not in self.successors(component[0]):
                continue
            members = set(component)
            first = min(component, key=position.__getitem__)
            found.append(_cycle_from(first, members, self.successors))
        found.sort(key=lambda cycle: position[cycle[0]])
        return found

    def paths(self) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
        """Every path from the start as (answers, nodes visited); stops at a repeat."""
        if not self.start_known or self.start is None:
            return

        def walk(
            node_id: str, answers: tuple[str, ...], visited: tuple[str, ...]
        ) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
            visited = (*visited, node_id)
            edges = self.edges(node_id)
            if not edges:
                yield answers, visited
                return
            for answer, target in edges:
                if target in visited:
                    yield (*answers, answer), (*visited, target)
                else:
                    yield from walk(target, (*answers, answer), visited)

        yield from walk(self.start, (), ())

    def text(self, value: Any, language: str | None) -> str:
        """A localized value in ``language``, falling back to the primary language."""
        primary = self.languages[0] if self.languages else None
        found = text_or_primary(value, language, primary)
        if found is None and isinstance(value, dict):
            found = next((str(v) for v in value.values() if isinstance(v, str)), None)
        return found or ""

    def label(self, node_id: str, language: str | None) -> str:
        node = self.nodes.get(node_id)
        if node is None:
            return node_id
        key = "question" if node.kind == "question" else "outcome"
        return self.text(node.data.get(key), language) or node_id

    def scenarios_for(self, node_ids: Sequence[str]) -> list[Scenario]:
        """The scenarios of these nodes, in the order of the nodes (then of the file)."""
        wanted: dict[str, int] = {}
        for node_id in node_ids:
            wanted.setdefault(node_id, len(wanted))
        return sorted(
            (s for s in self.scenarios if s.node in wanted),
            key=lambda s: wanted.get(s.node or "", 0),
        )


def build(document: Document) -> Scheme | None:
    """The scheme of a document, or None when it has no ``reactions`` mapping."""
    reactions = document.get("reactions")
    if not isinstance(reactions, dict):
        return None
    start = reactions.get("start")
    scheme = Scheme(start=start if isinstance(start, str) else None, languages=document.languages)
    for ptr, _, item in document.iter_list(("reactions", "nodes")):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        node_id = str(item["id"])
        if node_id in scheme.nodes:
            continue
        kind: Kind = (
            "question" if "question" in item else "outcome" if "outcome" in item else "other"
        )
        yes, no = item.get("yes"), item.get("no")
        scheme.nodes[node_id] = Node(
            node_id,
            ptr,
            kind,
            item,
            yes if isinstance(yes, str) else None,
            no if isinstance(no, str) else None,
        )
    for ptr, _, item in document.iter_list(("reactions", "scenarios")):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            target = item.get("node")
            scheme.scenarios.append(
                Scenario(str(item["id"]), ptr, target if isinstance(target, str) else None, item)
            )
    return scheme


def format_cycle(cycle: list[str]) -> str:
    return " -> ".join(cycle)


def _strong_components(order: list[str], successors: Any) -> list[list[str]]:
    """Tarjan's algorithm, iterative (a scheme may be long)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for root in order:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(successors(root)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors(child))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components


def _cycle_from(first: str, members: set[str], successors: Any) -> list[str]:
    """The shortest way from ``first`` back to itself inside one strong component."""
    previous: dict[str, str] = {}
    queue = [first]
    while queue:
        current = queue.pop(0)
        for target in successors(current):
            if target not in members or (target == current == first and len(members) > 1):
                continue  # prefer the circle through the others to a question's own loop
            if target == first:
                path = [current]
                while path[-1] != first:
                    path.append(previous[path[-1]])
                return [*reversed(path), first]
            if target not in previous:
                previous[target] = current
                queue.append(target)
    return [first, first]
