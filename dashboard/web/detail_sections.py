"""Two sections of the selected event's detail: its related events by relation, both ways, and what
each party said, one column per party."""

from __future__ import annotations

from dash import html

from ..core.dataset_like import DatasetLike
from ..core.filters import ViewState
from ..core.i18n import translator
from ..core.local_dates import event_date, local_date
from ..core.model import Event
from ..core.relations import grouped
from ..core.shown import shown as shown_text
from ..core.statements import by_party, quoted_in
from . import ids
from .chronology import highlighted


def related_section(event: Event, dataset: DatasetLike, lang: str) -> list:
    """ "Responds to: …", "Answered by: …", each event a button that selects it; [] when none."""
    _ = translator(lang).gettext
    groups = [
        (word, [other for other in map(dataset.event, others) if other is not None])
        for word, others in grouped(event, dataset.inbound(event.id))
    ]
    items = [
        item
        for word, others in groups
        if others
        for item in (
            html.Dt(_(word)),
            html.Dd(
                html.Ul(
                    [
                        html.Li(
                            html.Button(
                                _("%(date)s: %(title)s")
                                % {
                                    "date": event_date(other, lang),
                                    "title": shown_text(other.title, lang).text,
                                },
                                id={"type": ids.RELATED, "id": other.id},
                                className="link-button",
                            )
                        )
                        for other in others
                    ]
                )
            ),
        )
    ]
    return [html.H3(_("Related events")), html.Dl(items, className="related")] if items else []


def statements_section(event: Event, state: ViewState, language: str) -> list:
    """The event's statements in a column per party (stacked on a phone), quoted verbatim in the
    file's `language` whatever the page's; [] when none."""
    if not event.statements:
        return []
    _ = translator(state.lang).gettext
    columns = []
    for party, said in by_party(event):
        quotes = []
        for statement in said:
            source, number = quoted_in(event, statement)
            where = _(", ").join(
                filter(None, (source.outlet, source.date and local_date(source.date, state.lang)))
            )
            quote = html.Blockquote(["“", *highlighted(statement.text, state.query), "”"], lang=language)
            caption = (
                _("Source %(number)s: %(where)s") % {"number": number, "where": where} if number else where
            )
            quotes.append(html.Figure([quote, html.Figcaption(caption)]))
        columns.append(html.Section([html.H4(party), *quotes], className="party"))
    return [html.H3(_("Statements")), html.Div(columns, className="statements")]
