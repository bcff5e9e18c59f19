"""What every layer reads of a dataset, met alike by a validated file (model.Dataset) and by a
snapshot that builds its events on demand (snapshot.StoredDataset)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from .localized import Localized
from .model import Domain, Era, Event, Narrative, SourceDocument
from .relations import Link


@runtime_checkable
class DatasetLike(Protocol):
    """A dataset's metadata, vocabulary, narratives and eras, and its events by id or by table row."""

    title: Localized
    description: Localized
    language: str  # the file's language: the one each text's plain string is in
    translated_by: dict[str, str]  # language → who made that language's translations
    source_document: SourceDocument | None
    domains: tuple[Domain, ...]
    narratives: tuple[Narrative, ...]
    eras: tuple[Era, ...]

    @property
    def actors(self) -> list[str]:
        """Every actor named in the events, sorted."""

    @property
    def event_count(self) -> int: ...

    @property
    def events(self) -> tuple[Event, ...]:
        """Every event in date order (the event table's row order)."""

    def event(self, event_id: str) -> Event | None:
        """The event with this id, if any."""

    def narrative(self, narrative_id: str) -> Narrative | None:
        """The narrative with this id, if any."""

    def row(self, event_id: str) -> int | None:
        """The event table row of the event with this id, if any."""

    def events_at(self, rows: Iterable[int]) -> list[Event]:
        """The events of these event table rows."""

    def inbound(self, event_id: str) -> list[Link]:
        """The events whose `related` name this one, with the relation's type."""
