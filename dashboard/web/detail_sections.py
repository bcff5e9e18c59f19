"""Two sections of the selected event's detail: its related events by relation, both ways, and what
each party said, one column per party."""

from __future__ import annotations

from dash import html

from ..core.dataset_like import DatasetLike
from ..core.frame import date_label
from ..core.model import Event
from ..core.relations import grouped
from ..core.statements import by_party, quoted_in
from . import ids
from .chronology import highlighted


def related_section(event: Event, dataset: DatasetLike) -> list:
    """ "Responds to: …", "Answered by: …", each event a button that selects it; [] when none."""
    groups = [
        (word, [other for other in map(dataset.event, others) if other is not None])
        for word, others in grouped(event, dataset.inbound(event.id))
    ]
    items = [
        item
        for word, others in groups
        if others
        for item in (
            html.Dt(word),
            html.Dd(
                html.Ul(
                    [
                        html.Li(
                            html.Button(
                                f"{date_label(other)}: {other.title}",
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
    return [html.H3("Related events"), html.Dl(items, className="related")] if items else []


def statements_section(event: Event, query: str = "") -> list:
    """The event's statements in a column per party (stacked on a phone); [] when none."""
    if not event.statements:
        return []
    columns = []
    for party, said in by_party(event):
        quotes = []
        for statement in said:
            source, number = quoted_in(event, statement)
            where = ", ".join(filter(None, (source.outlet, source.date and source.date.label())))
            quote = html.Blockquote(["“", *highlighted(statement.text, query), "”"])
            quotes.append(
                html.Figure([quote, html.Figcaption(f"Source {number}: {where}" if number else where)])
            )
        columns.append(html.Section([html.H4(party), *quotes], className="party"))
    return [html.H3("Statements"), html.Div(columns, className="statements")]
