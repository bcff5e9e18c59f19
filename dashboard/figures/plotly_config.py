"""The plotly.js config of each surface that draws our figures: the explorer, the embed, the brief."""

from __future__ import annotations

# Every surface: no plotly logo, the chart follows its box, and the wheel scrolls the page, not the axis.
BASE = {"displaylogo": False, "responsive": True, "scrollZoom": False}
EXPLORER = BASE | {
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2},
}
# A still chart: the whole view, hover for details, nothing to zoom (so no modebar).
EMBED = BASE | {"displayModeBar": False}
# Paper: no hover, no resizing (the page fixes the width).
BRIEF = BASE | {"staticPlot": True, "displayModeBar": False, "responsive": False}
