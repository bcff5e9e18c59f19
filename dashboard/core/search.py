"""The search rule: how a query splits into words, and which words of an event each one matches."""

from __future__ import annotations

import re

PREFIX_MIN = 4  # shorter search terms match whole words only: "WHA" must not find "what"


def search_words(query: str) -> list[str]:
    """The terms of a query; an event must match every one."""
    return query.casefold().split()


def search_pattern(word: str) -> str:
    """The regex a search term matches: a word equal to it, or, from PREFIX_MIN characters on, any
    word that starts with it ("submarine" finds "submarines")."""
    return r"(?<!\w)" + re.escape(word) + ("" if len(word) >= PREFIX_MIN else r"(?!\w)")


def search_text(event) -> str:
    """What a search reads of an event: its title, summary, people, tags and what its parties said."""
    parts = [
        event.title,
        event.summary,
        *event.people,
        *event.tags,
        *(said.text for said in event.statements),
    ]
    return "\n".join(parts).casefold()
