"""Server-rendered pages that need no Dash round trip: the embed (and its cache keys)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .catalog import View
from .model import Dataset

EMBED_KEYS = ("height", "title", "initialWidth", "childId", "parentTitle", "parentUrl")
DEFAULT_HEIGHT = 420
HEIGHT_RANGE = (200, 2000)
EMBED_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
}


@dataclass(frozen=True)
class EmbedOptions:
    """The embed's own parameters: chart height and whether to show the title."""

    height: int = DEFAULT_HEIGHT
    show_title: bool = True

    @classmethod
    def from_args(cls, args: dict[str, str], notices: list[str]) -> EmbedOptions:
        """Read height (px) and title (on/off) from URL arguments, noting what was ignored."""
        height = DEFAULT_HEIGHT
        raw = args.get("height", "")
        if raw:
            low, high = HEIGHT_RANGE
            if raw.isdigit() and low <= int(raw) <= high:
                height = int(raw)
            else:
                notices.append(f"'height={raw[:20]}' ignored: use a number of pixels from {low} to {high}.")
        title = args.get("title", "on")
        if title not in {"on", "off"}:
            notices.append(f"'title={title[:20]}' ignored: use on or off.")
        return cls(height=height, show_title=title != "off")


def asset_version(path: Path) -> str:
    """A short content hash, so asset URLs change exactly when the file does."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def etag(*parts: str) -> str:
    """A strong ETag for a response that depends only on these parts."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def json_script(element_id: str, value: object) -> str:
    """JSON in a non-executed script element; '<' is escaped so data cannot close the tag."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def embed_page(
    dataset: Dataset,
    view: View,
    options: EmbedOptions,
    notices: tuple[str, ...],
    assets: dict[str, str],
) -> str:
    """The embed: optional compact title, the chart (drawn by plotly.js from inline JSON), a credit."""
    figure = dict(view.figure)
    figure["layout"] = dict(
        figure["layout"], height=options.height, margin=dict(figure["layout"]["margin"], l=8, b=8)
    )
    figure["layout"]["annotations"] = [
        a for a in figure["layout"].get("annotations", []) if a.get("name") != "credit"
    ]
    full_view = "/" + view.state.to_query()
    document = dataset.source_document
    credit = f"Source: {escape(dataset.title)}"
    if document:
        credit += " — " + escape(", ".join(p for p in (document.title, document.outlet) if p))
    title = f'<h1 class="embed-title">{escape(dataset.title)}</h1>' if options.show_title else ""
    notice_html = "".join(f'<p class="notice">{escape(n)}</p>' for n in notices)
    label = f"Timeline of {view.count} events from {dataset.title}"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(dataset.title)}</title>
<link rel="stylesheet" href="{assets["fonts"]}">
<link rel="stylesheet" href="{assets["css"]}">
<script src="{assets["plotly"]}" defer></script>
<script src="{assets["labels"]}" defer></script>
<script src="{assets["js"]}" defer></script>
</head>
<body>
{title}{notice_html}
<div id="chart" role="img" aria-label="{escape(label)}"></div>
{json_script("figure-data", figure)}
{json_script("config-data", EMBED_CONFIG)}
<p class="credit">{credit} · <a href="{escape(full_view)}" target="_blank" rel="noopener">Full view ↗</a></p>
</body>
</html>
"""
