"""A still chart drawn into its page, so the reader sees it at first paint, before plotly.js.

The server cannot know the frame's width, so it lays the chart out for a few widths and the page's
CSS shows the drawing for the frame it is in (`media_rules`): each is laid out for the narrowest
frame it serves and stays true in any wider one (outputs/svg_chart.py). Each drawing carries the
rows it gave each lane and the width it placed the labels for: the page's script hands them to
plotly, so the live chart keeps the drawing's lanes and labels and is as tall as it. Under 600 px
the script then turns the chart upright (assets/js/upright.js), which only the browser lays out.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..figures.still_labels import laid_out
from .svg_chart import svg_chart

FRAME_WIDTHS = (320, 600, 900)  # each drawing is laid out for this frame width, up to the next


@dataclass(frozen=True)
class Drawing:
    """The chart drawn for frames from `width` px (up to the next drawing's)."""

    width: int
    svg: Markup
    timeline: dict  # for layout.timeline: the rows it gave each lane, its labels' spots, its plot's width
    left: int
    right: int
    height: float


def drawings(figure: dict, widths: tuple[int, ...] = FRAME_WIDTHS) -> list[Drawing]:
    """The figure laid out and drawn for each frame width (ascending)."""
    found = []
    for width in widths:
        shown = laid_out(figure, width)
        layout = shown["layout"]
        margin = layout.get("margin", {})
        timeline = layout.get("timeline", {})
        kept = {key: timeline[key] for key in ("need", "placed", "placedAt") if key in timeline}
        found.append(
            Drawing(
                width,
                svg_chart(shown, f"still-{width}-"),
                kept,
                margin.get("l", 80),
                margin.get("r", 80),
                layout["height"],
            )
        )
    return found


def media_rules(widths: tuple[int, ...] = FRAME_WIDTHS) -> list[str]:
    """The media query of each drawing, in the widths' order: the frame widths it is shown at."""
    rules = []
    for index, width in enumerate(widths):
        low = f"(min-width: {width}px)" if index else ""
        high = f"(max-width: {widths[index + 1] - 0.02}px)" if index + 1 < len(widths) else ""
        rules.append(" and ".join(filter(None, [low, high])) or "all")
    return rules
