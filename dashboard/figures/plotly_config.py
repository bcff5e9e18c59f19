"""The plotly.js config of each surface that draws our figures: the explorer, the embed, the brief."""

from __future__ import annotations

EXPLORER = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2},
}
# A still chart: the whole view, hover for details, nothing to zoom (so no modebar).
EMBED = {"displayModeBar": False, "responsive": True, "scrollZoom": False}
# Paper: no hover, no resizing; the page fixes the width.
BRIEF = {"staticPlot": True, "displayModeBar": False, "responsive": False}
