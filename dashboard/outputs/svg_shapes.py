"""Marker symbols, layout shapes and axis ranges for outputs/svg_chart.py, as plotly.js draws them.

Symbol outlines are plotly.js 4.1.1's (drawing/symbol_defs), for a marker of radius size / 2.
"""

from __future__ import annotations

import math
import re

from markupsafe import Markup

from ..figures.date_ticks import date_ms
from .svg_markup import element, number, percent

ROOT3 = math.sqrt(3)
PATH_TOKEN = re.compile(r"[MLZ]|[^\s,MLZ]+")
BUBBLE_OPACITY = 0.7  # plotly's default for markers sized one by one ("bubbles")
AXIS_PAD = 0.05  # plotly's autorange pads a bar axis by this share of its span


STAR = ((0.225, -0.309), (0.951, -0.309), (0.363, 0.118), (0.588, 0.809), (0, 0.382))
PENTAGON = ((0.951, -0.309), (0.588, 0.809), (-0.588, 0.809), (-0.951, -0.309), (0, -1))


def _corners(name: str, r: float) -> list[tuple[float, float]] | None:
    """The corners of a polygon symbol of radius r (None: a circle)."""
    a, h = r * 2 / ROOT3, r * ROOT3 / 2
    cross = [(1.2, 0.4), (0.4, 0.4), (0.4, 1.2)]
    shapes = {
        "square": [(r, r), (-r, r), (-r, -r), (r, -r)],
        "diamond": [(1.3 * r, 0), (0, 1.3 * r), (-1.3 * r, 0), (0, -1.3 * r)],
        "triangle-up": [(-a, r / 2), (a, r / 2), (0, -r)],
        "pentagon": [(x * r, y * r) for x, y in PENTAGON],
        "hexagon": [(h, -r / 2), (h, r / 2), (0, r), (-h, r / 2), (-h, -r / 2), (0, -r)],
        "star": [(x * 1.4 * r, y * 1.4 * r) for x, y in [*STAR, *((-x, y) for x, y in reversed(STAR[:4]))]]
        + [(0, -1.4 * r)],
        "cross": [(sx * x * r, sy * y * r) for sx, sy in ((1, 1), (-1, 1), (-1, -1), (1, -1)) for x, y in
                  (cross if sx * sy > 0 else cross[::-1])],
    }  # fmt: skip
    return shapes.get(name)


def _symbol(name: str, r: float) -> str:
    """plotly's outline of a symbol of radius r, centred on 0,0."""
    corners = _corners(name, r)
    if corners is None:
        n = number(r)
        return f"M{n},0A{n},{n} 0 1,1 0,-{n}A{n},{n} 0 0,1 {n},0Z"
    return "M" + "L".join(f"{number(x)},{number(y)}" for x, y in corners) + "Z"


def _at(value: object, index: int) -> object:
    return value[index] if isinstance(value, list) else value


def marker(trace: dict, index: int, x: str, y: float, symbols: dict[str, str], ids: str) -> Markup:
    """One scatter marker: a <use> of its symbol's outline (kept once in `symbols`, outline → id)."""
    style = trace.get("marker", {})
    line = style.get("line", {})
    outline = _symbol(
        str(_at(style.get("symbol", "circle"), index)), float(_at(style.get("size", 6), index)) / 2
    )
    ident = symbols.setdefault(outline, f"mark-{len(symbols)}")
    paint = {
        "fill": _at(style.get("color", "#1f77b4"), index),
        "fill-opacity": _at(
            style.get("opacity", BUBBLE_OPACITY if isinstance(style.get("size"), list) else None), index
        ),
        "stroke": _at(line.get("color"), index),
        "stroke-width": _at(line.get("width"), index),
    }
    return element("use", {"href": f"#{ids}{ident}", "x": x, "y": y, **paint})


def axis_range(axis: dict, data: list[dict], letter: str) -> tuple[float, float]:
    """The axis's range, or plotly's autorange of the data (bars from zero, padded)."""
    if axis.get("range"):
        low, high = axis["range"]
        return (date_ms(low), date_ms(high)) if letter == "x" else (float(low), float(high))
    values = [0.0]
    for trace in data:
        tops = trace.get(letter) or []
        under = trace.get("_stack") or [0.0] * len(tops)
        values += [date_ms(v) + u for v, u in zip(tops, under, strict=False) if v is not None]
    low, high = min(values), max(values)
    return low, high + ((high - low) * AXIS_PAD or 1.0)


def _ref(value: object, ref: str, plot, letter: str) -> float:
    paper = ref == "paper" or ref.endswith(" domain")
    return (
        plot.x(value, "paper" if paper else "x")
        if letter == "x"
        else plot.y(value, "paper" if paper else "y")
    )


def shape(spec: dict, plot) -> Markup:
    """A layout shape (rect, line or path) in its own coordinates: data, or paper (0–1); across a
    rect's height, px from an anchor when its `ysizemode` is 'pixel'."""
    x_ref, y_ref = spec.get("xref", "x"), spec.get("yref", "y")
    line = spec.get("line", {})
    paint = {
        "fill": spec.get("fillcolor", "none") if spec.get("type") != "line" else None,
        "opacity": spec.get("opacity"),
        "stroke": line.get("color", "#444") if line.get("width", 2) else "none",
        "stroke-width": line.get("width", 2),
        "vector-effect": "non-scaling-stroke",
        "class": spec.get("name") or "shape",
    }
    if spec.get("type") == "path":
        points, parts = [], []
        tokens = PATH_TOKEN.findall(spec.get("path", ""))
        for token in tokens:
            if token in "MLZ":
                parts.append(token)
            else:
                points.append(token)
                if len(points) == 2:
                    x, y = _ref(points[0], x_ref, plot, "x"), _ref(points[1], y_ref, plot, "y")
                    parts.append(f"{number(x)},{number(y)}")
                    points = []
        box = {"width": "100%", "height": "100%", "viewBox": f"0 0 100 {number(plot.figure_height)}"}
        return element(
            "svg",
            {**box, "preserveAspectRatio": "none", "overflow": "visible"},
            [element("path", {"d": " ".join(parts), **paint})],
        )
    x0, x1 = _ref(spec["x0"], x_ref, plot, "x"), _ref(spec["x1"], x_ref, plot, "x")
    if spec.get("ysizemode") == "pixel":  # y0 and y1 are px up from yanchor (an era's lane band, its head)
        anchor = _ref(spec["yanchor"], y_ref, plot, "y")
        y0, y1 = anchor - float(spec["y0"]), anchor - float(spec["y1"])
    else:
        y0, y1 = _ref(spec["y0"], y_ref, plot, "y"), _ref(spec["y1"], y_ref, plot, "y")
    if spec.get("type") == "line":
        ends = {"x1": percent(x0), "x2": percent(x1), "y1": y0, "y2": y1}
        return element("line", {**ends, **paint})
    (x0, x1), (top, bottom) = sorted((x0, x1)), sorted((y0, y1))
    box = {"x": percent(x0), "width": percent(x1 - x0), "y": top, "height": bottom - top}
    return element("rect", {**box, **paint})
