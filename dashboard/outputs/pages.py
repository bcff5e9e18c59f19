"""Pieces every server-rendered page shares: inline JSON data and the link-preview meta tags."""

from __future__ import annotations

import json
import re
from html import escape

DESCRIPTION_CHARS = 200
CLOSING_TAG = re.compile(r"</(?=script|style)", re.IGNORECASE)
PLOTLY_JS = "vendor/plotly-basic-4.1.1.min.js"  # scatter, bar and pie: all our figures draw


def json_script(element_id: str, value: object) -> str:
    """JSON in a non-executed script element; '<' is escaped so data cannot close the tag."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    return line[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def preview_tags(title: str, description: str, kind: str = "website") -> list[dict[str, str]]:
    """The description, Open Graph and Twitter card tags, as Dash's `meta_tags` takes them."""
    description = shorten(description)
    return [
        {"name": "description", "content": description},
        {"property": "og:title", "content": title},
        {"property": "og:description", "content": description},
        {"property": "og:type", "content": kind},
        {"name": "twitter:card", "content": "summary"},
        {"name": "twitter:title", "content": title},
        {"name": "twitter:description", "content": description},
    ]


def meta_html(tags: list[dict[str, str]]) -> str:
    """The tags as HTML, every value escaped (they come from the data)."""
    return "\n".join(
        "<meta " + " ".join(f'{key}="{escape(value)}"' for key, value in tag.items()) + ">" for tag in tags
    )


def _inline(text: str) -> str:
    """Script or style text that cannot end its own element early. Only `</script` and `</style`
    do that; escaping every `</` broke the chart's own code (`/</g` is a regex)."""
    return CLOSING_TAG.sub(r"<\\/", text)


def page_head(
    title: str, tags: list[dict[str, str]], assets: dict[str, str], icon: str = "", inline: bool = False
) -> str:
    """A standalone page's doctype and head: its title and preview tags, the font and its own CSS,
    plotly.js and its own script, an ES module that imports the chart labels (assets/js). `inline`:
    `assets` holds the files' texts, not their URLs (the module joined with its imports), for a page
    that works as a single file with no server (the font is then the system's)."""
    if inline:
        links = (
            f"<style>{_inline(assets['css'])}</style>\n<script>{_inline(assets['plotly'])}</script>\n"
            f'<script type="module">{_inline(assets["js"])}</script>'
        )
    else:
        styles = "".join(f'<link rel="stylesheet" href="{assets[name]}">\n' for name in ("fonts", "css"))
        plotly = f'<script src="{assets["plotly"]}" defer></script>'
        links = f'{styles}{plotly}\n<script type="module" src="{assets["js"]}"></script>'
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{icon}<title>{escape(title)}</title>
{meta_html(tags)}
{links}
</head>"""
