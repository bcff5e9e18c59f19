"""A plotly figure (a dict, as the figures package builds it) drawn as SVG on the server, so a page
shows its chart at first paint, before any script: bars, scatter markers, lines and text, layout
shapes (rect, line, path), annotations with their arrows, and the date ticks plotly would choose.

Generic on purpose: it draws what the figure holds, not what a timeline is, so a new trace or shape
in a figure is drawn too. Across, everything stands at a percentage of the plot's width and text
keeps its size, so the drawing fits any frame at least as wide as the one it was laid out for
(figures/still_labels.py): marks move apart, labels never closer. Down, it is in px as plotly's.
"""

from __future__ import annotations

from markupsafe import Markup

from ..figures.date_ticks import date_ms, date_ticks
from ..figures.still_labels import plot_box
from .svg_markup import element, percent
from .svg_notes import annotation, text_element
from .svg_shapes import axis_range, marker, shape

TICK_BASELINE = 15 / 14  # tick labels' baseline under the plot, per px of their font (measured)


class Plot:
    """Where values land: across, in % of the plot's width; down, in px from the figure's top."""

    def __init__(self, layout: dict, data: list[dict]):
        box = plot_box(layout, 0)
        self.top, self.height, self.figure_height = box["top"], box["height"], layout["height"]
        self.x_low, self.x_high = (date_ms(v) for v in axis_range(layout.get("xaxis", {}), data, "x"))
        self.y_low, self.y_high = axis_range(layout.get("yaxis", {}), data, "y")

    def x(self, value: object, ref: str = "x") -> float:
        if ref == "paper":
            return float(value) * 100
        return (date_ms(value) - self.x_low) / (self.x_high - self.x_low) * 100

    def y(self, value: object, ref: str = "y") -> float:
        share = float(value) if ref == "paper" else (float(value) - self.y_low) / (self.y_high - self.y_low)
        return self.top + (1 - share) * self.height

    def px_per_y(self) -> float:
        return self.height / (self.y_high - self.y_low)


def _trace(trace: dict, plot: Plot, symbols: dict[str, str], ids: str) -> list[Markup]:
    """A trace's marks. No hover labels: the page sends them once, in the figure plotly draws."""
    drawn: list[Markup] = []
    kind = (trace.get("meta") or {}).get("kind") or trace.get("type", "scatter")
    xs, ys = trace.get("x") or [], trace.get("y") or []
    if trace.get("type") == "bar":
        for index, (x, y) in enumerate(zip(xs, ys, strict=False)):
            drawn.append(_bar(trace, plot, index, x, y))
    elif trace.get("type", "scatter") == "scatter":
        mode = trace.get("mode", "markers")
        if "lines" in mode:
            line = trace.get("line", {})
            style = {"stroke": line.get("color", "#444"), "stroke-width": line.get("width", 2)}
            for (x1, y1), (x2, y2) in zip(
                zip(xs, ys, strict=True), zip(xs[1:], ys[1:], strict=True), strict=False
            ):
                if None not in (x1, y1, x2, y2):
                    ends = {
                        "x1": percent(plot.x(x1)),
                        "y1": plot.y(y1),
                        "x2": percent(plot.x(x2)),
                        "y2": plot.y(y2),
                    }
                    drawn.append(element("line", {**ends, **style}))
        for index, (x, y) in enumerate(zip(xs, ys, strict=True)):
            if x is None or y is None or not 0 <= plot.x(x) <= 100:
                continue
            if "markers" in mode:
                drawn.append(marker(trace, index, percent(plot.x(x)), plot.y(y), symbols, ids))
            if "text" in mode and trace.get("text"):
                text = trace["text"][index] if isinstance(trace["text"], list) else trace["text"]
                drawn.append(
                    text_element(str(text), percent(plot.x(x)), plot.y(y), 12.0, "#1f2933", "middle")
                )
    return [element("g", {"class": f"trace {kind}", "opacity": trace.get("opacity")}, drawn)] if drawn else []


def _bar(trace: dict, plot: Plot, index: int, x: object, y: object) -> Markup:
    """A bar: across from its base by its length (horizontal), or up from its base (vertical)."""
    style = trace.get("marker", {})
    line = style.get("line", {})
    thickness = trace.get("width", 0.8)
    base = trace.get("base")
    start = base[index] if isinstance(base, list) else base
    if trace.get("orientation") == "h":
        low, high = plot.x(start), plot.x(date_ms(start) + float(x))
        half = thickness * plot.px_per_y() / 2
        box = {"x": percent(low), "width": percent(high - low), "y": plot.y(y) - half, "height": 2 * half}
    else:
        center, half = date_ms(x), thickness / 2
        low, high = plot.x(center - half), plot.x(center + half)
        bottom = float(start or 0) + (trace.get("_stack") or [0] * (index + 1))[index]
        box = {
            "x": percent(low),
            "width": percent(high - low),
            "y": plot.y(bottom + y),
            "height": plot.y(bottom) - plot.y(bottom + y),
        }
    fill = style.get("color", "#1f77b4")
    paint = {"fill": fill[index] if isinstance(fill, list) else fill, "fill-opacity": style.get("opacity")}
    if line.get("width"):
        paint |= {"stroke": line.get("color", fill), "stroke-width": line["width"]}
    return element("rect", {**box, **paint})


def _axis(layout: dict, plot: Plot, font: dict) -> list[Markup]:
    """The date axis's grid lines (under the marks) and tick labels, as plotly picks them for `nticks`."""
    axis = layout.get("xaxis", {})
    if axis.get("visible") is False:
        return [Markup(""), Markup("")]
    size = axis.get("tickfont", {}).get("size") or font["size"]
    bottom = plot.top + plot.height
    ticks = [
        (percent(plot.x(ms)), text)
        for ms, text in date_ticks(plot.x_low, plot.x_high, axis.get("nticks") or 6)
    ]
    grid = [element("line", {"x1": at, "x2": at, "y1": float(plot.top), "y2": bottom}) for at, _ in ticks]
    lines = {"class": "grid", "stroke": axis.get("gridcolor", "#eee"), "stroke-width": 1}
    labels = [
        text_element(text, at, bottom + size * TICK_BASELINE, size, font["color"], "middle")
        for at, text in ticks
    ]
    return [
        element("g", lines, grid) if axis.get("showgrid", True) else Markup(""),
        element("g", {"class": "ticks"}, labels),
    ]


def svg_chart(figure: dict, ids: str = "chart-") -> Markup:
    """The figure as an <svg> the width of its plot (its container adds the figure's side margins)
    and the figure's height: grid, shapes below, traces (clipped to the plot, as plotly clips them),
    shapes above, tick labels, annotations. `ids` starts every id it defines (one per drawing)."""
    layout, data = figure["layout"], figure["data"]
    plot, font = Plot(layout, data), layout.get("font", {"size": 12, "color": "#444", "family": "sans-serif"})
    symbols: dict[str, str] = {}
    grid, ticks = _axis(layout, plot, font)
    shapes = layout.get("shapes", [])
    below = [shape(s, plot) for s in shapes if s.get("layer") == "below"]
    above = [shape(s, plot) for s in shapes if s.get("layer") != "below"]
    traces = [
        mark
        for trace in _stacked(data, layout)
        if trace.get("visible", True) is True
        for mark in _trace(trace, plot, symbols, ids)
    ]
    notes = [annotation(a, plot, font) for a in layout.get("annotations", []) if a.get("visible", True)]
    arrows = element("g", {"class": "arrows"}, [arrow for arrow, _ in notes])
    outlines = [element("path", {"id": f"{ids}{ident}", "d": d}) for d, ident in symbols.items()]
    area = {"x": 0.0, "y": float(plot.top), "width": "100%", "height": float(plot.height)}
    clip = element("clipPath", {"id": f"{ids}plot"}, [element("rect", area)])
    defs = element("defs", {}, [*outlines, clip])
    style = {"font-family": font.get("family"), "fill": font.get("color")}
    marks = element("g", {"clip-path": f"url(#{ids}plot)"}, [*below, *traces, *above])
    body = [defs, grid, marks, ticks, arrows, *(box for _, box in notes)]
    attrs = {
        "width": "100%",
        "height": float(layout["height"]),
        "overflow": "visible",
        "aria-hidden": "true",
        **style,
    }
    return element("svg", {"xmlns": "http://www.w3.org/2000/svg", **attrs}, body)


def _stacked(data: list[dict], layout: dict) -> list[dict]:
    """Vertical bars with where each starts when `barmode` stacks them (plotly stacks by x)."""
    if layout.get("barmode") != "stack":
        return data
    heights: dict[object, float] = {}
    stacked = []
    for trace in data:
        if trace.get("type") == "bar" and trace.get("orientation") != "h":
            under = [heights.get(x, 0.0) for x in trace["x"]]
            for x, y in zip(trace["x"], trace["y"], strict=True):
                heights[x] = heights.get(x, 0.0) + y
            trace = dict(trace, _stack=under)
        stacked.append(trace)
    return stacked
