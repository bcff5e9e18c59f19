"""Text in a chart drawn on the server (outputs/svg_chart.py): plotly's text markup as <text> and
<tspan>s, and annotations (their arrows, background boxes and text) placed as plotly places them.
"""

from __future__ import annotations

from markupsafe import Markup

from ..figures.label_room import PAD_PX, text_px
from .svg_markup import element, percent, runs

LINE_SPACING = 1.3  # plotly's line height, per px of font
BORDER = 2  # an annotation's border and padding (plotly's defaults: 1 + 1)


def text_element(
    markup: str, x: float | str, y: float, size: float, color: str, anchor: str = "start"
) -> Markup:
    """Plotly markup as a <text>, one <tspan> per run, each line `size × LINE_SPACING` below the last."""
    spans = []
    for index, line in enumerate(runs(markup)):
        for first, run in enumerate(line):
            place = {"x": x, "dy": float(size * LINE_SPACING) if index else None} if not first else {}
            style = {
                "font-weight": "bold" if run.bold else None,
                "font-style": "italic" if run.italic else None,
            }
            spans.append(element("tspan", {**place, **style, "fill": run.color}, [run.text]))
        if not line and index:
            spans.append(element("tspan", {"x": x, "dy": float(size * LINE_SPACING)}, [""]))
    return element("text", {"x": x, "y": y, "font-size": size, "fill": color, "text-anchor": anchor}, spans)


def _markup_width(markup: str, size: float) -> float:
    return max((text_px("".join(r.text for r in line), size) - PAD_PX for line in runs(markup)), default=0.0)


def annotation(a: dict, plot, font: dict) -> tuple[Markup, Markup]:
    """An annotation's arrow (from its point to its box) and its box (background and text)."""
    x_ref, y_ref = a.get("xref", "x"), a.get("yref", "y")
    x, y = plot.x(a["x"], x_ref), plot.y(a["y"], y_ref) - a.get("yshift", 0)
    shift_x, shift_y = a.get("xshift", 0), 0.0
    size = a.get("font", {}).get("size") or font["size"]
    color = a.get("font", {}).get("color") or font["color"]
    lines = len(runs(a["text"]))
    width = _markup_width(a["text"], size) + 2 * BORDER
    height = lines * size * LINE_SPACING + 2 * BORDER
    parts, arrow = [], Markup("")
    if a.get("showarrow", True):
        shift_x, shift_y = a.get("ax", 0), a.get("ay", -30)
        stem = {"stroke": a.get("arrowcolor", color), "stroke-width": a.get("arrowwidth", 1)}
        line = element("line", {"x1": 0.0, "y1": y, "x2": float(shift_x), "y2": y + shift_y, **stem})
        arrow = element("svg", {"x": percent(x), "overflow": "visible"}, [line])
    xanchor = a.get("xanchor", "auto")
    if xanchor == "auto":
        xanchor = (
            "left"
            if x_ref == "paper" and a["x"] <= 1 / 3
            else "right"
            if x_ref == "paper" and a["x"] >= 2 / 3
            else "center"
        )
    yanchor = a.get("yanchor", "auto")
    left = shift_x - {"left": 0, "right": width, "center": width / 2}[xanchor]
    top = y + shift_y - {"top": 0, "bottom": height, "middle": height / 2}.get(yanchor, height / 2)
    if a.get("bgcolor"):
        parts.append(
            element(
                "rect", {"x": float(left), "y": top, "width": width, "height": height, "fill": a["bgcolor"]}
            )
        )
    align = a.get("align", "center") if lines > 1 else "left"
    text_x = {"left": left + BORDER, "right": left + width - BORDER, "center": left + width / 2}[align]
    anchor = {"left": "start", "right": "end", "center": "middle"}[align]
    parts.append(text_element(a["text"], float(text_x), top + BORDER + size * 1.02, size, color, anchor))
    kind = a.get("name") or "annotation"
    return arrow, element("svg", {"x": percent(x), "overflow": "visible", "class": kind}, parts)
