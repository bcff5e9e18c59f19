"""The event-file schema as immutable pydantic models: the public contract of the data."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    PrivateAttr,
    StringConstraints,
    Tag,
    WithJsonSchema,
    model_serializer,
)

from .colors import COLOR, SAFE_COLORS
from .dates import DATE_TEXT, PartialDate, parse_partial_date
from .i18n import DEFAULT, N_
from .links import SAFE_URL, URL_START, safe_scheme
from .localized import Language, translatable, translated_by
from .relations import TYPES, Link, inbound_index
from .slugs import SLUG

_RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z][^>]*>|<!--")
_LINK_SCHEME = re.compile(
    r"(?<!\\)\]\(\s*<?\s*([A-Za-z][A-Za-z0-9+.-]*):|^\s*\[[^\]]+\]:\s*<?([A-Za-z][A-Za-z0-9+.-]*):", re.M
)

DEFAULT_DOMAINS = (
    {"id": "diplomatic", "label": "Diplomatic", "color": SAFE_COLORS[0]},
    {"id": "economic", "label": "Economic", "color": SAFE_COLORS[1]},
    {"id": "military", "label": "Military", "color": SAFE_COLORS[2]},
)


def _http_url(value: str) -> str:
    if not SAFE_URL.match(value):
        raise ValueError(f"'{value}' is not an http(s) link; only http:// and https:// URLs are allowed")
    return value


def _no_raw_html(value: str) -> str:
    if _RAW_HTML.search(value):
        raise ValueError("raw HTML is not allowed; use Markdown (e.g. **bold**, [text](https://...))")
    for match in _LINK_SCHEME.finditer(value):
        scheme = (match.group(1) or match.group(2)).lower()
        if not safe_scheme(scheme):
            raise ValueError(f"a link uses '{scheme}:'; Markdown links must be http:// or https://")
    return value


def _has_entries(value: object) -> object:
    if isinstance(value, list | tuple) and not value:
        raise ValueError("needs at least one entry")
    return value


NonEmpty = BeforeValidator(_has_entries)
# An event's lists (domains, actors, people, tags, sources, related) and a file's domains hold at
# most this many entries: the bundled file's longest has 7, and one event with 100,000 actors made
# the explorer's layout 20.9 MB.
MAX_ENTRIES = 50
Bounded = Field(max_length=MAX_ENTRIES)
Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(strict=True, pattern=SLUG)]
Url = Annotated[
    str,
    StringConstraints(strict=True, pattern=URL_START),
    AfterValidator(_http_url),
]
Markdown = Annotated[Text, AfterValidator(_no_raw_html)]
DATE_PATTERN = "^(?!0000)" + DATE_TEXT.pattern.removeprefix("^")  # years 0001–9999: no year 0, no BCE yet
Date = Annotated[
    PartialDate,
    BeforeValidator(parse_partial_date),
    # As written in an event file, so a dumped event validates again (snapshots store events so).
    PlainSerializer(PartialDate.iso, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "YYYY, YYYY-MM or YYYY-MM-DD: the precision the source supports; "
            'a year from 0001 to 9999 (quote years before 1000: "0794")',
        }
    ),
]
Names = tuple[Text, ...]
# Text a reader sees may be written in several languages (core/localized.py); quotes, names and
# sources stay as written.
Title = translatable(Annotated[Text, StringConstraints(max_length=120)])
LocalText = translatable(Text)
LocalMarkdown = translatable(Markdown)
Label = translatable(Annotated[Text, StringConstraints(max_length=40)])
EraLabel = translatable(Annotated[Text, StringConstraints(max_length=60)])
TranslatedBy = translated_by(Text)


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Source(_Frozen):
    """Where a fact comes from."""

    outlet: Text
    title: Text | None = None
    date: Date | None = None
    url: Url | None = None
    quote: Text | None = None


RelationType = Literal[tuple(TYPES)]


class Relation(_Frozen):
    """Another event this one is related to, and how: responds-to, leads-to, part-of or same-issue
    (left out: untyped). The words each type reads as are in core/relations.py."""

    id: Slug
    type: RelationType | None = None

    @model_serializer
    def _as_written(self) -> str | dict:
        # An untyped relation is written as its bare id, as event files have always written it.
        return self.id if self.type is None else {"id": self.id, "type": self.type}


def _relation_entry(value: object) -> object:
    if isinstance(value, str):
        return {"id": value}
    if not isinstance(value, dict | Relation):
        raise ValueError("expected an event id, or {id: <event id>, type: <relation type>}")
    return value


# In a file: a bare id (untyped) or {id, type}.
RelationEntry = Annotated[Relation, BeforeValidator(_relation_entry, json_schema_input_type=Slug | Relation)]
SourceNumber = Annotated[int, Field(strict=True, ge=1, description="a source of the event, numbered from 1")]
# A statement's source is a number or a source of its own; the tags (in an error's location) say which.
NUMBERED, INLINE = "numbered-source", "inline-source"


def _source_kind(value: object) -> str | None:
    if isinstance(value, dict | Source):
        return INLINE
    return NUMBERED if isinstance(value, int) and not isinstance(value, bool) else None


StatementSource = Annotated[
    Annotated[SourceNumber, Tag(NUMBERED)] | Annotated[Source, Tag(INLINE)],
    Discriminator(
        _source_kind,
        custom_error_type="statement_source",
        custom_error_message="expected the number of one of the event's sources (1 for the first) "
        "or a source of its own ({outlet: ...})",
    ),
]


class Statement(_Frozen):
    """What one party (an actor of the event) said of it, verbatim, and where it is quoted."""

    party: Text
    text: Text
    source: StatementSource


class Domain(_Frozen):
    """One lane of the timeline, with its label and colour."""

    id: Slug
    label: LocalText
    color: Annotated[str, StringConstraints(strict=True, pattern=COLOR)] | None = None


class SourceDocument(_Frozen):
    """The document a dataset was curated from."""

    title: Text
    outlet: Text | None = None
    date: Date | None = None
    url: Url | None = None


NOTABLE = 2
IMPORTANCE = {1: N_("minor"), NOTABLE: N_("notable"), 3: N_("landmark")}  # what each rank is called


class Event(_Frozen):
    """One dated event (a point) or period (a span, when it has an end)."""

    id: Slug
    date: Date
    end: Date | None = None
    title: Title
    # What the chart writes beside the mark; without it, the title shortened at a word.
    label: Label | None = None
    summary: LocalMarkdown
    domains: Annotated[Names, NonEmpty, Bounded]
    actors: Annotated[Names, NonEmpty, Bounded]
    people: Annotated[Names, Bounded] = ()
    tags: Annotated[Names, Bounded] = ()
    # Optional: a chronology written elsewhere rarely ranks its events; unranked means "notable".
    importance: Annotated[int, Field(strict=True, ge=1, le=3)] = NOTABLE
    sources: Annotated[tuple[Source, ...], NonEmpty, Bounded]
    related: Annotated[tuple[RelationEntry, ...], Bounded] = ()
    statements: Annotated[tuple[Statement, ...], Bounded] = ()

    @property
    def is_span(self) -> bool:
        return self.end is not None


class Stop(_Frozen):
    """One step of a narrative: an event, with what to say about it and what to ask."""

    event: Slug
    note: LocalMarkdown
    question: LocalMarkdown | None = None


class Narrative(_Frozen):
    """A guided story through some of the events, in the order a teacher tells it."""

    id: Slug
    title: Title
    introduction: LocalMarkdown
    stops: Annotated[tuple[Stop, ...], NonEmpty]


class Era(_Frozen):
    """A period that frames the events (a government, a status held): a labelled band behind the
    lanes, or behind one lane with `domain`; with no end it runs to the end of the data."""

    id: Slug
    label: EraLabel
    start: Date
    end: Date | None = None
    domain: Slug | None = None
    sources: Annotated[tuple[Source, ...], NonEmpty, Bounded]


class Dataset(_Frozen):
    """A validated event file: its metadata, domain vocabulary and events in date order."""

    title: LocalText
    description: LocalText
    # The language of the file's plain text fields, and the one every map of languages must hold.
    language: Language = DEFAULT
    # Who made the translations (language → e.g. "project-made, needs review"); a string: all of them.
    translated_by: TranslatedBy = {}
    source_document: SourceDocument | None = None
    domains: Annotated[tuple[Domain, ...], NonEmpty, Bounded] = tuple(
        Domain(**domain) for domain in DEFAULT_DOMAINS
    )
    events: Annotated[tuple[Event, ...], NonEmpty]
    narratives: tuple[Narrative, ...] = ()
    eras: Annotated[tuple[Era, ...], Bounded] = ()

    _rows: dict[str, int] = PrivateAttr(default_factory=dict)
    _actors: list[str] = PrivateAttr(default_factory=list)
    _inbound: dict[str, list[Link]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object, /) -> None:
        self._rows.update((event.id, row) for row, event in enumerate(self.events))
        self._inbound.update(inbound_index(self.events))
        names = {actor for event in self.events for actor in event.actors}
        self._actors[:] = sorted(names, key=str.casefold)

    @property
    def actors(self) -> list[str]:
        """Every actor named in the events, sorted."""
        return list(self._actors)

    @property
    def event_count(self) -> int:
        return len(self.events)

    def event(self, event_id: str) -> Event | None:
        """The event with this id, if any."""
        row = self.row(event_id)
        return None if row is None else self.events[row]

    def row(self, event_id: str) -> int | None:
        """The position of the event with this id in `events` (the event table's row)."""
        return self._rows.get(event_id)

    def events_at(self, rows: Iterable[int]) -> list[Event]:
        """The events at these positions of `events`."""
        return [self.events[row] for row in rows]

    def narrative(self, narrative_id: str) -> Narrative | None:
        """The narrative with this id, if any."""
        return next((n for n in self.narratives if n.id == narrative_id), None)

    def inbound(self, event_id: str) -> list[Link]:
        """The events whose `related` name this one, with the relation's type."""
        return list(self._inbound.get(event_id, ()))


def json_schema() -> dict:
    """The JSON Schema of an event file (events/schema.json is this, for editors)."""
    schema = Dataset.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Timeline event file"} | {
        key: value for key, value in schema.items() if key != "title"
    }
