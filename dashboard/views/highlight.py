"""What a search matched in a text, for the surfaces that highlight it."""

from __future__ import annotations

import re

from ..core.search import search_pattern, search_words


def marked(text: str, query: str) -> list[tuple[str, bool]]:
    """The text cut into (part, is a match) pieces for the search terms in `query`, to highlight."""
    words = search_words(query)
    if not words:
        return [(text, False)]
    pattern = re.compile("|".join(f"(?:{search_pattern(word)})" for word in words), re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        if match.end() > match.start():
            pieces += [(text[last : match.start()], False), (match.group(0), True)]
            last = match.end()
    pieces.append((text[last:], False))
    return [piece for piece in pieces if piece[0]]
