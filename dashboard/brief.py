"""The briefing pack: any filtered view as a sourced memo (Markdown) and a printable page (HTML)."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, replace
from html import escape

from .catalog import View
from .exports import credit_line
from .figures import numbered, timeline_figure
from .filters import ViewState
from .frame import date_label
from .model import Dataset, Event, Source
from .standalone import json_script

BRIEF_KEYS = ("print",)
# Fits the text width of both A4 and Letter inside 16 mm side margins (A4: 178 mm ≈ 672 px).
CHART_WIDTH = 660
CHART_CONFIG = {"staticPlot": True, "displayModeBar": False, "responsive": False}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def briefing_state(state: ViewState) -> ViewState:
    """The view's filters without its selection or story: a briefing covers every event shown."""
    return replace(state, event=None, story=None, stop=1)


def _either(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def describe_view(state: ViewState, dataset: Dataset) -> list[str]:
    """The filters in words, one line each, so a printed page says what it leaves out."""
    labels = {domain.id: domain.label for domain in dataset.domains}
    lines = []
    if state.domains is not None:
        chosen = [labels.get(domain, domain) for domain in state.domains]
        lines.append("Domains: " + (_either(chosen) if chosen else "none"))
    if state.actors:
        lines.append("Actors: " + _either(list(state.actors)))
    start, end = (state.start and state.start.label()), (state.end and state.end.label())
    if start and end:
        lines.append(f"Period: {start}" if start == end else f"Period: {start} to {end}")
    elif start or end:
        lines.append(f"Period: from {start}" if start else f"Period: up to {end}")
    if state.query:
        lines.append(f"Search: “{state.query}”")
    return lines or ["All events (no filters)"]


@dataclass(frozen=True)
class Chronology:
    """The view's events in date order with their endnote numbers, and the sources numbered."""

    entries: tuple[tuple[Event, tuple[int, ...]], ...]
    sources: tuple[Source, ...]


def chronology(dataset: Dataset, view: View) -> Chronology:
    """Number each distinct source once, in the order the events first cite it."""
    numbers: dict[Source, int] = {}
    entries = []
    for event_id in view.rows["id"]:
        event = dataset.event(event_id)
        marks = [numbers.setdefault(source, len(numbers) + 1) for source in event.sources]
        entries.append((event, tuple(dict.fromkeys(marks))))
    return Chronology(tuple(entries), tuple(numbers))


def citation(source: Source) -> str:
    """Outlet, “title”, date at its precision: an endnote before its link and quote."""
    title = f"“{source.title}”" if source.title else None
    return ", ".join(part for part in (source.outlet, title, source.date and source.date.label()) if part)


def _md(text: str) -> str:
    """Plain text kept literal in Markdown: no emphasis, links or HTML from data."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _md_link(url: str) -> str:
    """A URL as a Markdown autolink; '<' and '>' percent-encoded so data cannot open HTML."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"


def brief_markdown(dataset: Dataset, view: View) -> str:
    """A memo of the view: filters in words, the chronology with endnote markers, sources, credit."""
    notes = chronology(dataset, view)
    lines = [f"# Briefing: {_md(dataset.title)}", "", _md(dataset.description), ""]
    lines += [f"- {_md(line)}" for line in describe_view(view.state, dataset)]
    lines += ["", f"**{view.count} of {view.total} events**", "", "## Chronology", ""]
    for event, marks in notes.entries:
        lines += [f"- **{date_label(event)} — {_md(event.title)}** [{', '.join(map(str, marks))}]", ""]
        lines += [textwrap.indent(event.summary, "  "), ""]
    lines += ["## Sources", ""]
    for number, source in enumerate(notes.sources, start=1):
        parts = [_md(citation(source)) + ".", source.url and _md_link(source.url)]
        parts.append(source.quote and f"“{_md(source.quote)}”")
        lines.append(f"{number}. " + " ".join(part for part in parts if part))
    return "\n".join([*lines, "", "---", "", _md(credit_line(dataset)), ""])


def _chart(dataset: Dataset, view: View, numbers: dict[str, int]) -> str:
    """The view's timeline at print width, drawn still, each label numbered as its row in the
    chronology (so paper, even in black and white, ties a mark to its row); the page prints its
    credit as text."""
    if view.rows.empty:
        return '<p class="empty">No events match these filters.</p>'
    figure = numbered(timeline_figure(view.rows, dataset.domains, None, view.state.domains), numbers)
    figure["layout"] = dict(figure["layout"], width=CHART_WIDTH, autosize=False)
    label = f"Timeline of the {view.count} events below"
    return (
        f'<figure class="chart"><div id="chart" role="img" aria-label="{escape(label)}"></div></figure>\n'
        f"{json_script('figure-data', figure)}\n{json_script('config-data', CHART_CONFIG)}"
    )


def _row(number: int, event: Event, marks: tuple[int, ...], labels: dict[str, str]) -> str:
    notes = ", ".join(f'<a href="#note-{n}">{n}</a>' for n in marks)
    return (
        f'<tr id="event-{escape(event.id)}"><td class="number">{number}</td>'
        f'<td class="date">{escape(date_label(event))}</td>'
        f'<td><strong>{escape(event.title)}</strong><p class="summary">{escape(event.summary)}</p></td>'
        f"<td>{escape(', '.join(labels.get(d, d) for d in event.domains))}</td>"
        f'<td>{escape(", ".join(event.actors))}</td><td class="notes">{notes}</td></tr>'
    )


def _endnote(number: int, source: Source) -> str:
    link = f' <a href="{escape(source.url)}">{escape(source.url)}</a>.' if source.url else ""
    quote = f' <q class="quote">{escape(source.quote)}</q>' if source.quote else ""
    return f'<li id="note-{number}">{escape(citation(source))}.{link}{quote}</li>'


def brief_page(dataset: Dataset, view: View, assets: dict[str, str], notices: tuple[str, ...] = ()) -> str:
    """A printable briefing: title, filters in words, a still chart, the chronology, numbered sources."""
    notes = chronology(dataset, view)
    labels = {domain.id: domain.label for domain in dataset.domains}
    filters = "".join(f"<li>{escape(line)}</li>" for line in describe_view(view.state, dataset))
    notice_html = "".join(f'<p class="notice">{escape(notice)}</p>' for notice in notices)
    rows = "\n".join(
        _row(number, event, marks, labels) for number, (event, marks) in enumerate(notes.entries, start=1)
    )
    numbers = {event.id: number for number, (event, _) in enumerate(notes.entries, start=1)}
    endnotes = "\n".join(_endnote(number, s) for number, s in enumerate(notes.sources, start=1))
    explorer = "/" + view.state.to_query()
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Briefing: {escape(dataset.title)}</title>
<link rel="stylesheet" href="{assets["fonts"]}">
<link rel="stylesheet" href="{assets["css"]}">
<script src="{assets["plotly"]}" defer></script>
<script src="{assets["labels"]}" defer></script>
<script src="{assets["js"]}" defer></script>
</head>
<body>
<main class="brief">
<p class="actions"><button type="button" id="print-button">Print / Save as PDF</button>
<a href="{escape(explorer)}">Back to the explorer</a></p>
<header>
<p class="kicker">Briefing</p>
<h1>{escape(dataset.title)}</h1>
<p class="description">{escape(dataset.description)}</p>
</header>
{notice_html}
<section class="view" aria-label="Filters">
<ul class="filters">{filters}</ul>
<p class="count">{view.count} of {view.total} events</p>
</section>
{_chart(dataset, view, numbers)}
<h2>Chronology</h2>
<table class="chronology">
<thead><tr><th><abbr title="Number on the chart">No.</abbr></th>
<th>Date</th><th>Event</th><th>Domains</th><th>Actors</th><th>Sources</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<h2>Sources</h2>
<ol class="endnotes">
{endnotes}
</ol>
<p class="credit">{escape(credit_line(dataset))}</p>
</main>
</body>
</html>
"""
