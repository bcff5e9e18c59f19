"""The title and credit drawn into a figure, so a chart that leaves the app says where it is from."""

from __future__ import annotations

import copy
import textwrap
import unicodedata
from html import escape

from ..core.i18n import DEFAULT, translator
from ..core.model import Dataset, SourceDocument
from ..core.shown import shown

CREDIT_CHARS_PER_LINE = 80  # fits a 520 px plot: a story beside its card, the explorer beside a detail
_SECOND_HALF = "\x00"  # stands for the second half of a wide (CJK) character while lines are wrapped


def credit_lines(credit: str) -> list[str]:
    """The credit in lines of CREDIT_CHARS_PER_LINE, a wide (CJK) character counted as the two Latin
    ones it is as wide as, so a Japanese or Chinese credit does not run past the plot."""
    measured = "".join(
        char + _SECOND_HALF if unicodedata.east_asian_width(char) in "WF" else char for char in credit
    )
    lines = textwrap.wrap(measured, CREDIT_CHARS_PER_LINE) or [""]
    return [line.replace(_SECOND_HALF, "") for line in lines]


def document_name(document: SourceDocument) -> str:
    """The source document as every credit names it: '<title>, <outlet>' (either may be missing)."""
    return ", ".join(part for part in (document.title, document.outlet) if part)


def credit_line(dataset: Dataset, cited: str = "", lang: str = DEFAULT) -> str:
    """'Source: <dataset title> — <source document title>, <outlet>', as plain text in `lang` (the
    document's title as it was published), then the data version it was drawn from when `cited`
    names it (' · Data version 3f9c… of 2026-12-06')."""
    title = shown(dataset.title, lang).text
    document = dataset.source_document
    if document:
        title += " — " + document_name(document)
    credit = translator(lang).gettext("Source: %(title)s") % {"title": title}
    return f"{credit} · {cited}" if cited else credit


def _overview_strip_px(layout: dict) -> int:
    """The height of the overview strip (plotly's range slider) that sits under the date axis."""
    slider = layout.get("xaxis", {}).get("rangeslider", {})
    if not slider.get("visible") or "height" not in layout:
        return 0
    margin = layout.get("margin", {})
    plot = layout["height"] - margin.get("t", 8) - margin.get("b", 36)
    return int(slider.get("thickness", 0.15) * plot) + 12


def figure_with_credit(figure: dict, title: str | None, credit: str, subtitle: str = "") -> dict:
    """A copy of the figure with its title (and a line under it) and credit drawn in, so image
    downloads carry them."""
    result = copy.deepcopy(figure)
    layout = result.setdefault("layout", {})
    margin = layout.setdefault("margin", {})
    lines = credit_lines(credit)
    strip = _overview_strip_px(layout)
    below_axis = 36 + strip
    extra_bottom = 18 * len(lines) + 16  # the strip's own room is in the figure's height already
    margin["b"] = margin.get("b", 36) + extra_bottom
    extra_top = 0
    if title:  # room for the title above the legend row, which sits on top of the plot
        extra_top = 44 + (30 if layout.get("showlegend") else 0) + (22 if subtitle else 0)
        margin["t"] = margin.get("t", 8) + extra_top
        under = f'<br><span style="font-size:13px;color:#52606d">{escape(subtitle, quote=False)}</span>'
        layout["title"] = {
            "text": escape(title, quote=False) + (under if subtitle else ""),
            "x": 0.01,
            "xanchor": "left",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 10},
            "font": {"size": 18},
        }
    if "height" in layout:
        layout["height"] += extra_top + extra_bottom
    layout["annotations"] = [
        *layout.get("annotations", []),
        {
            "text": "<br>".join(escape(line, quote=False) for line in lines),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "xanchor": "left",
            "yanchor": "top",
            "yshift": -below_axis,
            "align": "left",
            "showarrow": False,
            "font": {"size": 12, "color": "#52606d"},
            "name": "credit",
        },
    ]
    return result
