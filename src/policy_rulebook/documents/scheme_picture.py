"""The reaction scheme as a PNG picture, for Word (which takes no inline SVG).

Drawn with Pillow from the same layout as the SVG (``documents.layout``): boxes, lines with
arrow heads, the yes/no labels beside each line, at twice the size for a sharp print.
Returns None when Pillow is not installed (the Word file then has the scheme in words only).
"""

from __future__ import annotations

import io
from typing import Any

from policy_rulebook.documents.layout import LINE_HEIGHT, Layout
from policy_rulebook.documents.layout_measure import polyline

FILL = {"question": ("#fff7d6", "#8a6d00"), "outcome": ("#e3f1e6", "#2e6b3a")}
SCALE = 2


def _font(size: int, bold: bool = False) -> Any:
    from PIL import ImageFont

    names = (
        ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf")
        if bold
        else ("DejaVuSans.ttf", "LiberationSans-Regular.ttf")
    )
    for name in names:
        for folder in (
            "",
            "/usr/share/fonts/truetype/dejavu/",
            "/usr/share/fonts/truetype/liberation/",
        ):
            try:
                return ImageFont.truetype(folder + name, size)
            except OSError:
                continue
    return ImageFont.load_default(size=size)


def scheme_png(drawing: Layout) -> bytes | None:
    try:
        from PIL import Image, ImageDraw
    except ImportError:
        return None
    s = SCALE
    image = Image.new("RGB", (int(drawing.width * s), int(drawing.height * s)), "white")
    draw = ImageDraw.Draw(image)
    text_font, label_font = _font(11 * s), _font(11 * s, bold=True)
    for edge in drawing.edges:
        points = [(x * s, y * s) for x, y in polyline(edge)]
        draw.line(points, fill="#444444", width=int(1.3 * s) + 1, joint="curve")
        (ax, ay), (bx, by) = points[-2], points[-1]
        length = max(((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5, 1e-6)
        ux, uy = (bx - ax) / length, (by - ay) / length
        size = 7 * s
        draw.polygon(
            [
                (bx, by),
                (bx - ux * size - uy * size / 2, by - uy * size + ux * size / 2),
                (bx - ux * size + uy * size / 2, by - uy * size - ux * size / 2),
            ],
            fill="#444444",
        )
        anchor = "rs" if edge.anchor == "end" else "ls"
        draw.text(
            (edge.label_x * s, edge.label_y * s),
            edge.label,
            fill="#1a1a1a",
            font=label_font,
            anchor=anchor,
            stroke_width=2,
            stroke_fill="white",
        )
    for box in drawing.boxes:
        fill, outline = FILL.get(box.kind, ("#eeeeee", "#666666"))
        radius = box.height / 2 if box.kind == "outcome" else 4
        draw.rounded_rectangle(
            [box.x * s, box.y * s, (box.x + box.width) * s, (box.y + box.height) * s],
            radius=radius * s,
            fill=fill,
            outline=outline,
            width=(3 if box.start else 1) * s,
        )
        top = box.y + (box.height - len(box.lines) * LINE_HEIGHT) / 2 + 11
        for index, line in enumerate(box.lines):
            draw.text(
                ((box.x + box.width / 2) * s, (top + index * LINE_HEIGHT) * s),
                line,
                fill="#1a1a1a",
                font=text_font,
                anchor="ms",
            )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
