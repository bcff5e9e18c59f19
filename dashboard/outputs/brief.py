"""The briefing pack: any filtered view as a sourced memo (Markdown).

The printable page (HTML) is brief_html.py."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import replace

from ..core.dataset_like import DatasetLike
from ..core.dates import PartialDate
from ..core.filters import ViewState
from ..core.frame import date_label
from ..figures.credit import credit_line
from ..views.catalog import View
from ..views.view_words import describe_view
from .citations import Work, chronology, citation

BRIEF_KEYS = ("print",)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def briefing_state(state: ViewState) -> ViewState:
    """The view's filters without its selection or story: a briefing covers every event shown."""
    return replace(state, event=None, story=None, stop=1)


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


def brief_markdown(
    dataset: DatasetLike, view: View, url: str = "", prepared: dt.date | None = None, cited: str = ""
) -> str:
    """A memo of the view: filters in words, when and from which URL (and data version, `cited`) it
    was made, the chronology with endnote markers, each cited work once, credit."""
    notes = chronology(dataset, view)
    lines = [f"# Briefing: {_md(dataset.title)}", "", _md(dataset.description), ""]
    lines += [f"- {_md(line)}" for line in describe_view(view.state, dataset)]
    day, _iso = prepared_on(prepared)
    view_url = url + "/" + view.state.to_query()
    lines += ["", f"**{view.count} of {view.total} events**", ""]
    source = _md_link(view_url) if url else _md(view_url)
    lines += [f"Prepared on {day} from {source}" + (f"; {_md(cited)}" if cited else ""), ""]
    lines += ["## Chronology", ""]
    for event, marks in notes.entries:
        lines += [f"- **{date_label(event)} — {_md(event.title)}** [{', '.join(map(str, marks))}]", ""]
        lines += [textwrap.indent(event.summary, "  "), ""]
    lines += ["## Sources", ""]
    for number, work in enumerate(notes.sources, start=1):
        lines += _md_work(number, work)
    return "\n".join([*lines, "", "---", "", _md(credit_line(dataset)), ""])
