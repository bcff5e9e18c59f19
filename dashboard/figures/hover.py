"""What a mark's hover label says: the event's date, title and domains, as plotly shows them."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import pandas as pd

from ..core.model import Domain


def _plain(text: str) -> str:
    """Escape text so plotly's pseudo-HTML in hover labels shows it literally."""
    return escape(text, quote=False)


def hover_data(rows: pd.DataFrame, domains: Sequence[Domain]) -> list[list[str]]:
    """Each row's customdata for theme.HOVER: its id, then its date, title and domain labels, escaped."""
    # A frame in a reader's language (views/in_language.py) brings its domains in words, and the
    # marker of a title not in that language.
    notes = rows["title_note"] if "title_note" in rows else [""] * len(rows)
    if "domain_words" in rows:
        words = rows["domain_words"]
    else:
        labels = {domain.id: domain.label for domain in domains}
        named: dict[tuple[str, ...], str] = {}  # one text per distinct list of domains
        words = [named.setdefault(ids, ", ".join(labels.get(d, d) for d in ids)) for ids in rows["domains"]]
    return [
        [event_id, _plain(date), _plain(f"{title} {note}" if note else title), _plain(domain_words)]
        for event_id, date, title, note, domain_words in zip(
            rows["id"], rows["date_label"], rows["title"], notes, words, strict=True
        )
    ]
