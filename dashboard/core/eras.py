"""Eras as the charts and the period filter use them: days they cover, found by id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Era


@dataclass(frozen=True, slots=True)
class Band:
    """An era's days: from the first day of its start to the last day of its end (a year or a month
    runs to its end), or, with no end, to `data_last`, the last day of the data."""

    id: str
    label: str
    first: dt.date
    last: dt.date
    domain: str | None = None


def era_bands(eras: Iterable[Era], data_last: dt.date) -> list[Band]:
    """The bands of the eras that have days before the data ends, in the file's order."""
    bands = []
    for era in eras:
        first = era.start.first_day()
        last = era.end.last_day() if era.end else data_last
        if first <= last:
            bands.append(Band(era.id, era.label, first, last, era.domain))
    return bands


def era_named(eras: Iterable[Era], era_id: str) -> Era | None:
    """The era with this id, if any."""
    return next((era for era in eras if era.id == era_id), None)
