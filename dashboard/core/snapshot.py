"""One validated data version as an Arrow IPC file: the event table's columns plus each event's record.

A worker reads the columns it filters and draws with; the records (every field of every event, as
JSON) stay in the memory-mapped file, and an Event is built from one only when a detail panel, a
story stop or an export asks for it.
"""

from __future__ import annotations

import json
import os
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc

from .frame import EventTable, events_table
from .localized import Localized
from .model import Dataset, Domain, Era, Event, Narrative, SourceDocument
from .relations import Link, inbound_index
from .snapshot_file import PARTIAL, DamagedSnapshot, MappedSnapshot, publish

FORMAT = 6  # bump when the columns or the records change: older snapshots are then never read
RECORD = "record"
INBOUND = "inbound"  # per row, as JSON: the events whose `related` name it, with the type
NAME_COLUMNS = ("domains", "actors", "people", "tags")  # tuples of names, as the Event holds them
META_KEY = b"timeline"


def write_snapshot(dataset: Dataset, path: Path) -> None:
    """Write the dataset's table and records to path, with its checksum; readers never see half a file."""
    table = pa.Table.from_pandas(events_table(dataset).frame, preserve_index=False)
    records = pa.array([event.model_dump_json() for event in dataset.events], pa.large_string())
    inbound = inbound_index(dataset.events)
    naming = pa.array(
        [json.dumps(inbound[event.id]) if event.id in inbound else "" for event in dataset.events]
    )
    table = table.append_column(RECORD, records).append_column(INBOUND, naming)
    table = table.combine_chunks()  # one chunk: rows index it directly
    meta = {
        "format": FORMAT,
        "dataset": dataset.model_dump(mode="json", exclude={"events"}),
        "actors": dataset.actors,
    }
    table = table.replace_schema_metadata({META_KEY: json.dumps(meta, ensure_ascii=False)})
    partial = path.with_name(f".{path.name}.{os.getpid()}{PARTIAL}")
    try:
        with pa.OSFile(str(partial), "wb") as sink, ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        publish(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def read_snapshot(path: Path) -> tuple[StoredDataset, EventTable]:
    """The dataset and event table a snapshot holds (its data was validated when it was written).

    The file is checked against its checksum, then memory-mapped: the string columns stay Arrow arrays
    over its pages, which every process reading the same version shares. Name lists become tuples,
    one object per distinct list. Raises DamagedSnapshot if the file is missing or not as written.
    """
    mapped = MappedSnapshot(path)
    try:
        table = ipc.open_file(pa.BufferReader(mapped.buffer)).read_all()
        meta = json.loads(table.schema.metadata[META_KEY])
    except (pa.ArrowException, ValueError, KeyError, TypeError) as error:
        raise DamagedSnapshot(f"{path.name} cannot be read ({error})", mapped.inode) from None
    if meta.get("format") != FORMAT:
        found = meta.get("format")
        raise DamagedSnapshot(f"{path.name} has snapshot format {found}, not {FORMAT}", mapped.inode)
    nested = (RECORD, INBOUND, *NAME_COLUMNS)
    frame = table.select([name for name in table.column_names if name not in nested]).to_pandas()
    shared: dict = {}  # one object per distinct name list
    for name in NAME_COLUMNS:
        frame[name] = [
            shared.setdefault(names, names) for names in map(tuple, table.column(name).to_pylist())
        ]
    frame = frame[[name for name in table.column_names if name not in (RECORD, INBOUND)]]
    ids, records, inbound = (_one_chunk(table.column(name)) for name in ("id", RECORD, INBOUND))
    dataset = StoredDataset(meta["dataset"], meta["actors"], ids, records, inbound, mapped)
    by_domain, by_actor = (_rows_by_name(_one_chunk(table.column(name))) for name in ("domains", "actors"))
    return dataset, EventTable(frame, by_domain, by_actor)


def _one_chunk(column: pa.ChunkedArray) -> pa.Array:
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()


def _rows_by_name(lists: pa.ListArray) -> dict[str, np.ndarray]:
    """Which rows name each value of a list column (frame.rows_by_name, in Arrow: 50 times faster)."""
    names = pc.list_flatten(lists).dictionary_encode()
    codes, rows = names.indices.to_numpy(), pc.list_parent_indices(lists).to_numpy().astype(np.int64)
    order = np.argsort(codes, kind="stable")
    codes, rows = codes[order], rows[order]
    cuts = np.flatnonzero(np.diff(codes)) + 1
    vocabulary = names.dictionary.to_pylist()
    groups = zip(np.split(codes, cuts), np.split(rows, cuts), strict=True)
    return {vocabulary[group[0]]: found for group, found in groups}


class StoredDataset:
    """What views read of a Dataset, with events built one at a time from their stored records."""

    def __init__(
        self,
        meta: dict,
        actors: list[str],
        ids: pa.Array,
        records: pa.Array,
        inbound: pa.Array,
        file: MappedSnapshot,
    ):
        self.language: str = meta["language"]
        self.translated_by: dict[str, str] = meta["translated_by"]
        self.title = Localized.from_written(meta["title"], self.language)
        self.description = Localized.from_written(meta["description"], self.language)
        # The file's language tells each text which of its languages is the plain one.
        self._in_language = {"language": self.language}
        document = meta.get("source_document")
        self.source_document = SourceDocument.model_validate(document) if document else None
        context = self._in_language
        self.domains = tuple(Domain.model_validate(item, context=context) for item in meta["domains"])
        self.narratives = tuple(Narrative.model_validate(one, context=context) for one in meta["narratives"])
        self.eras = tuple(Era.model_validate(era) for era in meta["eras"])
        self._actors, self._ids, self._records, self._inbound = actors, ids, records, inbound
        self.intact = file.intact  # whether the mapped file is still as verified (checked per request)
        self._id_order = pc.sort_indices(ids).to_numpy()  # 8 bytes an event, not a dict of strings
        self._event = lru_cache(maxsize=1024)(self._build)

    @property
    def actors(self) -> list[str]:
        """Every actor named in the events, sorted."""
        return list(self._actors)

    @property
    def event_count(self) -> int:
        return len(self._ids)

    def row(self, event_id: str) -> int | None:
        """The table row of the event with this id (a binary search of the ids in sorted order)."""
        order, ids = self._id_order, self._ids
        place = bisect_left(range(len(order)), event_id, key=lambda i: ids[order[i]].as_py())
        found = place < len(order) and ids[order[place]].as_py() == event_id
        return int(order[place]) if found else None

    @property
    def events(self) -> tuple[Event, ...]:
        """Every event, built now (exports of everything only: 100k events take seconds)."""
        return tuple(self._build(row) for row in range(len(self._records)))

    def event(self, event_id: str) -> Event | None:
        """The event with this id, if any."""
        row = self.row(event_id) if isinstance(event_id, str) else None
        return None if row is None else self._event(row)

    def events_at(self, rows: Iterable[int]) -> list[Event]:
        """The events of these table rows, built now (an export's rows, with no id lookups)."""
        return [self._build(row) for row in rows]

    def inbound(self, event_id: str) -> list[Link]:
        """The events whose `related` name this one, with the relation's type."""
        row = self.row(event_id) if isinstance(event_id, str) else None
        stored = "" if row is None else self._inbound[row].as_py()
        return [Link(*pair) for pair in json.loads(stored)] if stored else []

    def _build(self, row: int) -> Event:
        return Event.model_validate_json(self._records[row].as_py(), context=self._in_language)

    def narrative(self, narrative_id: str) -> Narrative | None:
        """The narrative with this id, if any."""
        return next((n for n in self.narratives if n.id == narrative_id), None)
