"""Dates that keep their precision: a year, a month or a day, as the source supports."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering

# A date as an event file writes it: YYYY, YYYY-MM or YYYY-MM-DD (the one pattern for reading,
# writing and the schema).
DATE_TEXT = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_BCE = re.compile(r"^-\d")
BCE_UNSUPPORTED = "BCE dates are not supported yet"
_MONTHS = tuple(calendar.month_abbr)


@total_ordering
@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to the year, the month or the day; coarser sorts first."""

    year: int
    month: int | None = None
    day: int | None = None

    def __lt__(self, other: PartialDate) -> bool:
        return self._key() < other._key()

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    @property
    def precision(self) -> str:
        """'year', 'month' or 'day'."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """The date as written in an event file: 1972, 1972-09 or 1972-09-29."""
        parts = [f"{self.year:04d}"]
        parts += [f"{part:02d}" for part in (self.month, self.day) if part is not None]
        return "-".join(parts)

    def label(self) -> str:
        """A human label at the date's precision: '1972', 'Sep 1972', '29 Sep 1972'."""
        if self.month is None:
            return str(self.year)
        month = f"{_MONTHS[self.month]} {self.year}"
        return month if self.day is None else f"{self.day} {month}"

    def first_day(self) -> dt.date:
        """The first day the date covers."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The last day the date covers (31 Dec for a year, the month's end for a month)."""
        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        return self.iso()


def parse_partial_date(value: object) -> PartialDate:
    """Read YYYY, YYYY-MM or YYYY-MM-DD (a string, a YAML int year, or a date).

    Raises ValueError with a message that says how to fix the value.
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, bool):
        raise ValueError(f"expected a date such as 2019, 2019-05 or 2019-05-07, got {value!r}")
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int):
        if 0 < value < 1000:  # YAML read an unquoted year: 0794 stays text, but 0500 is octal for 320
            raise ValueError(
                f"{value} is not a four-digit year; write a year before 1000 with four digits in quotes, "
                'e.g. "0794" (YAML reads an unquoted 0500 as the octal number 320)'
            )
        value = f"{value:04d}" if value >= 0 else str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a date such as 2019, 2019-05 or 2019-05-07, got {type(value).__name__}")
    text = value.strip()
    if not DATE_TEXT.match(text):
        if _BCE.match(text):
            raise ValueError(f"'{value}' is before year 1; {BCE_UNSUPPORTED}")
        raise ValueError(f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(part) for part in text.split("-")]
    year, month, day = parts + [None] * (3 - len(parts))
    if year == 0:
        raise ValueError(
            f"'{value}' is in year 0, which does not exist (1 BCE was followed by 1 CE); {BCE_UNSUPPORTED}"
        )
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{value}' has month {month}; months run from 01 to 12")
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            name = calendar.month_name[month]
            raise ValueError(
                f"'{value}' does not exist: {name} {year} has {last} days; "
                "correct the day, or write only the month if the day is not known"
            )
    return PartialDate(year, month, day)
