"""What a briefing lists under an event besides its summary: its related events by relation (both
ways) and its statements as a table of party, words and source."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.dataset_like import DatasetLike
from ..core.i18n import DEFAULT, translator
from ..core.local_dates import event_date
from ..core.model import Event
from ..core.relations import grouped
from ..core.shown import Shown, shown
from ..core.statements import quoted_in
from .citations import citation


@dataclass(frozen=True)
class Named:
    """A related event as a brief names it; `listed`: whether the brief has its row to link to."""

    id: str
    title: Shown
    date: str
    listed: bool


@dataclass(frozen=True)
class Said:
    """One statement's row: the party, its words verbatim and where they are quoted."""

    party: str
    text: str
    source: str


def relations(
    dataset: DatasetLike, event: Event, listed: set[str], lang: str = DEFAULT
) -> list[tuple[str, list[Named]]]:
    """The event's related events under the words they read as ("Responds to", "Answered by", …),
    in `lang`."""
    found = []
    for word, others in grouped(event, dataset.inbound(event.id)):
        events = [other for other in map(dataset.event, others) if other is not None]
        named = [
            Named(other.id, shown(other.title, lang), event_date(other, lang), other.id in listed)
            for other in events
        ]
        found += [(translator(lang).gettext(word), named)] if named else []
    return found


def statements(event: Event, lang: str = DEFAULT) -> list[Said]:
    """The event's statements in the order written, each with its source cited (dates in `lang`)."""
    return [
        Said(said.party, said.text, citation(quoted_in(event, said)[0], lang)) for said in event.statements
    ]
