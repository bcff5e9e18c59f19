"""Event-file text and dates as a reader of the page's language sees them.

Text comes in the page's language where the file translates it, else in the file's own language,
marked in that language (`lang=`, so it is read and hyphenated right) and followed by a quiet mark
naming it in the reader's language ("英語"). Dates are written at their precision in the reader's
calendar by core/local_dates.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from babel import Locale
from dash import html

from ..core.i18n import catalogue_name
from .markdown_view import markdown_components


@lru_cache(maxsize=16)
def language_name(language: str, lang: str) -> str:
    """`language` as readers of `lang` call it (CLDR): 'en' for ja → 英語, for zh-Hant → 英文."""
    names = Locale.parse(catalogue_name(lang)).languages
    return names.get(catalogue_name(language)) or names.get(language.split("-")[0], language)


def text_and_language(text: object, lang: str) -> tuple[str, str]:
    """The text a reader of `lang` sees and the language it is in (plain text: `lang`'s own)."""
    getter = getattr(text, "get", None)
    return getter(lang) if callable(getter) else (str(text), lang)


def text_in(text: object, lang: str) -> str:
    """The text to show a reader of `lang`, plain (for an attribute or a line of other words)."""
    return text_and_language(text, lang)[0]


def shown(
    text: object, lang: str, draw: Callable[[str], list] = lambda value: [value], first: bool = False
) -> list:
    """The text as components (`draw` makes them: search marks, say); when it fell back to the
    file's language, in an element of that `lang` with the quiet mark after it (`first`: before)."""
    value, language = text_and_language(text, lang)
    if language == lang:
        return draw(value)
    parts = [html.Span(draw(value), lang=language), " ", language_mark(language, lang)]
    return parts[::-1] if first else parts


def shown_markdown(text: object, lang: str, class_name: str | None = None) -> html.Div:
    """Markdown from the event file as `shown` gives it: in the page's language, else in the file's,
    the mark first (a block's end may be folded out of sight)."""
    value, language = text_and_language(text, lang)
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
