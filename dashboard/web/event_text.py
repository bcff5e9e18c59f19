"""Event-file text and dates as a reader of the page's language sees them.

Text comes in the page's language where the file translates it, else in the file's own language,
marked in that language (`lang=`, so it is read and hyphenated right) and followed by a quiet mark
naming it in the reader's language ("英語"). Dates are written at their precision in the reader's
calendar by core/local_dates.py."""

from __future__ import annotations

import re
from collections.abc import Callable

from dash import html

from ..core.shown import language_name
from ..core.shown import shown as shown_text
from .markdown_view import markdown_components


def shown(
    text: object, lang: str, draw: Callable[[str], list] = lambda value: [value], first: bool = False
) -> list:
    """The text as components (`draw` makes them: search marks, say); when it fell back to the
    file's language, in an element of that `lang` with the quiet mark after it (`first`: before)."""
    found = shown_text(text, lang)
    value, language = found.text, found.lang
    if language == lang:
        return draw(value)
    parts = [html.Span(draw(value), lang=language), " ", language_mark(language, lang)]
    return parts[::-1] if first else parts


def shown_markdown(text: object, lang: str, class_name: str | None = None) -> html.Div:
    """Markdown from the event file as `shown` gives it: in the page's language, else in the file's,
    the mark first (a block's end may be folded out of sight)."""
    found = shown_text(text, lang)
    value, language = found.text, found.lang
    block = markdown_components(value, class_name)
    if language != lang:
        block.lang = language
        block.children = [language_mark(language, lang), " ", *block.children]
    return block


def formatted(words: str, values: dict) -> list:
    """Translated words with components in place of their `%(name)s` placeholders."""
    parts = re.split(r"%\((\w+)\)s", words)
    return [values[part] if index % 2 else part for index, part in enumerate(parts) if part]


def language_mark(language: str, lang: str) -> html.Small:
    """The quiet mark after text that is not in the page's language, naming the language it is in."""
    return html.Small(language_name(language, lang), lang=lang, className="shown-language")
