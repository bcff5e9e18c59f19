"""The briefing pack: a view in words, and any filtered view as a sourced memo (Markdown).

The printable page (HTML) is brief_html.py."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import replace

from ..core.dates import PartialDate
from ..core.filters import ViewState
from ..core.frame import date_label
from ..core.model import Dataset
from ..core.slugs import slugify
from ..figures.credit import credit_line
from ..views.catalog import View
from .citations import Work, chronology, citation

BRIEF_KEYS = ("print",)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
# A title that ends in the years it covers ("…, 1972–2019"): a narrower view replaces them.
_TITLE_PERIOD = re.compile(r"[,:]?\s*\(?\d{4}(?:\s*[–-]\s*\d{4})?\)?$")


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


def period_words(state: ViewState) -> str | None:
    """The view's period as a title says it ('Jun 2018–2019', 'from 1990'), or None if it has none."""
    start, end = (state.start and state.start.label()), (state.end and state.end.label())
    if start and end:
        return start if start == end else f"{start}–{end}"
    if start or end:
        return f"from {start}" if start else f"up to {end}"
    return None


def view_title(dataset: Dataset, state: ViewState) -> str:
    """The dataset's title, its closing years replaced by the view's period when it has one."""
    period = period_words(state)
    if period is None:
        return dataset.title
    base = _TITLE_PERIOD.sub("", dataset.title).strip() or dataset.title
    return f"{base}, {period}"


def view_filename(dataset: Dataset, state: ViewState) -> str:
    """A file name (without extension) that says which view a download holds:
    'japan-taiwan-prc-relations-military-from-2018'; the whole dataset keeps its own title's slug."""
    parts = [slugify(_TITLE_PERIOD.sub("", dataset.title).strip() or dataset.title)]
    if state.domains is not None:
        parts.append("-".join(state.domains) or "no-domains")
    parts += [slugify(actor) for actor in state.actors]
    if state.start:
        parts.append(f"from-{state.start.iso()}")
    if state.end:
        parts.append(f"to-{state.end.iso()}")
    if state.query:
        parts.append(slugify(state.query))
    name = "-".join(part for part in parts if part) if len(parts) > 1 else slugify(dataset.title)
    return slugify(name, 120) or "timeline"


def view_subtitle(dataset: Dataset, view: View) -> str:
    """What else narrows the view, in words, and how many events it shows."""
    filters = [
        line for line in describe_view(view.state, dataset) if not line.startswith(("Period:", "All events"))
    ]
    count = f"all {view.total} events" if view.count == view.total else f"{view.count} of {view.total} events"
    return " · ".join([*filters, count[0].upper() + count[1:]])


def _md(text: str) -> str:
    """Plain text kept literal in Markdown: no emphasis, links or HTML from data."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _md_link(url: str) -> str:
    """A URL as a Markdown autolink; '<' and '>' percent-encoded so data cannot open HTML."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"


def prepared_on(prepared: dt.date | None) -> tuple[str, str]:
    """The day the brief was made (today, UTC, unless given) as a label and as ISO, for its line."""
    day = prepared or dt.datetime.now(dt.UTC).date()
    return PartialDate(day.year, day.month, day.day).label(), day.isoformat()


def _md_work(number: int, work: Work) -> list[str]:
    """An endnote: the work once; one event's quote inline, or a line for each event citing it."""
    source = work.source
    head = [_md(citation(source)) + ".", source.url and _md_link(source.url)]
    if len(work.citing) == 1:
        quotes = [f"“{_md(quote)}”" for quote in work.citing[0].quotes]
        return [f"{number}. " + " ".join(p for p in [*head, *quotes] if p)]
    lines = [f"{number}. " + " ".join(p for p in [*head, f"Cited by {len(work.citing)} events:"] if p)]
    indent = " " * len(f"{number}. ")
    for cite in work.citing:
        quotes = " ".join(f"“{_md(quote)}”" for quote in cite.quotes)
        lines.append(f"{indent}- No. {cite.row}, {_md(cite.event.title)}" + (f": {quotes}" if quotes else ""))
    return lines


def brief_markdown(dataset: Dataset, view: View, url: str = "", prepared: dt.date | None = None) -> str:
    """A memo of the view: filters in words, when and from which URL it was made, the chronology
    with endnote markers, each cited work once, credit."""
    notes = chronology(dataset, view)
    lines = [f"# Briefing: {_md(dataset.title)}", "", _md(dataset.description), ""]
    lines += [f"- {_md(line)}" for line in describe_view(view.state, dataset)]
    day, _iso = prepared_on(prepared)
    view_url = url + "/" + view.state.to_query()
    lines += ["", f"**{view.count} of {view.total} events**", ""]
    lines += [f"Prepared on {day} from {_md_link(view_url) if url else _md(view_url)}", ""]
    lines += ["## Chronology", ""]
    for event, marks in notes.entries:
        lines += [f"- **{date_label(event)} — {_md(event.title)}** [{', '.join(map(str, marks))}]", ""]
        lines += [textwrap.indent(event.summary, "  "), ""]
    lines += ["## Sources", ""]
    for number, work in enumerate(notes.sources, start=1):
        lines += _md_work(number, work)
    return "\n".join([*lines, "", "---", "", _md(credit_line(dataset)), ""])
