"""The rows of the era strip: each era's row, the strip as deep as the window a chart opens on needs.

An era outside that window (one the reader pans to) shares those rows rather than adding a row that
would stand empty at the top of the chart as it opens.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.eras import Band

MAX_ROWS = 3  # eras overlapping deeper than this share the last row (their labels are cut shorter)


def _overlaps(band: Band, other: Band) -> bool:
    return band.first <= other.last and other.first <= band.last


def _first_free(rows: list[list[Band]], band: Band) -> int | None:
    return next((i for i, held in enumerate(rows) if not any(_overlaps(band, b) for b in held)), None)


def strip_rows(kept: Sequence[Band], opening: Sequence[Band]) -> dict[Band, int | None]:
    """Each band's row, those `opening` (the bands in the window the chart opens on, in time order)
    first: the first row none of its bands overlaps, past MAX_ROWS the last (the browser then cuts a
    label short at the next one in its row). The other bands of `kept` (shown once the reader pans)
    take the rows these made, sharing the last when none is free, or none when there are none."""
    rows: list[list[Band]] = []
    found: dict[Band, int | None] = {}
    for band in opening:
        row = _first_free(rows, band)
        if row is None:
            row = min(len(rows), MAX_ROWS - 1)
            rows += [[]] * (row == len(rows))
        rows[row].append(band)
        found[band] = row
    for band in (b for b in kept if b not in found):
        row = _first_free(rows, band) if rows else None
        found[band] = len(rows) - 1 if row is None and rows else row
        if rows:
            rows[found[band]].append(band)
    return found
