"""A drawn layout (``documents.layout``) as geometry, and the measures taken of it.

``polyline`` turns an edge into short straight pieces (each curve of the SVG path sampled):
the PNG picture (``documents.scheme_picture``) draws those, and the measures use them. The
measures are for the tests: how many times edges cross (``crossings``) and which labels touch
a line or a box (``label_overlaps``). Kept apart from the layout: rendering needs the layout,
only the tests need the measures.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from policy_rulebook.documents.layout import FONT_SIZE, Edge, Layout, Point


def polyline(edge: Edge, steps: int = 24) -> list[Point]:
    """The edge as short straight pieces: each curve of ``_path`` sampled ``steps`` times."""
    if edge.back:
        return list(edge.points)
    out = [edge.points[0]]
    for (ax, ay), (bx, by) in itertools.pairwise(edge.points):
        if abs(ax - bx) < 0.05:
            out.append((bx, by))
            continue
        middle = (ay + by) / 2
        for i in range(1, steps + 1):
            t = i / steps
            u = 1 - t
            x = u**3 * ax + 3 * u * u * t * ax + 3 * u * t * t * bx + t**3 * bx
            y = u**3 * ay + 3 * u * u * t * middle + 3 * u * t * t * middle + t**3 * by
            out.append((x, y))
    return out


def _segments(points: list[Point]) -> Iterator[tuple[Point, Point]]:
    return itertools.pairwise(points)


def _cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    """Whether segments pq and rs properly cross (touching ends do not count)."""

    def orient(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = orient(r, s, p), orient(r, s, q)
    d3, d4 = orient(p, q, r), orient(p, q, s)
    return ((d1 > 1e-9 and d2 < -1e-9) or (d1 < -1e-9 and d2 > 1e-9)) and (
        (d3 > 1e-9 and d4 < -1e-9) or (d3 < -1e-9 and d4 > 1e-9)
    )


def crossings(result: Layout) -> int:
    """How many times two edges of the drawing cross."""
    lines = [polyline(e) for e in result.edges]
    count = 0
    for first, second in itertools.combinations(lines, 2):
        count += sum(
            1 for p, q in _segments(first) for r, s in _segments(second) if _cross(p, q, r, s)
        )
    return count


def label_box(edge: Edge) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) of an edge's label: bold 12 px text is at most
    about 0.62 em per character."""
    width = len(edge.label) * FONT_SIZE * 0.62
    left = edge.label_x - width if edge.anchor == "end" else edge.label_x
    return (left, edge.label_y - FONT_SIZE * 0.8, left + width, edge.label_y + FONT_SIZE * 0.25)


def label_overlaps(result: Layout) -> list[tuple[str, str]]:
    """The edges (source, target) whose label touches a line or a box."""
    found = []
    for edge in result.edges:
        left, top, right, bottom = label_box(edge)
        hit = any(
            _segment_in_box(p, q, (left, top, right, bottom))
            for other in result.edges
            for p, q in _segments(polyline(other))
        )
        hit = hit or any(
            b.x < right and left < b.x + b.width and b.y < bottom and top < b.y + b.height
            for b in result.boxes
        )
        if hit:
            found.append((edge.source, edge.target))
    return found


def _segment_in_box(p: Point, q: Point, box: tuple[float, float, float, float]) -> bool:
    left, top, right, bottom = box
    for i in range(9):  # the segments are short (sampled curves): points along them suffice
        t = i / 8
        x, y = p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t
        if left <= x <= right and top <= y <= bottom:
            return True
    return False
