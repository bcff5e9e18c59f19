"""Server-rendered pages that need no Dash round trip: the embed."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from ..core.model import Dataset
from ..core.untrusted import ascii_int
from ..figures import plotly_config
from ..figures.credit import credit_line
from ..figures.theme import HOVER
from ..views.catalog import View
from ..views.view_words import view_subtitle, view_title
from .pages import preview_tags, render

EMBED_KEYS = ("height", "title", "initialWidth", "childId", "parentTitle", "parentUrl")
DEFAULT_HEIGHT = 420
HEIGHT_RANGE = (200, 2000)
# A 360 px frame has room for a hover label of about this many characters a line beside the lanes.
HOVER_LINE_CHARS = 24
HOVER_LABEL = {"font": {"size": 12}, "align": "left", "namelength": 0}


@dataclass(frozen=True)
class EmbedOptions:
    """The embed's own parameters: chart height (a least height: the chart grows until every event
    is titled or listed) and whether to show the title."""

    height: int = DEFAULT_HEIGHT
    show_title: bool = True
    height_given: bool = False

    @classmethod
    def from_args(cls, args: dict[str, str]) -> EmbedOptions:
        """Read height (px) and title (on/off) from URL arguments; a value out of range is dropped."""
        height = ascii_int(args.get("height", ""))
        low, high = HEIGHT_RANGE
        given = height is not None and low <= height <= high
        return cls(height if given else DEFAULT_HEIGHT, args.get("title", "on") != "off", given)


def _wrapped(text: str) -> str:
    lines = textwrap.wrap(text, HOVER_LINE_CHARS, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(lines) or text


def narrow_hover(data: list[dict]) -> list[dict]:
    """The traces with their hover titles and domains wrapped into short lines, so a label stays
    inside a phone-width frame (plotly has no maximum width for hover labels)."""
    wrapped = []
    for trace in data:
        if trace.get("hovertemplate") == HOVER and trace.get("customdata"):
            rows = [
                [row[0], row[1], _wrapped(row[2]), _wrapped(row[3]), *row[4:]] for row in trace["customdata"]
            ]
            trace = dict(trace, customdata=rows, hoverlabel=dict(trace.get("hoverlabel", {}), **HOVER_LABEL))
        wrapped.append(trace)
    return wrapped


def embed_page(
    dataset: Dataset,
    view: View,
    figure: dict,
    options: EmbedOptions,
    assets: dict[str, str | list[str]],
    inline: bool = False,
    cited: str = "",
    note: object = None,
) -> str:
    """The embed: a title and subtitle that say what the view holds, the view's whole chart (`figure`,
    drawn by plotly.js from inline JSON), a credit. Readers of an article see no URL notices: bad
    parameters are dropped. `inline`: assets are the files' texts (the "Chart as HTML" download).
    `cited` names the data version in the credit; `note` (views.pins.PinNote) says that the version
    a link pinned is no longer available."""
    figure = dict(figure, data=narrow_hover(figure["data"]))
    figure["layout"] = dict(figure["layout"], margin=dict(figure["layout"]["margin"], l=8, b=8))
    if options.height_given and "timeline" in figure["layout"]:
        figure["layout"]["timeline"] = dict(figure["layout"]["timeline"], minHeight=options.height)
    elif options.height_given:
        figure["layout"]["height"] = options.height
    title = view_title(dataset, view.state)
    subtitle = view_subtitle(dataset, view)
    return render(
        "embed.html",
        title=title,
        tags=preview_tags(title, f"{subtitle}. {dataset.description}"),
        assets=assets,
        inline=inline,
        show_title=options.show_title,
        subtitle=subtitle,
        dataset=dataset,
        view=view,
        figure=figure,
        config=plotly_config.EMBED,
        credit=credit_line(dataset, cited),
        note=note,
        full_view="/" + view.state.to_query(),
    )
