"""How a link names a data version (`since=`, `v=`): a version id or commit, or a day.

Read here once, so the explorer, the brief and the pages refuse the same malformed values with
a notice; which version a well-formed name means is history.find's question."""

from __future__ import annotations

import datetime as dt

HEX = frozenset("0123456789abcdef")
MIN_CHARS, MAX_CHARS = 6, 40  # a prefix long enough to be unambiguous; a whole git commit id


def version_ref(value: str) -> str | None:
    """The name in canonical form (lowercase, trimmed) if it is 6–40 hex digits (a data version or
    commit, or their start) or a YYYY-MM-DD day; else None."""
    text = value.strip().lower()
    if MIN_CHARS <= len(text) <= MAX_CHARS and set(text) <= HEX:
        return text
    if len(text) == len("YYYY-MM-DD"):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    return None
