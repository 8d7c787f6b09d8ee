"""A simple layered layout of the reaction scheme, for the SVG drawing in ``render``.

Each node goes on the layer of its longest path from the start (questions that come later sit
lower); nodes within a layer are ordered by the mean position of their parents, which keeps
most edges short and uncrossed for a tree-like scheme. The result is plain numbers and lines of
text: the template writes the SVG, so every text is escaped by the template engine.
"""

from __future__ import annotations

import itertools
import textwrap
from dataclasses import dataclass

from policy_rulebook.core.scheme import Scheme

BOX_WIDTH = 210
LINE_HEIGHT = 15
PADDING = 10
GAP_X = 30
GAP_Y = 56
CHARS_PER_LINE = 28
SLOT_WIDTH = 8


@dataclass(frozen=True)
class Box:
    id: str
    kind: str
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    start: bool


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    path: str
    label_x: float
    label_y: float
    anchor: str = "start"


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]


def layers(scheme: Scheme) -> dict[str, int]:
    """The layer of each node: its longest distance from the start, ignoring back edges.
    Nodes not reachable from the start go below the rest."""
    order = list(scheme.nodes)
    depth: dict[str, int] = {}
    if scheme.start_known and scheme.start is not None:
        # Longest path on the DAG left when edges back to an ancestor are dropped.
        back: set[tuple[str, str]] = set()
        on_path: set[str] = {scheme.start}
        seen: set[str] = {scheme.start}
        work = [(scheme.start, iter(scheme.successors(scheme.start)))]
        while work:  # depth-first, without recursion: a scheme may be long
            node_id, children = work[-1]
            target = next(children, None)
            if target is None:
                on_path.discard(node_id)
                work.pop()
            elif target in on_path:
                back.add((node_id, target))
            elif target not in seen:
                seen.add(target)
                on_path.add(target)
                work.append((target, iter(scheme.successors(target))))
        forward = {n: [t for t in scheme.successors(n) if (n, t) not in back] for n in seen}
        waiting = {n: 0 for n in seen}
        for targets in forward.values():
            for target in targets:
                waiting[target] += 1
        depth[scheme.start] = 0
        ready = [n for n in seen if waiting[n] == 0]
        while ready:  # in topological order, so each node's depth is final when it is taken
            node_id = ready.pop()
            for target in forward[node_id]:
                depth[target] = max(depth.get(target, 0), depth.get(node_id, 0) + 1)
                waiting[target] -= 1
                if waiting[target] == 0:
                    ready.append(target)
    bottom = max(depth.values(), default=-1) + 1
    for node_id in order:
        depth.setdefault(node_id, bottom)
    return depth


def layout(scheme: Scheme, language: str | None, answer_words: tuple[str, str]) -> Layout:
    """Boxes on layers; an edge that skips layers passes through a narrow slot on each layer
    in between (so it goes around the boxes, not through them)."""
    depth = layers(scheme)
    order = list(scheme.nodes)
    words = dict(zip(("yes", "no"), answer_words, strict=True))
    rows: dict[int, list[str]] = {}
    for node_id in order:
        rows.setdefault(depth[node_id], []).append(node_id)
    # Long edges get a waypoint ("slot") on every layer they cross.
    parents: dict[str, list[str]] = {n: [] for n in order}
    routes: list[tuple[str, str, str, list[str]]] = []
    budget = 8 * len(order) + 100  # slots in all; beyond that long edges are drawn straight
    for node_id in order:
        for answer, target in scheme.edges(node_id):
            slots: list[str] = []
            previous = node_id
            span = range(depth[node_id] + 1, depth[target])
            budget -= len(span)
            for level in span if budget >= 0 else ():
                slot = f"{node_id}/{answer}/{level}"
                rows[level].append(slot)
                parents[slot] = [previous]
                slots.append(slot)
                previous = slot
            parents.setdefault(target, []).append(previous)
            routes.append((node_id, answer, target, slots))
    position: dict[str, float] = {}
    for _ in range(3):  # a few downward sweeps of the barycentre heuristic
        for level in sorted(rows):
            known = dict(position)
            weights = {}
            for item in rows[level]:
                placed = [position[p] for p in parents.get(item, []) if p in position]
                weights[item] = (sum(placed) / len(placed) if placed
                                 else known.get(item, float(len(position))))
            rows[level].sort(key=weights.__getitem__)
            for index, item in enumerate(rows[level]):
                position[item] = float(index)
    lines = {n: tuple(textwrap.wrap(scheme.label(n, language), CHARS_PER_LINE,
                                   break_long_words=False) or [n])
             for n in order}

    def size(item: str) -> float:
        return BOX_WIDTH if item in scheme.nodes else SLOT_WIDTH

    width = max(sum(size(i) for i in row) + (len(row) + 1) * GAP_X for row in rows.values())
    boxes: dict[str, Box] = {}
    slot_at: dict[str, tuple[float, float, float]] = {}
    y = float(GAP_X)
    for level in sorted(rows):
        row = rows[level]
        real = [n for n in row if n in scheme.nodes]
        height = max((len(lines[n]) for n in real), default=1) * LINE_HEIGHT + 2 * PADDING
        x = (width - sum(size(i) for i in row) - (len(row) - 1) * GAP_X) / 2
        for item in row:
            if item in scheme.nodes:
                node = scheme.nodes[item]
                boxes[item] = Box(item, node.kind, x, y, BOX_WIDTH, float(height),
                                  lines[item], item == scheme.start)
            else:
                slot_at[item] = (x + SLOT_WIDTH / 2, y, y + height)
            x += size(item) + GAP_X
        y += height + GAP_Y
    edges = []
    for node_id, answer, target, slots in routes:
        outgoing = scheme.edges(node_id)
        index = [a for a, _ in outgoing].index(answer)
        edges.append(_edge(boxes[node_id], boxes[target], [slot_at[s] for s in slots],
                           words[answer], index, len(outgoing)))
    return Layout(width, y - GAP_Y + GAP_X, tuple(boxes[n] for n in order), tuple(edges))


def _edge(source: Box, target: Box, slots: list[tuple[float, float, float]], label: str,
          index: int, count: int) -> Edge:
    # Leave from the bottom of the source (yes on the left, no on the right), pass each slot
    # straight down, arrive at the top of the target.
    offset = (index - (count - 1) / 2) * source.width / 3
    x1, y1 = source.x + source.width / 2 + offset, source.y + source.height
    x2, y2 = target.x + target.width / 2, target.y
    if y2 <= y1:  # a back edge (a cycle): go round the right side
        right = max(source.x + source.width, target.x + target.width) + GAP_X / 2
        path = (f"M{x1:.1f},{y1:.1f} C{x1:.1f},{y1 + GAP_Y:.1f} {right:.1f},{y1 + GAP_Y:.1f} "
                f"{right:.1f},{(y1 + y2) / 2:.1f} S{x2:.1f},{y2 - GAP_Y:.1f} {x2:.1f},{y2:.1f}")
        return _labelled(source, target, label, path, x1, y1, index)
    points = [(x1, y1)]
    for x, top, bottom in slots:
        points += [(x, top), (x, bottom)]
    points.append((x2, y2))
    parts = [f"M{x1:.1f},{y1:.1f}"]
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        if ax == bx:
            parts.append(f"L{bx:.1f},{by:.1f}")
        else:
            middle = (ay + by) / 2
            parts.append(f"C{ax:.1f},{middle:.1f} {bx:.1f},{middle:.1f} {bx:.1f},{by:.1f}")
    return _labelled(source, target, label, " ".join(parts), x1, y1, index)


def _labelled(source: Box, target: Box, label: str, path: str, x: float, y: float,
              index: int) -> Edge:
    # The first answer (yes) is labelled on the left of its line, the second on the right.
    if index == 0:
        return Edge(source.id, target.id, label, path, x - 5, y + 14, "end")
    return Edge(source.id, target.id, label, path, x + 5, y + 14, "start")
