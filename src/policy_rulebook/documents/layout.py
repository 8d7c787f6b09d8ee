"""The layout of the reaction scheme for the SVG drawing: grandalf's Sugiyama layout.

A layered drawing with crossing reduction (grandalf: layering, dummy points for long edges,
barycentre ordering sweeps, Brandes-Köpf coordinates) instead of a home-made one. On top of it
we only choose where an edge leaves and enters a box: the outgoing edges of a question leave
from its bottom in the left-to-right order of where they go, so that the yes and no lines never
cross right under the question, and the incoming edges of a box are spread over its top the
same way. Every edge leaves with a short straight drop that carries its label beside it
(outside the line, inside the width of the box), so that no label lies on a line.

The result is plain numbers and lines of text: the template writes the SVG, so every text is
escaped by the template engine. The measures of a drawn layout (its crossings, labels that
touch a line) are in ``documents.layout_measure``.
"""

from __future__ import annotations

import itertools
import random
import textwrap
from dataclasses import dataclass

from policy_rulebook.core.scheme import Scheme

BOX_WIDTH = 210
LINE_HEIGHT = 15
PADDING = 10
GAP_X = 36
GAP_Y = 64
MARGIN = 24
CHARS_PER_LINE = 28
SLOT_WIDTH = 12
#: The straight drop under a box that carries the edge's label (12 px text, 3 px air).
DROP = 22
#: Font size of all text in the drawing, in px of the drawing; the page never scales it down.
FONT_SIZE = 12
#: How many orders of the input grandalf gets (the first is the scheme's own order).
ATTEMPTS = 12
#: Above this many questions and outcomes the scheme is not drawn: the layered layout grows
#: faster than quadratically with the long edges of a big scheme (a checklist of 100
#: questions took 11 s, of 500 nineteen minutes and 300 MB); the steps in words stand alone,
#: with a note (issue 24).
MAX_DRAWN_NODES = 100
#: The attempts together handle at most this many boxes and bends of long edges (a bend is
#: one of grandalf's dummy vertices): a big scheme gets fewer attempts, a small one all 12.
WORK_BUDGET = 8_000

Point = tuple[float, float]


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
    #: The line as points; between two points with different x the path is a curve.
    points: tuple[Point, ...] = ()
    back: bool = False


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]


class _View:
    """What grandalf needs of a vertex: its size, and where it puts it (the centre)."""

    def __init__(self, width: float, height: float) -> None:
        self.w = width
        self.h = height
        self.xy: Point = (0.0, 0.0)


class _EdgeView:
    def __init__(self) -> None:
        self.points: list[Point] = []

    def setpath(self, points: list[Point]) -> None:
        self.points = [(float(x), float(y)) for x, y in points]


def _lines(scheme: Scheme, node_id: str, language: str | None) -> tuple[str, ...]:
    wrapped = textwrap.wrap(scheme.label(node_id, language), CHARS_PER_LINE, break_long_words=False)
    return tuple(wrapped) or (node_id,)


def drawable(scheme: Scheme) -> bool:
    """Whether the scheme is small enough to draw (``MAX_DRAWN_NODES``)."""
    return len(scheme.nodes) <= MAX_DRAWN_NODES


def layout(scheme: Scheme, language: str | None, answer_words: tuple[str, str]) -> Layout:
    """Boxes and routed edges for ``scheme``; long edges pass between boxes. Only for a
    scheme that is ``drawable``."""
    words = dict(zip(("yes", "no"), answer_words, strict=True))
    order = list(scheme.nodes)
    lines = {n: _lines(scheme, n, language) for n in order}
    # One grandalf edge per source and target; both answers to one target share a line.
    labels: dict[tuple[str, str], list[str]] = {}
    for node_id in order:
        for answer, target in scheme.edges(node_id):
            if target in scheme.nodes:
                labels.setdefault((node_id, target), []).append(words[answer])
    heights = {n: float(len(lines[n]) * LINE_HEIGHT + 2 * PADDING) for n in order}
    # grandalf's ordering is a heuristic whose result depends on the order of its input: try
    # the scheme's own order and a few shuffles (seeded: the drawing is reproducible), keep
    # the first drawing with the fewest crossings.
    rng = random.Random(0)
    best: _Placed | None = None
    spent = 0
    for attempt in range(ATTEMPTS):
        nodes, keys = list(order), list(labels)
        if attempt:
            rng.shuffle(nodes)
            rng.shuffle(keys)
        placed = _place(scheme, nodes, keys, heights)
        if best is None or placed.crossings < best.crossings:
            best = placed
        if best.crossings == 0:
            break
        work = len(nodes) + sum(max(len(line) - 2, 0) for line in placed.points.values())
        spent += work
        if spent + work > WORK_BUDGET:
            break  # another attempt would cost as much again
    assert best is not None
    centre, points, back, width, height = (
        best.centre,
        best.points,
        best.back,
        best.width,
        best.height,
    )
    boxes = {}
    for node_id in order:
        x, y = centre[node_id]
        boxes[node_id] = Box(
            node_id,
            scheme.nodes[node_id].kind,
            x - BOX_WIDTH / 2,
            y - heights[node_id] / 2,
            BOX_WIDTH,
            heights[node_id],
            lines[node_id],
            node_id == scheme.start,
        )
    routed = _route(boxes, labels, points, back)
    for edge in routed:
        width = max(width, max(x for x, _ in edge.points) + MARGIN + GAP_X)
    return Layout(
        round(width, 1), round(height + 2 * MARGIN, 1), tuple(boxes.values()), tuple(routed)
    )


@dataclass
class _Placed:
    centre: dict[str, Point]
    points: dict[tuple[str, str], list[Point]]
    back: set[tuple[str, str]]
    width: float
    height: float
    crossings: int


def _place(
    scheme: Scheme, nodes: list[str], keys: list[tuple[str, str]], heights: dict[str, float]
) -> _Placed:
    """grandalf's Sugiyama layout of each connected part, the parts side by side."""
    from policy_rulebook.core.i18n import _
    from policy_rulebook.documents.extras import require

    require("documents", _("drawing the reaction scheme"))
    from grandalf.graphs import Edge as GEdge
    from grandalf.graphs import Vertex, graph_core
    from grandalf.layouts import SugiyamaLayout

    vertices = {}
    for node_id in nodes:
        vertex = Vertex(node_id)
        vertex.view = _View(BOX_WIDTH, heights[node_id])
        vertices[node_id] = vertex
    edges = {}
    for source, target in keys:
        if source != target:  # a self-loop is drawn by hand
            edge = GEdge(vertices[source], vertices[target])
            edge.view = _EdgeView()
            edges[(source, target)] = edge
    offset_x = float(MARGIN)
    height = 0.0
    centre: dict[str, Point] = {}
    back: set[tuple[str, str]] = set()
    # The connected parts in our own order: grandalf's Graph finds them through a set of
    # objects, whose order (and so the drawing) would change from run to run.
    for part in _parts(list(scheme.nodes), list(edges)):
        members = set(part)
        component = graph_core(
            [vertices[n] for n in nodes if n in members],
            [e for k, e in edges.items() if k[0] in members],
        )
        sugiyama = SugiyamaLayout(component)
        sugiyama.xspace, sugiyama.yspace = GAP_X, GAP_Y
        sugiyama.dw, sugiyama.dh = SLOT_WIDTH, 1
        start = scheme.start
        roots = [vertices[start]] if start is not None and start in members else None
        sugiyama.init_all(roots=roots)
        sugiyama.draw(8)
        back |= {(e.v[0].data, e.v[1].data) for e in sugiyama.alt_e}
        dummies = [p for e in component.sE for p in e.view.points[1:-1]]
        left = min(
            [v.view.xy[0] - v.view.w / 2 for v in component.sV]
            + [x - SLOT_WIDTH for x, _ in dummies]
        )
        right = max(
            [v.view.xy[0] + v.view.w / 2 for v in component.sV]
            + [x + SLOT_WIDTH for x, _ in dummies]
        )
        shift = offset_x - left
        for vertex in component.sV:
            centre[vertex.data] = (vertex.view.xy[0] + shift, vertex.view.xy[1] + MARGIN)
        for edge in component.sE:
            edge.view.points = [(x + shift, y + MARGIN) for x, y in edge.view.points]
        offset_x += right - left + 2 * GAP_X
        height = max(height, max(v.view.xy[1] + v.view.h / 2 for v in component.sV))
    points = {key: edge.view.points for key, edge in edges.items()}
    forward = [p for key, p in points.items() if key not in back]
    return _Placed(
        centre, points, back, offset_x - 2 * GAP_X + MARGIN, height, _layer_crossings(forward)
    )


def _parts(order: list[str], links: list[tuple[str, str]]) -> list[list[str]]:
    """The connected parts of the scheme, each in the scheme's order, by first node."""
    part_of = {n: [n] for n in order}
    for a, b in links:
        first, second = part_of[a], part_of[b]
        if first is not second:
            first.extend(second)
            for node_id in second:
                part_of[node_id] = first
    seen: list[list[str]] = []
    for node_id in order:
        if not any(part_of[node_id] is p for p in seen):
            seen.append(part_of[node_id])
    position = {n: i for i, n in enumerate(order)}
    return [sorted(p, key=position.__getitem__) for p in seen]


def _layer_crossings(lines: list[list[Point]]) -> int:
    """Crossings between layers, from the centres and dummy points (the quick count used to
    choose among attempts; ``crossings`` counts the drawn curves)."""
    gaps: dict[int, list[tuple[float, float]]] = {}
    for line in lines:
        for (ax, ay), (bx, _) in itertools.pairwise(line):
            gaps.setdefault(round(ay), []).append((ax, bx))
    count = 0
    for pieces in gaps.values():
        for (a1, a2), (b1, b2) in itertools.combinations(pieces, 2):
            if (a1 - b1) * (a2 - b2) < 0:
                count += 1
    return count


def _route(
    boxes: dict[str, Box],
    labels: dict[tuple[str, str], list[str]],
    points: dict[tuple[str, str], list[Point]],
    back: set[tuple[str, str]],
) -> list[Edge]:
    """Ports, drops and curves for every edge, from grandalf's points (centre, dummies, centre)."""
    inner = {key: line[1:-1] for key, line in points.items()}
    edges = set(points)
    # Where each forward edge heads first (out of the source) and last (into the target).
    heading_out = {
        k: (inner[k][0][0] if inner[k] else boxes[k[1]].x + boxes[k[1]].width / 2)
        for k in labels
        if k in edges and k not in back
    }
    heading_in = {
        k: (inner[k][-1][0] if inner[k] else boxes[k[0]].x + boxes[k[0]].width / 2)
        for k in labels
        if k in edges and k not in back
    }
    layer_half: dict[int, float] = {}
    for box in boxes.values():
        middle = round(box.y + box.height / 2)
        layer_half[middle] = max(layer_half.get(middle, 0.0), box.height / 2)
    out_port = _ports(boxes, heading_out, 0)
    in_port = _ports(boxes, heading_in, 1)
    routed = []
    for (source, target), words in labels.items():
        label = " / ".join(words)
        a, b = boxes[source], boxes[target]
        if (source, target) not in heading_out:  # a loop or an edge back up: round the right
            routed.append(_back_edge(a, b, label, inner.get((source, target), [])))
            continue
        x1, y1 = out_port[(source, target)], a.y + a.height
        x2, y2 = in_port[(source, target)], b.y
        line = [(x1, y1), (x1, y1 + DROP)]
        for x, y in inner[(source, target)]:  # straight down past the boxes of each layer
            half = layer_half.get(round(y), 0.0)
            line += [(x, y - half), (x, y + half)] if half else [(x, y)]
        line.append((x2, y2))
        centre = a.x + a.width / 2
        if x1 < centre - 1:
            lx, anchor = x1 - 5, "end"
        else:
            lx, anchor = x1 + 5, "start"
        routed.append(
            Edge(source, target, label, _path(line), lx, y1 + DROP / 2 + 4, anchor, tuple(line))
        )
    return routed


def _ports(
    boxes: dict[str, Box], heading: dict[tuple[str, str], float], side: int
) -> dict[tuple[str, str], float]:
    """The x where each edge meets the box at ``side`` (0: source bottom, 1: target top),
    spread over the middle of the box in the order of where the edges come from or go."""
    ports: dict[tuple[str, str], float] = {}
    by_box: dict[str, list[tuple[str, str]]] = {}
    for key in heading:
        by_box.setdefault(key[side], []).append(key)
    for box_id, keys in by_box.items():
        box = boxes[box_id]
        keys.sort(key=lambda k: (heading[k], k))
        step = box.width / (len(keys) + 1) if len(keys) > 2 else box.width / 4
        for index, key in enumerate(keys):
            if len(keys) == 1:
                ports[key] = box.x + box.width / 2
            elif len(keys) == 2:
                ports[key] = box.x + box.width / 2 + (index * 2 - 1) * step
            else:
                ports[key] = box.x + step * (index + 1)
    return ports


def _back_edge(a: Box, b: Box, label: str, inner: list[Point]) -> Edge:
    """An edge to a box above it or to itself (a cycle, which lint reports): out of the right
    side of the source, up on the right of both boxes, into the right side of the target."""
    right = max(a.x + a.width, b.x + b.width, *(x for x, _ in inner)) + GAP_X / 2
    y1, y2 = a.y + a.height / 2, b.y + b.height / 2 - (6 if a is b else 0)
    if a is b:
        y1 += 6
    points = ((a.x + a.width, y1), (right, y1), (right, y2), (b.x + b.width, y2))
    path = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return Edge(a.id, b.id, label, path, right + 4, (y1 + y2) / 2 + 4, "start", points, True)


def _path(points: list[Point]) -> str:
    """Straight where the line goes down, a curve with vertical ends where it moves sideways."""
    parts = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        if abs(ax - bx) < 0.05:
            parts.append(f"L{bx:.1f},{by:.1f}")
        else:
            middle = (ay + by) / 2
            parts.append(f"C{ax:.1f},{middle:.1f} {bx:.1f},{middle:.1f} {bx:.1f},{by:.1f}")
    return " ".join(parts)
