"""Server-rendered pages that need no Dash round trip: the embed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..core.i18n import DEFAULT
from ..core.model import Dataset
from ..core.shown import shown
from ..core.untrusted import ascii_int
from ..figures import plotly_config
from ..figures.credit import credit_line
from ..figures.theme import HOVER
from ..views.catalog import View
from ..views.view_words import view_subtitle, view_title
from .client_words import client_words
from .first_paint import drawings, media_rules
from .pages import preview_tags, render

EMBED_KEYS = ("height", "title", "initialWidth", "childId", "parentTitle", "parentUrl")
DEFAULT_HEIGHT = 420
HEIGHT_RANGE = (200, 2000)
# A 360 px frame has room for a hover label of about this many characters a line beside the lanes
# (and the era columns left of them).
HOVER_LINE_CHARS = 22
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


# Runs of Latin text stay whole; a CJK character is a break opportunity, except before closing
# punctuation, which stays on its line (Japanese and Chinese line-breaking's first rule).
_PIECES = re.compile(r"[\u0000-\u2e7f]+|.[、。，．）」』》〉！？：；・ー]*", re.S)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _wrapped(text: str) -> str:
    """Short lines of about HOVER_LINE_CHARS Latin characters (a CJK character counts twice): Latin
    text breaks at spaces, Japanese and Chinese between characters."""
    lines, line = [], ""
    for piece in _PIECES.findall(text):
        for word in re.split(r"(?<= )", piece):
            if line and _width(line + word.rstrip()) > HOVER_LINE_CHARS:
                lines.append(line.rstrip())
                line = word.lstrip()
            else:
                line += word
    lines.append(line.rstrip())
    return "<br>".join(line for line in lines if line) or text


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
    languages: list | None = None,
) -> str:
    """The embed, in the view's language: a title and subtitle that say what the view holds, the
    view's whole chart (`figure`, drawn in as SVG for the first paint, then by plotly.js from
    inline JSON), a credit. Readers of an article see no URL notices: bad parameters are dropped.
    `inline`: assets are the files' texts (the "Chart as HTML" download). `cited` names the data
    version in the credit; `note` (views.pins.PinNote) says that the version a link pinned is no
    longer available; `languages` the language switch's choices (none in the one-file download)."""
    figure = dict(figure, data=narrow_hover(figure["data"]))
    figure["layout"] = dict(figure["layout"], margin=dict(figure["layout"]["margin"], l=8, b=8))
    if options.height_given and "timeline" in figure["layout"]:
        figure["layout"]["timeline"] = dict(figure["layout"]["timeline"], minHeight=options.height)
    elif options.height_given:
        figure["layout"]["height"] = options.height
    lang = view.state.lang
    title = view_title(dataset, view.state)
    subtitle = view_subtitle(dataset, view)
    return render(
        "embed.html",
        title=title,
        tags=preview_tags(title, f"{subtitle}. {shown(dataset.description, lang)}"),
        lang=lang,
        languages=languages or [],
        dataset_title=shown(dataset.title, lang).text,
        assets=assets,
        inline=inline,
        show_title=options.show_title,
        subtitle=subtitle,
        dataset=dataset,
        view=view,
        figure=figure,
        drawings=drawings(figure),
        drawing_media=media_rules(),
        config=plotly_config.EMBED,
        credit=credit_line(dataset, cited, lang),
        note=note,
        full_view="/" + view.state.to_query(),
        client_words=client_words(lang) if lang != DEFAULT else None,
    )
