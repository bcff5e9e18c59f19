"""TimelineJS3 in and out: publish a chronology with TimelineJS, or start an event file from one."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel

from .dates import PartialDate, parse_partial_date
from .figures import SAFE_COLORS
from .frame import date_label
from .model import SLUG, Dataset, Event, Source

# TimelineJS ignores keys it does not know, so every field of ours that TimelineJS cannot
# hold (Markdown summary, actors, sources...) rides along under this one key, and importing
# our own export gives the events back exactly.
NAMESPACE = "timeline_dashboard"
MAX_TITLE = 120
SOURCE_FIELDS = ("outlet", "title", "date", "url", "quote")
CARRIED = ("summary", "domains", "actors", "people", "tags", "importance", "sources", "related")
SHEET_COLUMNS = (
    "Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, "
    "Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background"
)
_SAFE_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_DATE_TEXT = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# What a person must check after an import, in the order it is reported.
NOTES = {
    "no_date": "{events} no usable start_date (a year from 1 to 9999): skipped",
    "bad_end": "{events} an end_date that is not a date on or after the start: dropped",
    "no_group": "{events} no group: put in domain 'general' (General)",
    "no_source": "{events} no source: marked 'Imported from {origin}'",
    "media_source": "{events} only a media credit or link to cite: used it as the source",
    "unsafe_html": "{events} unsafe HTML (scripts, styles or non-http links): removed",
    "long_title": "{events} a headline over 120 characters: truncated",
    "no_headline": "{events} no headline: titled 'Untitled'",
    "no_text": "{events} no text: the headline is also the summary",
    "no_actors": "{events} no actors (TimelineJS has none): set to 'Unknown'",
    "no_importance": "{events} no importance (TimelineJS has none): set to 2 (notable)",
    "renamed": "{events} an id already used: numbered to make it unique",
}


def _date(date: PartialDate) -> dict[str, str]:
    """A TimelineJS date at our precision; strings, as in TimelineJS's own examples."""
    parts = {"year": date.year, "month": date.month, "day": date.day}
    return {key: str(value) for key, value in parts.items() if value is not None}


def _inline(text: str) -> str:
    """Escaped text with Markdown links, bold and italics turned into HTML."""
    html = escape(text)
    html = re.sub(r"\[([^\]]+)\]\((https?://[^\s)]+)\)", r'<a href="\2">\1</a>', html)
    html = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html)
    return re.sub(r"\*(\S(?:.*?\S)?)\*", r"<em>\1</em>", html)


def _paragraphs(markdown: str) -> str:
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", markdown))
    return "".join(f"<p>{_inline(block)}</p>" for block in blocks if block)


def _source_html(source: Source) -> str:
    name = escape(source.title or source.url or "")
    link = f'<a href="{escape(source.url)}">{name}</a>' if source.url else name
    quote = source.quote and f"“{escape(source.quote)}”"
    parts = (escape(source.outlet), link, source.date and source.date.label(), quote)
    return "<li>" + ", ".join(part for part in parts if part) + "</li>"


def file_fields(model: BaseModel) -> dict:
    """A model's fields as an event file writes them: ISO dates, lists, unset (None) fields left out."""
    values = {name: getattr(model, name) for name in type(model).model_fields}
    return {name: _file_value(value) for name, value in values.items() if value is not None}


def _file_value(value: object) -> object:
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, BaseModel):
        return file_fields(value)
    return [_file_value(item) for item in value] if isinstance(value, tuple) else value


def _slide(event: Event, labels: dict[str, str]) -> dict:
    slide = {"start_date": _date(event.date)} | ({"end_date": _date(event.end)} if event.end else {})
    sources = "".join(_source_html(source) for source in event.sources)
    return slide | {
        "display_date": date_label(event),
        "text": {"headline": escape(event.title), "text": f"{_paragraphs(event.summary)}<ol>{sources}</ol>"},
        "group": labels[event.domains[0]],
        "unique_id": event.id,
        NAMESPACE: {key: value for key, value in file_fields(event).items() if key in CARRIED},
    }


def to_timelinejs(dataset: Dataset, events: Iterable[Event]) -> dict:
    """TimelineJS3 JSON: a title slide, one slide per event grouped by its first domain."""
    labels = {domain.id: domain.label for domain in dataset.domains}
    document = dataset.source_document
    return {
        "title": {"text": {"headline": escape(dataset.title), "text": _paragraphs(dataset.description)}},
        "events": [_slide(event, labels) for event in events],
        NAMESPACE: {
            "description": dataset.description,
            "source_document": file_fields(document) if document else None,
            "domains": [file_fields(domain) for domain in dataset.domains],
        },
    }


_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*"}
_BREAKS = {"br": "\n", "p": "\n\n", "div": "\n\n", "li": "\n\n"}


class _Markdown(HTMLParser):
    """TimelineJS HTML as safe Markdown: text, http(s) links, bold, italics and line breaks."""

    def __init__(self, markdown: bool):
        super().__init__(convert_charrefs=True)
        self.markdown, self.parts, self.links, self.hidden, self.unsafe = markdown, [], [], 0, False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style"):
            self.hidden, self.unsafe = self.hidden + 1, True
        elif tag in _BREAKS:
            self.parts.append(_BREAKS[tag])
        elif tag in _MARKS and self.markdown:
            self.parts.append(_MARKS[tag])
        elif tag == "a":
            href = (dict(attrs).get("href") or "").strip()
            safe = bool(_SAFE_URL.match(href)) and self.markdown
            self.unsafe |= bool(href) and not _SAFE_URL.match(href)
            self.links.append(href.replace("(", "%28").replace(")", "%29") if safe else None)
            self.parts.append("[" if safe else "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden = max(self.hidden - 1, 0)
        elif tag in ("p", "div"):
            self.parts.append("\n\n")
        elif tag in _MARKS and self.markdown:
            self.parts.append(_MARKS[tag])
        elif tag == "a" and self.links:
            href = self.links.pop()
            self.parts.append(f"]({href})" if href else "")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        text = re.sub(r"\s+", " ", data)
        if self.markdown:  # text that would read as a tag, link or emphasis stays text
            text = re.sub(r"([\\`*\[\]])", r"\\\1", text).replace("<", "&lt;")
        self.parts.append(text)


def html_to_markdown(value: object, markdown: bool = True) -> tuple[str, bool]:
    """Text from TimelineJS HTML (Markdown, or plain with markdown=False), and whether unsafe parts went."""
    parser = _Markdown(markdown)
    parser.feed(value if isinstance(value, str) else "")
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return (text if markdown else " ".join(text.split())), parser.unsafe


def slugify(text: str, limit: int = 60) -> str:
    """Lowercase ASCII words joined by hyphens ('Arts & Culture' → 'arts-culture')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _strings(value: object) -> list[str]:
    return [item.strip() for item in value if _text(item)] if isinstance(value, list) else []


def _partial(value: object) -> PartialDate | None:
    parts = [str(_mapping(value).get(key, "")).strip() for key in ("year", "month", "day")]
    if not parts[0].isdigit() or not 1 <= int(parts[0]) <= 9999:
        return None
    text = f"{int(parts[0]):04d}"
    for part in parts[1:]:
        if not part.isdigit():
            break
        text += f"-{int(part):02d}"
    try:
        return parse_partial_date(text)
    except ValueError:
        return None


def _domains(value: object) -> list[dict]:
    """Domain declarations carried in our namespaced key, kept only where well formed."""
    domains = []
    for item in value if isinstance(value, list) else []:
        item = _mapping(item)
        if re.match(SLUG, _text(item.get("id"))) and _text(item.get("label")):
            color = _text(item.get("color"))
            color_field = {"color": color} if re.match(r"^#[0-9A-Fa-f]{6}$", color) else {}
            domains.append({"id": item["id"].strip(), "label": item["label"].strip()} | color_field)
    return domains


def _sources(value: object) -> list[dict]:
    sources = []
    for item in value if isinstance(value, list) else []:
        item = _mapping(item)
        if _text(item.get("outlet")):
            fields = {key: _text(item.get(key)) for key in SOURCE_FIELDS}
            fields["url"] = fields["url"] if _SAFE_URL.match(fields["url"]) else ""
            sources.append({key: text for key, text in fields.items() if text})
    return sources


class _Import:
    """One import's state: the domains declared, the ids taken, and what to tell the person."""

    def __init__(self, origin: str, declared: list[dict]):
        self.origin = origin
        self.notes: Counter[str] = Counter()
        self.domains = {domain["id"]: domain for domain in declared}
        self.from_groups: list[str] = []
        self.ids: set[str] = set()

    def declare(self, domain_id: str, label: str) -> str:
        if domain_id not in self.domains:
            used = {domain.get("color") for domain in self.domains.values()}
            color = next((c for c in SAFE_COLORS if c not in used), SAFE_COLORS[len(used) % len(SAFE_COLORS)])
            self.domains[domain_id] = {"id": domain_id, "label": label, "color": color}
        return domain_id

    def group_domain(self, group: str) -> str:
        by_label = {domain["label"].casefold(): key for key, domain in self.domains.items()}
        if group.casefold() in by_label:
            return by_label[group.casefold()]
        domain_id = slugify(group) or f"group-{len(self.domains) + 1}"
        if domain_id not in self.domains:
            self.from_groups.append(domain_id)
        return self.declare(domain_id, group)

    def unique(self, base: str) -> str:
        candidate, number = base, 1
        while candidate in self.ids:
            number += 1
            candidate = f"{base}-{number}"
        self.notes["renamed"] += number > 1
        self.ids.add(candidate)
        return candidate

    def note(self, key: str, happened: object = True) -> bool:
        self.notes[key] += bool(happened)
        return bool(happened)

    def sources(self, slide: dict, ours: dict) -> list[dict]:
        sources = _sources(ours.get("sources"))
        media = _mapping(slide.get("media"))
        credit = html_to_markdown(media.get("credit"), markdown=False)[0]
        url = _text(media.get("url")) if _SAFE_URL.match(_text(media.get("url"))) else ""
        if not sources and self.note("media_source", credit or url):
            sources = [{"outlet": credit or urlsplit(url).hostname} | ({"url": url} if url else {})]
        if not sources and self.note("no_source"):
            sources = [{"outlet": f"Imported from {self.origin}"}]
        return sources

    def fallback(self, key: str, value: object) -> object:
        self.notes[key] += 1
        return value

    def title_and_summary(self, text: dict, ours: dict) -> tuple[str, str]:
        title, unsafe_title = html_to_markdown(text.get("headline"), markdown=False)
        if not title:
            title = self.fallback("no_headline", "Untitled")
        if self.note("long_title", len(title) > MAX_TITLE):
            title = title[: MAX_TITLE - 1].rstrip() + "…"
        summary, unsafe_text = html_to_markdown(text.get("text"))
        self.note("unsafe_html", unsafe_title or unsafe_text)
        summary = _text(ours.get("summary")) or summary
        if not summary:
            summary = self.fallback("no_text", html_to_markdown(text.get("headline"))[0] or title)
        return title, summary

    def event_domains(self, slide: dict, ours: dict) -> list[str]:
        domains = list(dict.fromkeys(filter(None, map(slugify, _strings(ours.get("domains"))))))
        for domain_id in domains:
            self.declare(domain_id, domain_id)
        if domains:
            return domains
        group = html_to_markdown(slide.get("group"), markdown=False)[0]
        if group:
            return [self.group_domain(group)]
        return [self.fallback("no_group", self.declare("general", "General"))]

    def event(self, slide: dict) -> dict | None:
        ours = _mapping(slide.get(NAMESPACE))
        date, end = _partial(slide.get("start_date")), _partial(slide.get("end_date"))
        if self.note("no_date", date is None):
            return None
        if self.note("bad_end", slide.get("end_date") and (end is None or end.last_day() < date.first_day())):
            end = None
        title, summary = self.title_and_summary(_mapping(slide.get("text")), ours)
        base = slugify(_text(slide.get("unique_id")), 80) or f"{slugify(title, 50) or 'event'}-{date.year}"
        event = {"id": self.unique(base), "date": date.iso()}
        if end:
            event["end"] = end.iso()
        event |= {"title": title, "summary": summary, "domains": self.event_domains(slide, ours)}
        event["actors"] = _strings(ours.get("actors")) or self.fallback("no_actors", ["Unknown"])
        event |= {key: _strings(ours.get(key)) for key in ("people", "tags") if _strings(ours.get(key))}
        importance = ours.get("importance")
        if importance not in (1, 2, 3) or isinstance(importance, bool):
            importance = self.fallback("no_importance", 2)
        event |= {"importance": importance, "sources": self.sources(slide, ours)}
        event["related"] = _strings(ours.get("related"))
        return event

    def report(self, eras: int) -> list[str]:
        def events(count: int) -> str:
            return f"{count} event has" if count == 1 else f"{count} events have"

        lines = [
            NOTES[key].format(events=events(self.notes[key]), origin=self.origin)
            for key in NOTES
            if self.notes[key]
        ]
        if self.from_groups:
            named = ", ".join(f"{key} ({self.domains[key]['label']})" for key in self.from_groups)
            lines.append(f"declared domains from TimelineJS groups: {named}; check their labels and colours")
        if eras:
            lines.append(f"{eras} era{'s' * (eras != 1)} ignored: event files have no eras")
        return lines


def from_timelinejs(data: object, origin_name: str) -> tuple[dict, list[str]]:
    """An event file (a plain dict in our schema) from TimelineJS3 JSON, and what to check by hand.

    Raises ValueError when the data is not TimelineJS JSON or no event has a usable date.
    """
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ValueError("not TimelineJS JSON: expected an object with an 'events' list")
    ours = _mapping(data.get(NAMESPACE))
    state = _Import(origin_name, _domains(ours.get("domains")))
    events = [event for event in map(state.event, map(_mapping, data["events"])) if event]
    if not events:
        raise ValueError("no event has a usable start_date, so there is nothing to import")
    ids = {event["id"] for event in events}
    for event in events:
        event["related"] = [related for related in event["related"] if related in ids]
        if not event["related"]:
            del event["related"]
    title_text = _mapping(_mapping(data.get("title")).get("text"))
    document = {key: _text(value) for key, value in _mapping(ours.get("source_document")).items()}
    document = {key: document[key] for key in ("title", "outlet", "date", "url") if document.get(key)}
    result = {
        "title": html_to_markdown(title_text.get("headline"), markdown=False)[0]
        or f"Imported from {origin_name}",
        "description": _text(ours.get("description"))
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


class _EventFileDumper(yaml.SafeDumper):
    """A safe dumper that never writes anchors or aliases (event files refuse them)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Quoted, so YAML cannot read 1972 as a number or 1972-09-29 as a date object.
    style = '"' if _DATE_TEXT.match(value) else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_EventFileDumper.add_representer(str, _represent_text)


def dump_event_file(data: dict) -> str:
    """YAML for an event file: keys in schema order, UTF-8 text, dates quoted, no anchors, no folding."""
    return yaml.dump(data, Dumper=_EventFileDumper, sort_keys=False, allow_unicode=True, width=1_000_000)
