"""A catalog's event table and domains as a reader of one language sees them: titles, chart labels,
dates and lane names in that language (each built once per language and data version), so every
figure, table and page drawn from a view speaks the view's `lang`."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..core.frame import chart_label
from ..core.i18n import DEFAULT, translator
from ..core.local_dates import event_date, with_date
from ..core.model import Domain, Event
from ..core.shown import shown


def frame_in(
    frame: pd.DataFrame, events: Sequence[Event], domains: Sequence[Domain], file_language: str, lang: str
) -> pd.DataFrame:
    """The frame with `title`, `label` and `date_label` in `lang`; `title_note`, the marker a title
    that is not in `lang` carries in a hover label (empty when it is); `domain_words`, the event's
    domains as a hover label lists them in `lang`."""
    if lang == DEFAULT and file_language == DEFAULT:
        return frame
    titles = [shown(event.title, lang) for event in events]
    comma = translator(lang).gettext(", ")
    labels = {domain.id: shown(domain.label, lang).text for domain in domains}
    chart_labels = [shown(chart_label(event), lang).text for event in events]
    dates = [event_date(event, lang) for event in events]
    return frame.assign(
        title=[title.text for title in titles],
        title_note=[title.marker for title in titles],
        domain_words=[comma.join(labels.get(d, d) for d in event.domains) for event in events],
        label=chart_labels,
        date_label=dates,
        label_with_date=[
            with_date(label, date, lang) for label, date in zip(chart_labels, dates, strict=True)
        ],
    )


def domains_in(domains: Sequence[Domain], lang: str) -> tuple[Domain, ...]:
    """The domains with their labels (the lanes' names) in `lang`, else the file's."""
    return tuple(domain.model_copy(update={"label": shown(domain.label, lang).text}) for domain in domains)
