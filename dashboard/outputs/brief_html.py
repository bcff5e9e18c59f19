"""The briefing as a printable page: the view in words, a still chart, the chronology, endnotes."""

from __future__ import annotations

import datetime as dt
from html import escape

from markdown_it import MarkdownIt

from ..core.frame import date_label
from ..core.model import Dataset, Event
from ..figures.credit import credit_line
from ..figures.timeline import still_figure
from ..views.catalog import View
from ..views.view_words import describe_view, view_title
from .brief import prepared_on
from .citations import Work, chronology, citation
from .pages import json_script, page_head, preview_tags

# Summaries are Markdown: rendered with raw HTML off (the text is escaped) and no images; markdown-it
# refuses javascript:, vbscript:, file: and data: links.
SUMMARY_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable("image")
# Fits the text width of both A4 and Letter inside 16 mm side margins (A4: 178 mm ≈ 672 px).
CHART_WIDTH = 660
PLOT_WIDTH = CHART_WIDTH - 56  # less the chart's side margins
CHART_CONFIG = {"staticPlot": True, "displayModeBar": False, "responsive": False}


def _chart(dataset: Dataset, view: View, numbers: dict[str, int]) -> str:
    """The view's whole timeline at print width, drawn still, each label numbered as its row in the
    chronology (so paper, even in black and white, ties a mark to its row); the page prints its
    credit as text."""
    if view.rows.empty:
        return '<p class="empty">No events match these filters.</p>'
    figure = still_figure(view.rows, dataset.domains, view.state.domains, numbers, PLOT_WIDTH, flat=True)
    figure["layout"] = dict(figure["layout"], width=CHART_WIDTH, autosize=False)
    label = f"Timeline of the {view.count} events below"
    return (
        f'<figure class="chart"><div id="chart" role="img" aria-label="{escape(label)}"></div></figure>\n'
        f"{json_script('figure-data', figure)}\n{json_script('config-data', CHART_CONFIG)}"
    )


def _row(number: int, event: Event, marks: tuple[int, ...], labels: dict[str, str]) -> str:
    notes = ", ".join(f'<a href="#note-{n}">{n}</a>' for n in marks)
    summary = render_summary(event.summary)
    return (
        f'<tr id="event-{escape(event.id)}"><td class="number">{number}</td>'
        f'<td class="date">{escape(date_label(event))}</td>'
        f'<td><strong>{escape(event.title)}</strong><div class="summary">{summary}</div></td>'
        f"<td>{escape(', '.join(labels.get(d, d) for d in event.domains))}</td>"
        f'<td>{escape(", ".join(event.actors))}</td><td class="notes">{notes}</td></tr>'
    )


def render_summary(markdown: str) -> str:
    """A summary's Markdown as HTML: raw HTML stays text, images and script links are refused."""
    return SUMMARY_MARKDOWN.render(markdown)


def _quotes(quotes: tuple[str, ...]) -> str:
    return "".join(f' <q class="quote">{escape(quote)}</q>' for quote in quotes)


def _endnote(number: int, work: Work) -> str:
    """A work once, with its link; one event's quote inline, or a line for each event citing it."""
    source = work.source
    link = f' <a href="{escape(source.url)}">{escape(source.url)}</a>.' if source.url else ""
    head = f'<li id="note-{number}">{escape(citation(source))}.{link}'
    if len(work.citing) == 1:
        return head + _quotes(work.citing[0].quotes) + "</li>"
    items = "".join(
        f'<li><a href="#event-{escape(c.event.id)}">No. {c.row}</a> {escape(c.event.title)}'
        f"{_quotes(c.quotes)}</li>"
        for c in work.citing
    )
    return f'{head} Cited by {len(work.citing)} events:<ul class="citing">{items}</ul></li>'


def brief_page(
    dataset: Dataset,
    view: View,
    assets: dict[str, str],
    notices: tuple[str, ...] = (),
    url: str = "",
    prepared: dt.date | None = None,
) -> str:
    """A printable briefing: title, filters in words, when and from which URL it was made, a still
    chart, the chronology, each cited work once. `url` is the site's origin ('' keeps links relative)."""
    notes = chronology(dataset, view)
    labels = {domain.id: domain.label for domain in dataset.domains}
    lines = describe_view(view.state, dataset)
    filters = "".join(f"<li>{escape(line)}</li>" for line in lines)
    notice_html = "".join(f'<p class="notice">{escape(notice)}</p>' for notice in notices)
    rows = "\n".join(
        _row(number, event, marks, labels) for number, (event, marks) in enumerate(notes.entries, start=1)
    )
    numbers = {event.id: number for number, (event, _) in enumerate(notes.entries, start=1)}
    endnotes = "\n".join(_endnote(number, work) for number, work in enumerate(notes.sources, start=1))
    day, iso = prepared_on(prepared)
    view_url = url + "/" + view.state.to_query()
    title = f"Briefing: {view_title(dataset, view.state)}"
    tags = preview_tags(title, " · ".join([*lines, dataset.description]), kind="article")
    head = page_head(f"Briefing: {dataset.title}", tags, assets, icon='<link rel="icon" href="data:,">\n')
    explorer = "/" + view.state.to_query()
    return f"""{head}
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
<p class="prepared">Prepared on <time datetime="{iso}">{day}</time> from
<a href="{escape(view_url)}">{escape(view_url)}</a></p>
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
