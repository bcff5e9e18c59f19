"""The selected event's detail: its facts, summary, sources and related events."""

from __future__ import annotations

from dash import html

from ..core.dataset_like import DatasetLike
from ..core.filters import ViewState
from ..core.i18n import translator
from ..core.local_dates import event_date, local_date
from ..core.model import IMPORTANCE, Event
from ..core.shown import shown as shown_text
from . import ids
from .chronology import highlighted
from .detail_sections import related_section, statements_section
from .event_text import shown, shown_markdown


def _source_item(source, lang: str, language: str) -> html.Li:
    _ = translator(lang).gettext
    parts: list = [html.Strong(source.outlet)]
    if source.title:
        parts += [_(", "), html.Cite(source.title)]
    if source.date:
        parts += [_(", ") + local_date(source.date, lang)]
    if source.url:
        parts += [" — ", html.A(_("link"), href=source.url, target="_blank", rel="noopener noreferrer")]
    if source.quote:  # quoted verbatim, in the file's language whatever the page's
        parts.append(html.Blockquote(f"“{source.quote}”", lang=language))
    return html.Li(parts)


def event_detail(event: Event | None, dataset: DatasetLike, state: ViewState) -> list:
    """The selected event's sourced detail, or a hint when nothing is selected."""
    lang, query = state.lang, state.query
    _ = translator(lang).gettext
    if event is None:
        return [
            html.P(
                _("Select an event on the chart or in the chronology to read its sources."), className="hint"
            )
        ]
    labels = {d.id: shown_text(d.label, lang).text for d in dataset.domains}
    facts = [
        (_("Date"), event_date(event, lang)),
        (_("Domains"), _(", ").join(labels[d] for d in event.domains)),
        (_("Actors"), _(", ").join(event.actors)),
    ]
    if event.people:
        facts.append((_("People"), _(", ").join(event.people)))
    if event.tags:
        facts.append((_("Tags"), _(", ").join(event.tags)))
    facts.append((_("Importance"), _(IMPORTANCE[event.importance])))
    head = html.Div(
        [
            html.H2(
                shown(event.title, lang, lambda text: highlighted(text, query)),
                id=ids.DETAIL_TITLE,
                tabIndex="-1",
                **{"data-event": event.id},
            ),
            html.Div(
                [
                    # Where the detail stands under the chart (narrow screens), a way back up to it.
                    html.Button(
                        _("↑ Chart"), type="button", className="to-chart", title=_("Back to the chart")
                    ),
                    html.Button(
                        _("Close"),
                        id={"type": ids.CLOSE, "id": ids.DETAIL},
                        className="close",
                        title=_("Close the detail"),
                    ),
                ],
                className="detail-actions",
            ),
        ],
        className="detail-head",
    )
    return [
        head,
        html.Dl(
            [item for name, value in facts for item in (html.Dt(name), html.Dd(value))], className="facts"
        ),
        shown_markdown(event.summary, lang, "summary"),
        *statements_section(event, state, dataset.language),
        html.H3(_("Sources")),
        html.Ol(
            [_source_item(source, lang, dataset.language) for source in event.sources], className="sources"
        ),
        *related_section(event, dataset, lang),
    ]
