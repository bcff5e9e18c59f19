"""A view's chronology with endnotes: each cited work numbered once, with every event that cites it."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.dataset_like import DatasetLike
from ..core.i18n import DEFAULT
from ..core.local_dates import local_date
from ..core.model import Event, Source
from ..views.catalog import View


@dataclass(frozen=True)
class Citing:
    """One event's citation of a work: its row number in the chronology, the event, its quotes."""

    row: int
    event: Event
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class Work:
    """A cited work (outlet, title, date and link) and each event that cites it, in date order."""

    source: Source
    citing: tuple[Citing, ...]


@dataclass(frozen=True)
class Chronology:
    """The view's events in date order with their endnote numbers, and the works numbered."""

    entries: tuple[tuple[Event, tuple[int, ...]], ...]
    sources: tuple[Work, ...]


def _work_key(source: Source) -> tuple:
    return (source.outlet, source.title, source.date, source.url)


def chronology(dataset: DatasetLike, view: View) -> Chronology:
    """Number each distinct work once, in the order the events first cite it; a work cited with a
    different quote by each event (an article many events draw on) is still one endnote."""
    numbers: dict[tuple, int] = {}
    works: list[tuple[Source, list[Citing]]] = []
    entries = []
    for row, event_id in enumerate(view.rows["id"], start=1):
        event = dataset.event(event_id)
        marks = []
        for source in event.sources:
            number = numbers.setdefault(_work_key(source), len(numbers) + 1)
            if number > len(works):
                works.append((source.model_copy(update={"quote": None}), []))
            citing = works[number - 1][1]
            quotes = (source.quote,) if source.quote else ()
            if citing and citing[-1].event is event:  # one event quoting the work twice: one line
                citing[-1] = Citing(row, event, citing[-1].quotes + quotes)
            else:
                citing.append(Citing(row, event, quotes))
            marks.append(number)
        entries.append((event, tuple(dict.fromkeys(marks))))
    return Chronology(tuple(entries), tuple(Work(source, tuple(citing)) for source, citing in works))


def citation(source: Source, lang: str = DEFAULT) -> str:
    """Outlet, “title”, date at its precision as `lang` writes it: an endnote before its link and
    quote. Outlet and title stay as published."""
    title = f"“{source.title}”" if source.title else None
    date = source.date and local_date(source.date, lang)
    return ", ".join(part for part in (source.outlet, title, date) if part)
