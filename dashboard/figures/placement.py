"""Where a chart's level labels go, as assets/js/placement.js places them: the same greedy rows, so
the chart the server draws (outputs/svg_chart.py) titles the events labels.js would title.

A line-for-line port of placement.js's `place` and `cut`; tests/test_placement.py runs both on the
same labels and widths and asks for the same answer. Change the two together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

GAP_PX = 8  # the least room between two labels in a row
MIN_CUT_PX = 72  # a label cut shorter than this says too little: number it instead
MAX_ROWS = 30
TRAILING = re.compile(r"[\s,;:–-]+$")

Box = tuple[float, float]


@dataclass(frozen=True)
class Spot:
    """A shown label: its row above the lane, the side of its mark it stands on ("left": its left
    edge at the mark), its text, and whether that text is its number alone."""

    row: int
    side: str
    text: str
    short: bool = False


def cut(text: str, room: float, width_of: Callable[[str], float]) -> str:
    """The longest start of `text` (cut at a word where it can be, with "…") that fits in `room` px."""
    if width_of(text) <= room:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if width_of(text[:middle].rstrip() + "…") <= room:
            low = middle
        else:
            high = middle - 1
    part = text[:low]
    space = part.rfind(" ")
    if space > low * 0.6:
        part = part[:space]
    return TRAILING.sub("", part) + "…"


def _free(boxes: list[Box], low: float, high: float) -> bool:
    return not any(low < box[1] + GAP_PX and high > box[0] - GAP_PX for box in boxes)


def _room_at(boxes: list[Box], x: float, width: float) -> Box:
    left, right = 0.0, width
    for box in boxes:
        if box[1] + GAP_PX <= x:
            left = max(left, box[1] + GAP_PX)
        elif box[0] - GAP_PX >= x:
            right = min(right, box[0] - GAP_PX)
        else:
            left = right = x
    return left, right


def important_first(labels: Sequence[dict]) -> list[int]:
    """The labels' indexes, most important first, then from the left (earliest first)."""
    return sorted(range(len(labels)), key=lambda i: (-labels[i]["importance"], labels[i]["x"]))


def _whole_spot(boxes: list[list[Box]], x: float, size: float, width: float):
    for row in range(MAX_ROWS):
        if len(boxes) <= row:
            boxes.append([])
        for side, low in (("left", x), ("right", x - size)):
            high = low + size
            if low >= 0 and high <= width and _free(boxes[row], low, high):
                return row, side, (low, high)
    return None


def _cut_spot(boxes: list[list[Box]], x: float, width: float, limit: int):
    best = None
    for row in range(limit):
        left, right = _room_at(boxes[row], x, width)
        spot = ("left", right - x) if right - x >= x - left else ("right", x - left)
        if spot[1] >= MIN_CUT_PX and (best is None or spot[1] > best[2]):
            best = (row, *spot)
    return best


def _number_spot(boxes: list[list[Box]], x: float, size: float, width: float, limit: int):
    for row in range(limit):
        if _free(boxes[row], x, x + size) and x + size <= width:
            return row, "left"
        if _free(boxes[row], x - size, x) and x >= size:
            return row, "right"
    return None


@dataclass
class Placement:
    """What `place` decided: a Spot or None per label, the labels left out per lane, the rows each
    lane's whole texts take, and the labels left and right of the plot."""

    shown: list[Spot | None]
    hidden: dict[float, int]
    need: dict[float, int]
    earlier: int = 0
    later: int = 0


def place(
    labels: Sequence[dict],
    x_of: Callable[[float], float],
    width: float,
    rows_of: Callable[[float], int],
    numbered: bool,
    width_of: Callable[[str], float],
) -> Placement:
    """Where each label goes, in rows above its lane: its whole text in the first row where it fits,
    else the longest cut of it that fits beside its mark, else its number alone, else nothing."""
    rows: dict[float, list[list[Box]]] = {}
    result = Placement([None] * len(labels), {}, {})
    for index in important_first(labels):
        label = labels[index]
        x, limit, lane = x_of(label["x"]), rows_of(label["y"]), label["y"]
        boxes = rows.setdefault(lane, [])
        if x < 0:
            result.earlier += 1
            continue
        if x > width:
            result.later += 1
            continue
        number = label.get("number")
        text = f"{number} {label['text']}" if numbered and number else label["text"]
        whole = _whole_spot(boxes, x, width_of(text), width)
        if whole:
            result.need[lane] = max(result.need.get(lane, 1), whole[0] + 1)
        if whole and whole[0] < limit:
            boxes[whole[0]].append(whole[2])
            result.shown[index] = Spot(whole[0], whole[1], text)
            continue
        spot = _cut_spot(boxes, x, width, limit)
        short = cut(text, spot[2], width_of) if spot else None
        if not spot and number:
            spot = _number_spot(boxes, x, width_of(number), width, limit)
            short = number
        if not spot:
            result.hidden[lane] = result.hidden.get(lane, 0) + 1
            continue
        px = width_of(short)
        boxes[spot[0]].append((x, x + px) if spot[1] == "left" else (x - px, x))
        result.shown[index] = Spot(spot[0], spot[1], short, short == number)
    return result
