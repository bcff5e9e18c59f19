"""The one Markdown reader for the event file's text (summaries, notes, introductions).

CommonMark with raw HTML off (it stays text) and no images; markdown-it refuses javascript:,
vbscript:, file: and data: links. The explorer turns its tree into components, the brief into HTML."""

from __future__ import annotations

from markdown_it import MarkdownIt

READER = MarkdownIt("commonmark", {"html": False}).disable("image")
