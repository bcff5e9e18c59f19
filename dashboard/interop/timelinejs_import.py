"""TimelineJS3 import: start an event file from TimelineJS JSON or its spreadsheet as CSV."""

from __future__ import annotations

import csv
import io

from .html_markdown import html_to_markdown
from .timelinejs import NAMESPACE
from .timelinejs_read import as_domains, as_mapping, as_text
from .timelinejs_slides import SlideImporter

SHEET_COLUMNS = (
    "Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, "
    "Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background"
)


def from_timelinejs(data: object, origin_name: str) -> tuple[dict, list[str]]:
    """An event file (a plain dict in our schema) from TimelineJS3 JSON, and what to check by hand.

    Raises ValueError when the data is not TimelineJS JSON or no event has a usable date.
    """
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ValueError("not TimelineJS JSON: expected an object with an 'events' list")
    ours = as_mapping(data.get(NAMESPACE))
    state = SlideImporter(origin_name, as_domains(ours.get("domains")))
    events = [event for event in map(state.event, map(as_mapping, data["events"])) if event]
    if not events:
        raise ValueError("no event has a usable start_date, so there is nothing to import")
    ids = {event["id"] for event in events}
    for event in events:
        event["related"] = [
            entry for entry in event["related"] if (entry["id"] if isinstance(entry, dict) else entry) in ids
        ]
        if not event["related"]:
            del event["related"]
    title_text = as_mapping(as_mapping(data.get("title")).get("text"))
    document = {key: as_text(value) for key, value in as_mapping(ours.get("source_document")).items()}
    document = {key: document[key] for key in ("title", "outlet", "date", "url") if document.get(key)}
    result = {
        "title": html_to_markdown(title_text.get("headline"), markdown=False)[0]
        or f"Imported from {origin_name}",
        "description": as_text(ours.get("description"))
        or html_to_markdown(title_text.get("text"))[0]
        or f"Imported from {origin_name} (TimelineJS)",
    }
    result |= {"source_document": document} if "title" in document else {}
    result |= {"domains": list(state.domains.values()), "events": events}
    return result, state.report(len(data.get("eras") or []))


def from_timelinejs_csv(text: str, origin_name: str) -> tuple[dict, list[str]]:
    """An event file from a TimelineJS Google spreadsheet saved as CSV (see from_timelinejs)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = {(name or "").strip() for name in reader.fieldnames or []}
    if not {"Year", "Headline"} <= header:
        raise ValueError(f"not a TimelineJS spreadsheet; its columns are: {SHEET_COLUMNS}")
    data: dict = {"events": [], "eras": []}
    for raw in reader:
        row = {key.strip(): value.strip() for key, value in raw.items() if key and isinstance(value, str)}
        if not any(row.values()):
            continue
        slide = {
            "start_date": {key: row.get(key.title(), "") for key in ("year", "month", "day")},
            "text": {"headline": row.get("Headline", ""), "text": row.get("Text", "")},
            "media": {"url": row.get("Media", ""), "credit": row.get("Media Credit", "")},
            "group": row.get("Group", ""),
        }
        if row.get("End Year"):
            slide["end_date"] = {key: row.get(f"End {key.title()}", "") for key in ("year", "month", "day")}
        kind = row.get("Type", "").casefold()
        if kind == "title":
            data["title"] = slide
        else:
            data["eras" if kind == "era" else "events"].append(slide)
    return from_timelinejs(data, origin_name)
