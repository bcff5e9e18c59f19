"""The search rule: how a query splits into words, and which words of an event each one matches."""

from __future__ import annotations

import re

from .localized import Localized

PREFIX_MIN = 4  # shorter search terms match whole words only: "WHA" must not find "what"
# Japanese and Chinese leave no spaces between words, so a term holding kana, CJK ideographs or
# Hangul matches anywhere in the text ("台湾" finds "台湾旅行法").
_UNSPACED = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0003134f]"
)


def search_words(query: str) -> list[str]:
    """The terms of a query; an event must match every one."""
    return query.casefold().split()


def search_pattern(word: str) -> str:
    """The regex a search term matches: a word equal to it, or, from PREFIX_MIN characters on, any
    word that starts with it ("submarine" finds "submarines"); a Japanese or Chinese term, anywhere."""
    if _UNSPACED.search(word):
        return re.escape(word)
    return r"(?<!\w)" + re.escape(word) + ("" if len(word) >= PREFIX_MIN else r"(?!\w)")


def search_text(event) -> str:
    """What a search reads of an event: its title, summary, people, tags and what its parties said, in
    the file's language (statements are verbatim, in the language they were said in)."""
    parts = [
        event.title,
        event.summary,
        *event.people,
        *event.tags,
        *(said.text for said in event.statements),
    ]
    return "\n".join(parts).casefold()


def translated_search_text(event, lang: str) -> str:
    """What a search in `lang` reads besides `search_text`: the title and summary translated into it."""
    texts = (event.title, event.summary)
    return (
        "\n".join(text.translation(lang) for text in texts if isinstance(text, Localized)).strip().casefold()
    )


def search_column(lang: str) -> str:
    """The event table's column of `translated_search_text` in `lang`."""
    return f"search_text.{lang}"
