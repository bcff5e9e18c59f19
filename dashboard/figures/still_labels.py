"""A still chart's labels laid out for a frame width on the server, as assets/js/flat.js lays them out
in the browser (resizedFigure, then layOutFlat and markup.js's listedKey): lanes grown to the rows
their titles need, each label in its row or cut or numbered, the events without room listed under
the chart, and plotly's ticks for that width. The result is a plotly figure a reader could be shown
before plotly.js has loaded (outputs/svg_chart.py draws it).
"""

from __future__ import annotations

from dataclasses import asdict
from functools import cache
from html import escape

from .date_ticks import date_ms
from .eras import with_era_labels
from .label_room import FIRST_PX, NAME_PX, ROW_PX, TOP_PX, text_px
from .placement import MAX_ROWS, cut, place
from .theme import LABEL_SIZE
from .timeline import BOTTOM_PX  # flat.js BOTTOM_PX: under the bottom lane's line, its name

SLACK_PX = 3
TICK_PX = 95  # a level date tick's room
AXIS_PX = 30  # from the plot's foot to the key of listed events
KEY_LINE_PX = 17  # markup.js KEY_LINE_PX
KEY_SIZE = 12
TICK_BAND = 27 / 14  # the foot plotly's automargin keeps for its tick labels, per px of their font
SLIDER_TICK_DEPTH = 19 / 14  # over an overview strip, its tick labels' depth per px of their font
SLIDER_PAD_PX = 15  # plotly's rangeslider extraPad


def plot_box(layout: dict, frame_px: float) -> dict:
    """Where plotly draws the plot in a frame this wide: left, top, width, height (px), as its
    automargin does, the foot at least as deep as the tick labels, and above the overview strip
    when the figure has one (the explorer's)."""
    margin = layout.get("margin", {})
    tick_size = layout.get("xaxis", {}).get("tickfont", {}).get("size") or layout.get("font", {}).get(
        "size", 12
    )
    bottom = max(margin.get("b", 80), round(TICK_BAND * tick_size))
    top, left = margin.get("t", 100), margin.get("l", 80)
    slider = layout.get("xaxis", {}).get("rangeslider", {})
    if slider.get("visible"):  # plotly's overview strip pushes the plot up: its height, ticks, pad
        strip = slider.get("thickness", 0.15) * (layout["height"] - top - margin.get("b", 80))
        bottom = round(margin.get("b", 80) + strip + SLIDER_TICK_DEPTH * tick_size + SLIDER_PAD_PX)
    width = frame_px - left - margin.get("r", 80)
    return {"left": left, "top": top, "width": width, "height": layout["height"] - top - bottom}


def _x_of(layout: dict, width: float):
    low, high = (date_ms(value) for value in layout["xaxis"]["range"])
    return lambda ms: (ms - low) / (high - low) * width


def _resized(figure: dict, need: dict[float, int], height_of_plot: float, row_px: float) -> dict:
    """flat.js resizedFigure: each lane as tall as the rows its labels need, everything moved with it
    (a lane's era band too), the era strip kept on top."""
    layout, meta = figure["layout"], figure["layout"]["timeline"]
    moved, top = {}, 0.0
    lanes = sorted(meta["lanes"], key=lambda lane: lane["y"])
    for index, lane in enumerate(lanes):
        moved[lane["y"]] = top
        last = index == len(lanes) - 1
        top += (
            FIRST_PX
            + need.get(lane["y"], 1) * row_px
            + (TOP_PX + meta.get("eraStrip", 0) if last else NAME_PX)
        )

    def move(y):
        return moved.get(y, y) if y is not None else y

    data = [
        dict(trace, y=[move(y) for y in trace["y"]]) if trace.get("y") else trace for trace in figure["data"]
    ]
    annotations = [a if a.get("yref") == "paper" else dict(a, y=move(a["y"])) for a in layout["annotations"]]
    shapes = [
        dict(s, yanchor=move(s["yanchor"])) if s.get("yref") == "y" and s.get("ysizemode") == "pixel" else s
        for s in layout.get("shapes", [])
    ]
    timeline = dict(
        meta,
        resized=True,
        eras=[
            era if era["lane"] is None else dict(era, lane=move(era["lane"])) for era in meta.get("eras", [])
        ],
        need=[need.get(lane["y"], 1) for lane in meta["lanes"]],
        labels=[dict(label, y=move(label["y"])) for label in meta["labels"]],
        lanes=[dict(lane, y=move(lane["y"])) for lane in meta["lanes"]],
    )
    height = layout["height"] - height_of_plot + top + BOTTOM_PX
    if height < meta.get("minHeight", 0):
        top += meta["minHeight"] - height
        height = meta["minHeight"]
    yaxis = dict(layout["yaxis"], range=[-BOTTOM_PX, top])
    return {
        "data": data,
        "layout": dict(
            layout, annotations=annotations, shapes=shapes, timeline=timeline, height=height, yaxis=yaxis
        ),
    }


def _rows_by_lane(lanes: list[dict], box: dict, row_px: float, strip_px: float = 0):
    """flat.js rowsByLane: the rows between a lane's marks and the name of the lane above it (or the
    era strip, `strip_px` tall, above the top lane)."""
    low, high = box["layout"]["yaxis"]["range"]
    to_px = lambda y: (high - y) / (high - low) * box["height"]  # noqa: E731
    ys = sorted(lane["y"] for lane in lanes)
    rows = {}
    for index, y in enumerate(ys):
        above = to_px(ys[index + 1]) + NAME_PX if index + 1 < len(ys) else TOP_PX + strip_px
        rows[y] = max(1, int((to_px(y) - FIRST_PX - above + SLACK_PX) // row_px))
    return lambda y: rows.get(y, 1)


def _markup(label: dict, text: str, numbered: bool) -> str:
    """markup.js numberedText: '<b>12</b> title' for a numbered label, the rest escaped."""
    number = label.get("number")
    if not numbered or not number or not text.startswith(number + " "):
        return escape(text, quote=False)
    return f"<b>{escape(number, quote=False)}</b> {escape(text[len(number) + 1 :], quote=False)}"


def _key(layout: dict, listed: list[dict], width: float) -> tuple[dict, dict | None]:
    """markup.js listedKey and withKey: the events without room, by number, under the plot; the
    foot and the height grow by its lines."""
    key_px = len(listed) * KEY_LINE_PX + 8 if listed else 0
    if not key_px:
        return layout, None
    ordered = sorted(listed, key=lambda label: (int(label.get("number") or 0), label["x"]))
    key_width = lambda text: text_px(text, KEY_SIZE)  # noqa: E731
    lines = [
        escape(
            cut(
                f"{label['number'] + ' ' if label.get('number') else ''}{label['text']}, {label['date']}",
                width,
                key_width,
            ),
            quote=False,
        )
        for label in ordered
    ]
    key = {
        "text": "<br>".join(lines), "x": 0, "y": 0, "xref": "paper", "yref": "paper", "xanchor": "left",
        "yanchor": "top", "yshift": -AXIS_PX, "align": "left", "showarrow": False,
        "font": {"size": KEY_SIZE, "color": "#1f2933"}, "name": "label-key",
    }  # fmt: skip
    annotations = [
        dict(a, yshift=a.get("yshift", 0) - key_px) if a.get("name") == "credit" else a
        for a in layout["annotations"]
    ]
    margin = dict(layout["margin"], b=layout["margin"].get("b", 80) + key_px)
    timeline = dict(layout["timeline"], keyPx=key_px)
    height = layout["height"] + key_px
    return dict(layout, annotations=annotations, margin=margin, height=height, timeline=timeline), key


def laid_out(figure: dict, frame_px: float) -> dict:
    """The still figure as labels.js would leave it in a frame `frame_px` wide: resized lanes, shown
    labels, the key of listed events; `timeline.need` (each lane's rows, in `lanes` order),
    `placed` (each label's spot) and `placedAt` (the plot's width) say how, for a live chart that
    takes its place."""
    layout = dict(figure["layout"])  # every part it changes is replaced, never changed in place
    figure = {"data": figure["data"], "layout": layout}
    meta = layout.get("timeline")
    box = plot_box(layout, frame_px)
    layout["xaxis"] = dict(layout["xaxis"], nticks=max(2, int(box["width"] // TICK_PX)), tickangle=0)
    if not meta or not meta.get("labels"):
        return figure
    labels = [a for a in layout["annotations"] if a.get("name") == "label"]
    size = labels[0]["font"]["size"] if labels else LABEL_SIZE
    row_px = max(ROW_PX, size + 9)
    width_of = cache(lambda text: text_px(text, size))
    x_of, numbered = _x_of(layout, box["width"]), bool(meta.get("numbered"))
    if meta.get("still") and not meta.get("resized"):
        need = place(meta["labels"], x_of, box["width"], lambda y: MAX_ROWS, numbered, width_of).need
        figure = _resized(figure, need, box["height"], row_px)
        layout, meta = figure["layout"], figure["layout"]["timeline"]
        box = plot_box(layout, frame_px)
    rows_of = _rows_by_lane(meta["lanes"], dict(box, layout=layout), row_px, meta.get("eraStrip", 0))
    result = place(meta["labels"], x_of, box["width"], rows_of, numbered, width_of)
    placed = [asdict(spot) if spot else None for spot in result.shown]
    layout["timeline"] = meta = dict(meta, placedAt=box["width"], placed=placed)
    others = [a for a in layout["annotations"] if a.get("name") != "label"]
    others, placed = with_era_labels(others, meta.get("eras", []), x_of, box["width"]), []
    for annotation, label, spot in zip(labels, meta["labels"], result.shown, strict=True):
        at = {"x": label["x"], "y": label["y"], "ax": 0, "yanchor": "bottom"}
        if spot is None:
            placed.append(dict(annotation, visible=False, **at))
            continue
        text = (
            f"<b>{escape(spot.text, quote=False)}</b>" if spot.short else _markup(label, spot.text, numbered)
        )
        ay = -(FIRST_PX + spot.row * row_px)
        placed.append(dict(annotation, visible=True, ay=ay, xanchor=spot.side, text=text, **at))
    layout["annotations"] = others + placed
    if meta.get("still"):
        listed = [
            label for label, spot in zip(meta["labels"], result.shown, strict=True) if not spot or spot.short
        ]
        layout, key = _key(layout, listed, box["width"])
        layout["annotations"] = layout["annotations"] + ([key] if key else [])
    figure["layout"] = layout
    return figure
