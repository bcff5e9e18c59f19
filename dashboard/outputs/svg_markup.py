"""SVG written safely, and plotly's text markup read into it, for charts drawn on the server.

`element` escapes every attribute value and every text child that is not already Markup, so text
from the data can only ever be text. Plotly's own markup (<b>, <i>, <br>, <span style="color:…">,
entities) is read into runs of plain text with their style (`runs`), never passed through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape

from markupsafe import Markup, escape

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
COLOR = re.compile(r"color\s*:\s*([#\w(),.\s%]+?)\s*(?:;|$)")


def number(value: float) -> str:
    """A coordinate as SVG text: two decimals at most."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def percent(value: float) -> str:
    """A share of the plot's width as SVG text: '12.5%'."""
    return f"{number(value)}%"


def element(name: str, attrs: dict[str, object], children: Iterable[str] = ()) -> Markup:
    """<name attrs>children</name>; values and str children escaped, floats written by `number`."""
    written = "".join(
        f' {key}="{escape(number(value) if isinstance(value, float) else value)}"'
        for key, value in attrs.items()
        if value is not None
    )
    inner = "".join(escape(child) for child in children)
    return Markup(f"<{name}{written}>{inner}</{name}>")


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    color: str | None = None


def runs(markup: str) -> list[list[Run]]:
    """Plotly text markup as lines of styled runs of plain text (entities decoded)."""
    lines: list[list[Run]] = [[]]
    bold = italic = 0
    colors: list[str | None] = []
    at = 0
    for match in [*TAG.finditer(markup), None]:
        end = match.start() if match else len(markup)
        if end > at:
            lines[-1].append(
                Run(
                    unescape(markup[at:end]), bold > 0, italic > 0, next(filter(None, reversed(colors)), None)
                )
            )
        if match is None:
            break
        at = match.end()
        closing, name = match.group(1) == "/", match.group(2).lower()
        step = -1 if closing else 1
        if name == "br":
            lines.append([])
        elif name in ("b", "strong"):
            bold += step
        elif name in ("i", "em"):
            italic += step
        elif name == "span" and closing:
            colors = colors[:-1]
        elif name == "span":
            found = COLOR.search(unescape(match.group(3)))
            colors.append(found.group(1) if found else None)
    return lines
