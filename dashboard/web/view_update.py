"""The explorer's view update as a pure function: the inputs and what changed in, every output out.

The Dash callback (callbacks.py) only reads which input changed and calls it, so tests call it
directly with a catalog, as a browser's change would."""

from __future__ import annotations

from dataclasses import dataclass, replace

from dash import no_update

from ..core.filters import parse_view
from ..views.catalog import Catalog, Sort
from ..views.pins import PinNote
from . import ids
from .explorer_outputs import explorer_outputs
from .widgets import WIDGETS, view_from_widgets, widget_values


@dataclass(frozen=True)
class ViewInputs:
    """What the view callback reads, by the names of callbacks.VIEW_INPUTS; untrusted, as sent."""

    search: object = ""  # the page's query string
    domains: object = None
    actors: object = None
    start: object = None
    end: object = None
    query: object = None
    selected: object = None
    sort: object = None
    story: object = None
    present: object = None
    changed: object = None  # "Only new and changed": ['only'] or []
    eras: object = True
    drawn: object = None  # the view key of the figure the page was served with, until it is drawn


def update_view(
    catalog: Catalog, inputs: ViewInputs, trigger: object, pin: PinNote | None = None, accepted: str = ""
) -> dict:
    """Every output of the explorer's view callback, by the names of callbacks.VIEW_OUTPUTS.

    `trigger` is the id of the input that changed: None or the URL (the page loading) restores the
    view the URL names and sets the widgets to it; any other reads the view from the widgets (and
    `since`, the pinned version and the language from the URL). `pin`: what the page says about its
    `v=`; `accepted`: the request's Accept-Language, the language when the address has no `lang=`.
    """
    from_url = trigger in (None, ids.URL)
    parsed = parse_view(
        inputs.search if isinstance(inputs.search, str) else "", catalog.dataset, accept_language=accepted
    )
    if not from_url:
        parsed = view_from_widgets(
            catalog.dataset,
            inputs.domains,
            inputs.actors,
            inputs.start,
            inputs.end,
            inputs.query,
            inputs.selected,
            inputs.story,
            inputs.changed,
            parsed.state,
            eras=inputs.eras,
        )
    order = Sort.from_value(inputs.sort)
    present = inputs.present is True and parsed.state.story is not None
    view = catalog.view(parsed.state, order, present)
    left = not from_url and view.state.event and not view.story and not view.holds(view.state.event)
    if left:  # a filter change left the selected event out of view: its detail closes
        view = catalog.view(replace(parsed.state, event=None), order)
    table_sort = view.table_sort(order, selected=trigger == ids.SELECTED, turned=trigger == ids.SORT)
    controls = widget_values(view.state, catalog.dataset) if from_url else dict.fromkeys(WIDGETS, no_update)
    if left:
        controls["selected"] = None
    outputs = explorer_outputs(
        view,
        table_sort,
        catalog.dataset,
        parsed.notices,
        ring_only=trigger == ids.SELECTED,
        present=present,
        pin=pin,
        version=catalog.version,
        accepted=accepted,
    )
    if from_url and inputs.drawn == catalog.figure_key(view.state):
        outputs["figure"] = no_update  # the page came with this figure: drawing it again costs a redraw
    outputs["drawn"] = None if inputs.drawn else no_update  # once: later the chart may show another view
    return {**controls, "sort": table_sort.as_data(), **outputs}
