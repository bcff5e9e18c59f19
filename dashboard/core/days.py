"""Days as the event table holds them and as plotly and JavaScript read them, for years 1–9999.

pandas' default nanosecond unit holds only 1677-09-21 … 2262-04-11, and `Timestamp.value`,
`Timestamp.strftime` (no zero-padding before year 1000) and `pd.Timestamp(n, unit="D")` go
wrong outside it. Every day column is therefore `datetime64[s]`, and every text or millisecond
count drawn from one is made here, with numpy, whatever the year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

UNIT = "datetime64[s]"
FIRST_DAY = np.datetime64("0001-01-01", "D")  # a date axis padded past these stops at them
LAST_DAY = np.datetime64("9999-12-31", "D")
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


def day_column(days: Iterable[dt.date]) -> np.ndarray:
    """Calendar days as a `datetime64[s]` array, the unit of the event table's day columns (through
    day ordinals: 20 times faster than numpy converting each date object)."""
    ordinals = np.fromiter(map(dt.date.toordinal, days), dtype=np.int64)
    return (ordinals - _EPOCH_ORDINAL).astype("datetime64[D]").astype(UNIT)


def day_value(day: dt.date | str) -> np.datetime64:
    """One calendar day (a date or 'YYYY-MM-DD'), to compare with a day column."""
    return np.datetime64(day, "D").astype(UNIT)


def _days(values: object) -> np.ndarray:
    if isinstance(values, pd.Timestamp):
        values = values.to_datetime64()
    return np.asarray(values).astype("datetime64[D]")


def plotly_days(values: object) -> list[str]:
    """'YYYY-MM-DD' (four-digit years, as plotly's date axis and `Date.parse` want) for each
    datetime64 value or Timestamp; days before year 1 or after 9999 become its first or last day."""
    days = np.clip(_days(values), FIRST_DAY, LAST_DAY)
    return np.datetime_as_string(days, unit="D").tolist()


def plotly_day(value: pd.Timestamp | np.datetime64) -> str:
    """'YYYY-MM-DD' for one day (see `plotly_days`)."""
    return plotly_days([_days(value)])[0]


def epoch_ms(values: object) -> np.ndarray:
    """Milliseconds since 1970-01-01 UTC (JavaScript's time value) of each day, as int64."""
    return _days(values).astype("datetime64[ms]").astype(np.int64)


def day_ms(value: pd.Timestamp | np.datetime64) -> int:
    """Milliseconds since 1970-01-01 UTC of one day (see `epoch_ms`)."""
    return int(epoch_ms(value))
