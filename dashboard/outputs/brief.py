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
from ..core.i18n import DEFAULT, translator
from ..core.local_dates import event_date, local_date
from ..core.shown import shown
from ..figures.credit import credit_line
from ..views.catalog import View
from ..views.view_words import describe_view
from .brief_event import relations, statements
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


def prepared_on(prepared: dt.date | None, lang: str = DEFAULT) -> tuple[str, str]:
    """The day the brief was made (today, UTC, unless given) as `lang` writes it and as ISO, for its line."""
    day = prepared or dt.datetime.now(dt.UTC).date()
    return local_date(PartialDate(day.year, day.month, day.day), lang), day.isoformat()


def _md_work(number: int, work: Work, lang: str) -> list[str]:
    """An endnote: the work once; one event's quote inline, or a line for each event citing it."""
    source, words = work.source, translator(lang)
    head = [_md(citation(source, lang)) + ".", source.url and _md_link(source.url)]
    if len(work.citing) == 1:
        quotes = [f"“{_md(quote)}”" for quote in work.citing[0].quotes]
        return [f"{number}. " + " ".join(p for p in [*head, *quotes] if p)]
    count = len(work.citing)
    cited_by = words.ngettext("Cited by %(count)s event:", "Cited by %(count)s events:", count) % {
        "count": count
    }
    lines = [f"{number}. " + " ".join(p for p in [*head, cited_by] if p)]
    indent = " " * len(f"{number}. ")
    for cite in work.citing:
        quotes = " ".join(f"“{_md(quote)}”" for quote in cite.quotes)
        row = words.gettext("No. %(row)s") % {"row": cite.row}
        title = _md(shown(cite.event.title, lang).marked)
        lines.append(f"{indent}- {row}, {title}" + (f": {quotes}" if quotes else ""))
    return lines


def _cell(text: str) -> str:
    return _md(text).replace("|", "\\|")


def _md_extras(dataset: DatasetLike, event, listed: set[str], lang: str) -> list[str]:
    """The event's statements as a table, then its related events by relation, each block spaced."""
    _ = translator(lang).gettext
    lines = []
    said = statements(event, lang)
    if said:
        lines += [f"| {_('Party')} | {_('Statement')} | {_('Source')} |", "|---|---|---|"]
        lines += [f"| {_cell(s.party)} | “{_cell(s.text)}” | {_cell(s.source)} |" for s in said] + [""]
    for word, named in relations(dataset, event, listed, lang):
        others = "; ".join(f"{_md(other.title.marked)} ({other.date})" for other in named)
        lines += [_("%(word)s:") % {"word": word} + " " + others, ""]
    return lines


def brief_markdown(
    dataset: DatasetLike, view: View, url: str = "", prepared: dt.date | None = None, cited: str = ""
) -> str:
    """A memo of the view in its language: filters in words, when and from which URL (and data
    version, `cited`) it was made, the chronology with endnote markers, each cited work once, credit."""
    lang = view.state.lang
    _ = translator(lang).gettext
    notes = chronology(dataset, view)
    title = _("Briefing: %(title)s") % {"title": shown(dataset.title, lang).marked}
    lines = [f"# {_md(title)}", "", _md(shown(dataset.description, lang).marked), ""]
    lines += [f"- {_md(line)}" for line in describe_view(view.state, dataset)]
    day, _iso = prepared_on(prepared, lang)
    view_url = url + "/" + view.state.to_query()
    count = _("%(count)s of %(total)s events") % {"count": view.count, "total": view.total}
    lines += ["", f"**{count}**", ""]
    source = _md_link(view_url) if url else _md(view_url)
    prepared_line = _("Prepared on %(day)s from %(url)s") % {"day": day, "url": source}
    lines += [prepared_line + (_("; %(cited)s") % {"cited": _md(cited)} if cited else ""), ""]
    lines += [f"## {_('Chronology')}", ""]
    listed = {event.id for event, _marks in notes.entries}
    for event, marks in notes.entries:
        head = f"{event_date(event, lang)} — {_md(shown(event.title, lang).marked)}"
        lines += [f"- **{head}** [{', '.join(map(str, marks))}]", ""]
        lines += [textwrap.indent(shown(event.summary, lang).marked, "  "), ""]
        lines += [textwrap.indent(line, "  ") for line in _md_extras(dataset, event, listed, lang)]
    lines += [f"## {_('Sources')}", ""]
    for number, work in enumerate(notes.sources, start=1):
        lines += _md_work(number, work, lang)
    return "\n".join([*lines, "", "---", "", _md(credit_line(dataset, lang=lang)), ""])
