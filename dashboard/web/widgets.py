"""The explorer's widgets and the view: widget values to a view and back, and plotly zoom events."""

from __future__ import annotations

import datetime as dt

from ..core.dataset_like import DatasetLike
from ..core.filters import CHANGED_ONLY, ParsedView, ViewState, view_from_values

WIDGETS = ("domains", "actors", "start", "end", "query", "selected", "story", "changed", "eras")


def view_from_widgets(
    dataset: DatasetLike,
    domains,
    actors,
    start,
    end,
    query,
    selected,
    story,
    changed,
    url: ViewState,
    eras=True,
) -> ParsedView:
    """The view the explorer's widgets describe (story is the {'story', 'stop'} store); what no
    widget sets (`since`, the pinned version, the language) is the page address's (`url`); `eras`
    is the Eras switch's value."""
    story = story if isinstance(story, dict) else {}
    return view_from_values(
        dataset,
        domains=domains,
        actors=actors,
        start=start,
        end=end,
        query=query,
        event=selected,
        story=story.get("story"),
        stop=story.get("stop", 1),
        since=url.since,
        changed=changed if url.since else None,
        version=url.version,
        eras=eras,
        lang=url.lang,
    )


def widget_values(state: ViewState, dataset: DatasetLike) -> dict:
    """The widget values that show a view, by the names in WIDGETS."""
    return {
        "domains": [d.id for d in dataset.domains] if state.domains is None else list(state.domains),
        "actors": list(state.actors),
        "start": state.start.iso() if state.start else "",
        "end": state.end.iso() if state.end else "",
        "query": state.query,
        "selected": state.event,
        "story": {"story": state.story, "stop": state.stop} if state.story else None,
        "changed": [CHANGED_ONLY] if state.changed_only else [],
        "eras": state.eras,
    }


def zoom_range(relayout: object) -> tuple[str, str] | bool | None:
    """The x range a plotly relayout event zoomed to; None for a reset; False if it is not a zoom."""
    if not isinstance(relayout, dict):
        return False
    if relayout.get("xaxis.autorange") is True:
        return None
    bounds = relayout.get("xaxis.range")
    if not isinstance(bounds, list):
        bounds = [relayout.get("xaxis.range[0]"), relayout.get("xaxis.range[1]")]
    if len(bounds) != 2 or not all(isinstance(bound, str) for bound in bounds):
        return False
    try:
        start, end = (dt.date.fromisoformat(bound[:10]) for bound in bounds)
    except ValueError:
        return False
    return (start.isoformat(), end.isoformat()) if start < end else False
