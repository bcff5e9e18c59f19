"""What a link preview (and a search result) says of the page a URL opens: a view or a story."""

from __future__ import annotations

import re

from ..core.dataset_like import DatasetLike
from ..core.filters import ViewState
from ..core.shown import shown
from ..views.view_words import filter_lines, view_title
from .pages import preview_tags

_MARKDOWN_MARKS = re.compile(r"\]\([^)]*\)|[*_`\[\]]")


def plain(markdown: str) -> str:
    """Markdown as the words a preview shows: no emphasis marks, links reduced to their text."""
    return _MARKDOWN_MARKS.sub("", markdown)


def explorer_preview(dataset: DatasetLike, state: ViewState) -> list[dict[str, str]]:
    """Tags for the explorer at this view: a story's title and introduction, else the view in words."""
    narrative = dataset.narrative(state.story) if state.story else None
    lang = state.lang
    description = shown(dataset.description, lang).text
    if narrative is not None:
        title = f"{shown(narrative.title, lang)} — {shown(dataset.title, lang)}"
        return preview_tags(title, plain(shown(narrative.introduction, lang).text), kind="article")
    filters = [line for _kind, line in filter_lines(state, dataset)]
    return preview_tags(view_title(dataset, state), " · ".join([*filters, description]))
