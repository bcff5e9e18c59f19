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
    labels = {domain.id: domain.label for domain in domains}
    named: dict[tuple[str, ...], str] = {}  # one text per distinct list of domains
    for ids in rows["domains"]:
        if ids not in named:
            named[ids] = _plain(", ".join(labels.get(d, d) for d in ids))
    return [
        [event_id, _plain(date), _plain(title), named[ids]]
        for event_id, date, title, ids in zip(
            rows["id"], rows["date_label"], rows["title"], rows["domains"], strict=True
        )
    ]
