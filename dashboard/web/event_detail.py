"""The selected event's detail: its facts, summary, sources and related events."""

from __future__ import annotations

from dash import html

from ..core.dataset_like import DatasetLike
from ..core.frame import date_label
from ..core.model import IMPORTANCE, Event
from . import ids
from .chronology import highlighted
from .detail_sections import related_section, statements_section
from .markdown_view import markdown_components


def _source_item(source) -> html.Li:
    parts: list = [html.Strong(source.outlet)]
    if source.title:
        parts += [", ", html.Cite(source.title)]
    if source.date:
        parts += [f", {source.date.label()}"]
    if source.url:
        parts += [" — ", html.A("link", href=source.url, target="_blank", rel="noopener noreferrer")]
    if source.quote:
        parts.append(html.Blockquote(f"“{source.quote}”"))
    return html.Li(parts)


def event_detail(event: Event | None, dataset: DatasetLike, query: str = "") -> list:
    """The selected event's sourced detail, or a hint when nothing is selected."""
    if event is None:
        return [
            html.P("Select an event on the chart or in the chronology to read its sources.", className="hint")
        ]
    labels = {d.id: d.label for d in dataset.domains}
    facts = [
        ("Date", date_label(event)),
        ("Domains", ", ".join(labels[d] for d in event.domains)),
        ("Actors", ", ".join(event.actors)),
    ]
    if event.people:
        facts.append(("People", ", ".join(event.people)))
    if event.tags:
        facts.append(("Tags", ", ".join(event.tags)))
    facts.append(("Importance", IMPORTANCE[event.importance]))
    children = [
        html.Div(
            [
                html.H2(
                    highlighted(event.title, query),
                    id=ids.DETAIL_TITLE,
                    tabIndex="-1",
                    **{"data-event": event.id},
                ),
                html.Div(
                    [
                        # Where the detail stands under the chart (narrow screens), a way back up to it.
                        html.Button(
                            "↑ Chart", type="button", className="to-chart", title="Back to the chart"
                        ),
                        html.Button(
                            "Close",
                            id={"type": ids.CLOSE, "id": ids.DETAIL},
                            className="close",
                            title="Close the detail",
                        ),
                    ],
                    className="detail-actions",
                ),
            ],
            className="detail-head",
        ),
        html.Dl(
            [item for name, value in facts for item in (html.Dt(name), html.Dd(value))], className="facts"
        ),
        markdown_components(event.summary, "summary"),
        *statements_section(event, query),
        html.H3("Sources"),
        html.Ol([_source_item(source) for source in event.sources], className="sources"),
        *related_section(event, dataset),
    ]
    return children
