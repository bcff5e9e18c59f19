"""How much room a timeline's labels need: text widths in the chart's font, the rows each lane's
labels take when laid out as assets/js/placement.js lays them out, and the lanes' heights that follow.

The rows come from placement.py's `place`, the rule the browser and the server's drawings use. The
browser measures and places the labels itself; the server uses these estimates to size the
lanes (a full lane gets rows from an empty one) and to decide whether the whole span can open
titled, before any browser has seen the chart.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

import numpy as np

from .placement import place

# Advance widths of Noto Sans (assets/vendor/noto-sans) in thousandths of the font size, measured
# with a canvas in Chromium; CJK text is one em per character, anything else about 0.6 em.
_ASCII = (
    "260 269 408 646 572 831 732 225 300 300 551 572 268 322 268 372 572 572 572 572 572 572 572 572 572 "
    "572 268 268 572 572 572 434 899 639 650 632 730 556 519 728 741 339 273 619 524 907 760 781 605 781 "
    "622 549 556 731 600 930 586 566 572 329 372 329 572 444 281 561 615 480 615 564 344 615 618 258 258 "
    "534 258 935 618 605 615 615 413 479 361 618 508 786 529 510 470 380 551 380 572"
)
WIDTHS = dict(zip(map(chr, range(32, 127)), map(int, _ASCII.split()), strict=True)) | {
    "–": 500,
    "—": 1000,
    "’": 175,
    "‘": 175,
    "“": 359,
    "”": 359,
    "…": 791,
    "·": 268,
}
OTHER_WIDTH = 600
WIDE_WIDTH = 1000
PAD_PX = 6  # placement.js adds this to every measured width (the label's box padding)
ROW_PX = 22  # one row of labels (flat.js ROW_PX)
FIRST_PX = 16  # from a lane's marks to its first row of labels (flat.js FIRST_PX)
NAME_PX = 34  # under a lane's line: its name, which the lane below's labels must not reach
TOP_PX = 8  # above the top lane's last row
MIN_ROWS = 1
MAX_ROWS = 12


def text_px(text: str, size: float) -> float:
    """The width of `text` in the chart's font at `size` px, with a label's padding."""
    thousandths = 0
    for char in text:
        width = WIDTHS.get(char)
        if width is None:
            wide = unicodedata.east_asian_width(char) in "WF"
            width = WIDE_WIDTH if wide else OTHER_WIDTH
        thousandths += width
    return thousandths * size / 1000 + PAD_PX


def lane_positions(rows: Sequence[int], row_px: float = ROW_PX) -> tuple[list[float], float]:
    """Each lane's baseline in px from the bottom lane's (lanes listed bottom first) and the top of
    the plot, when each lane has room for its rows of labels above its marks."""
    positions, at = [], 0.0
    for count in rows:
        positions.append(at)
        at += FIRST_PX + count * row_px + NAME_PX
    top = positions[-1] + FIRST_PX + rows[-1] * row_px + TOP_PX if rows else 0.0
    return positions, top


def x_pixels(times_ms: np.ndarray, x_range_ms: tuple[float, float], plot_px: float) -> np.ndarray:
    """Where times fall, in px from the plot's left edge, on a date axis showing `x_range_ms`."""
    low, high = x_range_ms
    return (times_ms - low) / max(high - low, 1.0) * plot_px


def fit_rows(needed: Sequence[int], most: int) -> list[int]:
    """The rows each lane gets when together they may have at most `most`: the fullest give way first."""
    rows = list(needed)
    while sum(rows) > most and max(rows) > MIN_ROWS:
        rows[rows.index(max(rows))] -= 1
    return rows


def lane_rows(
    times_ms: np.ndarray,
    texts: Sequence[str],
    importance: Sequence[int],
    lanes: Sequence[int],
    lane_count: int,
    x_range_ms: tuple[float, float],
    plot_px: float,
    size: float,
) -> list[int]:
    """The rows of labels each lane (by index) needs for all its titles at this range and width."""
    xs = x_pixels(np.asarray(times_ms, dtype=float), x_range_ms, plot_px)
    labels = [
        {"x": x, "y": lane, "importance": rank, "text": text}
        for x, lane, rank, text in zip(xs.tolist(), lanes, importance, texts, strict=True)
    ]
    width_of = cache(lambda text: text_px(text, size))
    need = place(labels, lambda x: x, plot_px, lambda lane: MAX_ROWS, False, width_of).need
    return [max(MIN_ROWS, min(need.get(lane, MIN_ROWS), MAX_ROWS + 1)) for lane in range(lane_count)]
