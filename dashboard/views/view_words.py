"""A view in words: its filters line by line, its title and subtitle, and a file name for it.

The explorer, the embed, the brief, downloads and link previews all say a view the same way."""

from __future__ import annotations

import re

from ..core.dataset_like import DatasetLike
from ..core.filters import ViewState
from ..core.slugs import slugify
from .catalog import View

# A title that ends in the years it covers ("…, 1972–2019"): a narrower view replaces them.
_TITLE_PERIOD = re.compile(r"[,:]?\s*\(?\d{4}(?:\s*[–-]\s*\d{4})?\)?$")


def _either(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def describe_view(state: ViewState, dataset: DatasetLike) -> list[str]:
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


def view_title(dataset: DatasetLike, state: ViewState) -> str:
    """The dataset's title, its closing years replaced by the view's period when it has one."""
    period = period_words(state)
    if period is None:
        return dataset.title
    base = _TITLE_PERIOD.sub("", dataset.title).strip() or dataset.title
    return f"{base}, {period}"


def view_filename(dataset: DatasetLike, state: ViewState) -> str:
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


def view_subtitle(dataset: DatasetLike, view: View) -> str:
    """What else narrows the view, in words, and how many events it shows."""
    filters = [
        line for line in describe_view(view.state, dataset) if not line.startswith(("Period:", "All events"))
    ]
    count = f"all {view.total} events" if view.count == view.total else f"{view.count} of {view.total} events"
    return " · ".join([*filters, count[0].upper() + count[1:]])
