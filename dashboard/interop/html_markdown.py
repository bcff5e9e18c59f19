"""HTML (as TimelineJS holds it) to safe Markdown or plain text, noting what was unsafe."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..core.links import SAFE_URL

_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*"}
_BREAKS = {"br": "\n", "p": "\n\n", "div": "\n\n", "li": "\n\n"}


class _Markdown(HTMLParser):
    """TimelineJS HTML as safe Markdown: text, http(s) links, bold, italics and line breaks."""

    def __init__(self, markdown: bool):
        super().__init__(convert_charrefs=True)
        self.markdown, self.parts, self.links, self.hidden, self.unsafe = markdown, [], [], 0, False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style"):
            self.hidden, self.unsafe = self.hidden + 1, True
        elif tag in _BREAKS:
            self.parts.append(_BREAKS[tag])
        elif tag in _MARKS and self.markdown:
            self.parts.append(_MARKS[tag])
        elif tag == "a":
            href = (dict(attrs).get("href") or "").strip()
            safe = bool(SAFE_URL.match(href)) and self.markdown
            self.unsafe |= bool(href) and not SAFE_URL.match(href)
            self.links.append(href.replace("(", "%28").replace(")", "%29") if safe else None)
            self.parts.append("[" if safe else "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden = max(self.hidden - 1, 0)
        elif tag in ("p", "div"):
            self.parts.append("\n\n")
        elif tag in _MARKS and self.markdown:
            self.parts.append(_MARKS[tag])
        elif tag == "a" and self.links:
            href = self.links.pop()
            self.parts.append(f"]({href})" if href else "")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        text = re.sub(r"\s+", " ", data)
        if self.markdown:  # text that would read as a tag, link or emphasis stays text
            text = re.sub(r"([\\`*\[\]])", r"\\\1", text).replace("<", "&lt;")
        self.parts.append(text)


def html_to_markdown(value: object, markdown: bool = True) -> tuple[str, bool]:
    """Text from TimelineJS HTML (Markdown, or plain with markdown=False), and whether unsafe parts went."""
    parser = _Markdown(markdown)
    parser.feed(value if isinstance(value, str) else "")
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return (text if markdown else " ".join(text.split())), parser.unsafe
