"""A date axis's ticks as plotly.js chooses them with `nticks` (its autoTicks and tickformatstops),
for a chart drawn without plotly: the same years, months or days, so the swap to plotly moves none.

Read from plotly.js 4.1.1 (assets/vendor): the rough step is the range over `nticks`, raised to the
next of 2, 5 or 10 × a power of ten years, or 1, 2, 3, 6, 12 months, or 1, 2, 3, 7, 14 days, counted
from plotly's tick0 (2000-01-01; Sundays from 2000-01-02 for days).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .theme import TICK_PATTERNS

DAY_MS = 86_400_000
YEAR_MS = 365.25 * DAY_MS  # plotly's ONEAVGYEAR
MONTH_MS = YEAR_MS / 12
TENS = (2, 5, 10)
MONTHS = (1, 2, 3, 6, 12)
DAYS = (1, 2, 3, 7, 14)
DAY_TICK0 = np.datetime64("2000-01-02", "D")


def date_ms(value: object) -> float:
    """A value on a date axis ('YYYY-MM-DD…' text or ms) in ms since 1970."""
    if isinstance(value, (int, float)):
        return float(value)
    return float(np.datetime64(str(value).replace(" ", "T"), "ms").astype(np.int64))


def _round_up(value: float, steps: Sequence[int]) -> int:
    """plotly's roundUp: the first step above `value` (the last if none is)."""
    return next((step for step in steps if step > value), steps[-1])


def _step(rough_ms: float) -> tuple[str, int]:
    """('M', months) or ('D', days): the step plotly takes for a rough step of `rough_ms`."""
    if 2 * rough_ms > YEAR_MS:
        years = rough_ms / YEAR_MS
        base = 10 ** math.floor(math.log10(years))
        return "M", round(12 * base * _round_up(years / base, TENS))
    if 2 * rough_ms > MONTH_MS:
        return "M", _round_up(rough_ms / MONTH_MS, MONTHS)
    return "D", _round_up(rough_ms / DAY_MS, DAYS) if 2 * rough_ms > DAY_MS else 1


def _label(day: np.datetime64, unit: str, step: int, patterns: Sequence[str]) -> str:
    """The tick's text by the figure's tickformatstops (`patterns`: a day's, a month's, a year's)."""
    text = day.astype(object)
    pattern = (
        patterns[2]
        if unit == "M" and step % 12 == 0
        else patterns[1]
        if unit == "M" or step >= 28
        else patterns[0]
    )
    return text.strftime(pattern.replace("%Y", f"{text.year:04d}"))


def date_ticks(
    low: object, high: object, nticks: int, patterns: Sequence[str] = TICK_PATTERNS
) -> list[tuple[float, str]]:
    """(ms, text) of each tick plotly draws between `low` and `high` with `nticks`, written with the
    axis's tick `patterns` (figures/theme.TICK_PATTERNS, translated where the figure's are)."""
    lo, hi = sorted((date_ms(low), date_ms(high)))
    unit, step = _step((hi - lo) / max(nticks, 1))
    first = np.datetime64(int(lo), "ms").astype("datetime64[D]")
    if unit == "M":
        months = first.astype("datetime64[M]").astype(np.int64) - np.datetime64("2000-01", "M").astype(
            np.int64
        )
        at = np.datetime64("2000-01", "M") + np.timedelta64(int(months // step * step), "M")
        days = (at + np.timedelta64(step, "M") * k for k in range(10_000))
    else:
        offset = int((first - DAY_TICK0).astype(np.int64) // step * step)
        days = (DAY_TICK0 + np.timedelta64(offset + step * k, "D") for k in range(10_000))
    ticks = []
    for day in days:
        day = np.datetime64(day, "D")
        ms = float(day.astype("datetime64[ms]").astype(np.int64))
        if ms > hi:
            break
        if ms >= lo:
            ticks.append((ms, _label(day, unit, step, patterns)))
    return ticks
