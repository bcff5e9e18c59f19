"""One TimelineJS import: slides become event dicts, and what a person must check is counted."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from ..core.colors import SAFE_COLORS
from ..core.links import SAFE_URL
from ..core.slugs import slugify
from .html_markdown import html_to_markdown
from .timelinejs import NAMESPACE
from .timelinejs_read import (
    as_mapping,
    as_partial_date,
    as_relations,
    as_sources,
    as_statements,
    as_strings,
    as_text,
)

MAX_TITLE = 120

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


class SlideImporter:
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
        sources = as_sources(ours.get("sources"))
        media = as_mapping(slide.get("media"))
        credit = html_to_markdown(media.get("credit"), markdown=False)[0]
        url = as_text(media.get("url")) if SAFE_URL.match(as_text(media.get("url"))) else ""
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
        summary = as_text(ours.get("summary")) or summary
        if not summary:
            summary = self.fallback("no_text", html_to_markdown(text.get("headline"))[0] or title)
        return title, summary

    def event_domains(self, slide: dict, ours: dict) -> list[str]:
        domains = list(dict.fromkeys(filter(None, map(slugify, as_strings(ours.get("domains"))))))
        for domain_id in domains:
            self.declare(domain_id, domain_id)
        if domains:
            return domains
        group = html_to_markdown(slide.get("group"), markdown=False)[0]
        if group:
            return [self.group_domain(group)]
        return [self.fallback("no_group", self.declare("general", "General"))]

    def event(self, slide: dict) -> dict | None:
        ours = as_mapping(slide.get(NAMESPACE))
        date, end = as_partial_date(slide.get("start_date")), as_partial_date(slide.get("end_date"))
        if self.note("no_date", date is None):
            return None
        if self.note("bad_end", slide.get("end_date") and (end is None or end.last_day() < date.first_day())):
            end = None
        title, summary = self.title_and_summary(as_mapping(slide.get("text")), ours)
        base = slugify(as_text(slide.get("unique_id")), 80) or f"{slugify(title, 50) or 'event'}-{date.year}"
        event = {"id": self.unique(base), "date": date.iso()}
        if end:
            event["end"] = end.iso()
        event["title"] = title
        if isinstance(ours.get("label"), str) and ours["label"].strip():
            event["label"] = ours["label"].strip()[:40]
        event |= {"summary": summary, "domains": self.event_domains(slide, ours)}
        event["actors"] = as_strings(ours.get("actors")) or self.fallback("no_actors", ["Unknown"])
        event |= {key: as_strings(ours.get(key)) for key in ("people", "tags") if as_strings(ours.get(key))}
        importance = ours.get("importance")
        if importance not in (1, 2, 3) or isinstance(importance, bool):
            importance = self.fallback("no_importance", 2)
        event |= {"importance": importance, "sources": self.sources(slide, ours)}
        event["related"] = as_relations(ours.get("related"))
        statements = as_statements(ours.get("statements"), event["actors"], len(event["sources"]))
        event |= {"statements": statements} if statements else {}
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
