"""A view in words, in the view's language: its filters line by line, its title and subtitle, and a
file name for it.

The explorer, the embed, the brief, downloads and link previews all say a view the same way."""

from __future__ import annotations

import re

from babel.lists import format_list

from ..core.dataset_like import DatasetLike
from ..core.filters import ViewState
from ..core.i18n import DEFAULT, catalogue_name, translator
from ..core.local_dates import local_date
from ..core.shown import shown
from ..core.slugs import slugify
from .catalog import View

# A title that ends in the years it covers ("…, 1972–2019", "…（1972～2019年）"): a narrower view
# replaces them.
_TITLE_PERIOD = re.compile(r"[,:、]?\s*[(（]?\d{4}(?:\s*[–\-～~]\s*\d{4})?年?[)）]?$")
DOMAINS, ACTORS, PERIOD, SEARCH = "domains", "actors", "period", "search"


# English lists as the project always wrote them, without the serial comma (CLDR's en_GB).
LIST_LOCALES = {DEFAULT: "en_GB"}


def _either(names: list[str], lang: str) -> str:
    """'A, B or C' as `lang` writes it (CLDR's "or" list: 'A、B、またはC')."""
    return format_list(names, style="or", locale=LIST_LOCALES.get(lang, catalogue_name(lang)))


def _period(state: ViewState) -> tuple[str | None, str | None]:
    lang = state.lang
    return (state.start and local_date(state.start, lang)), (state.end and local_date(state.end, lang))


def filter_lines(state: ViewState, dataset: DatasetLike) -> list[tuple[str, str]]:
    """Each filter that narrows the view, in words, with what it is (DOMAINS, ACTORS, PERIOD, SEARCH)."""
    _ = translator(state.lang).gettext
    labels = {domain.id: shown(domain.label, state.lang).text for domain in dataset.domains}
    lines = []
    if state.domains is not None:
        chosen = [labels.get(domain, domain) for domain in state.domains]
        names = _either(chosen, state.lang) if chosen else _("none")
        lines.append((DOMAINS, _("Domains: %(names)s") % {"names": names}))
    if state.actors:
        lines.append((ACTORS, _("Actors: %(names)s") % {"names": _either(list(state.actors), state.lang)}))
    start, end = _period(state)
    if start and end:
        words = _("Period: %(start)s") if start == end else _("Period: %(start)s to %(end)s")
        lines.append((PERIOD, words % {"start": start, "end": end}))
    elif start or end:
        words = _("Period: from %(start)s") if start else _("Period: up to %(end)s")
        lines.append((PERIOD, words % {"start": start, "end": end}))
    if state.query:
        lines.append((SEARCH, _("Search: “%(query)s”") % {"query": state.query}))
    return lines


def describe_view(state: ViewState, dataset: DatasetLike) -> list[str]:
    """The filters in words, one line each, so a printed page says what it leaves out."""
    lines = [line for _kind, line in filter_lines(state, dataset)]
    return lines or [translator(state.lang).gettext("All events (no filters)")]


def period_words(state: ViewState) -> str | None:
    """The view's period as a title says it ('Jun 2018–2019', 'from 1990'), or None if it has none."""
    _ = translator(state.lang).gettext
    start, end = _period(state)
    if start and end:
        return start if start == end else _("%(start)s–%(end)s") % {"start": start, "end": end}
    if start or end:
        return (_("from %(start)s") if start else _("up to %(end)s")) % {"start": start, "end": end}
    return None


def view_title(dataset: DatasetLike, state: ViewState) -> str:
    """The dataset's title in the view's language, its closing years replaced by the view's period
    when it has one."""
    title = shown(dataset.title, state.lang).text
    period = period_words(state)
    if period is None:
        return title
    base = _TITLE_PERIOD.sub("", title).strip() or title
    return translator(state.lang).gettext("%(title)s, %(period)s") % {"title": base, "period": period}


def view_filename(dataset: DatasetLike, state: ViewState) -> str:
    """A file name (without extension) that says which view a download holds:
    'japan-taiwan-prc-relations-military-from-2018'; the whole dataset keeps its own title's slug.
    In the file's own language whatever the page's: a name is ASCII, and the same view's files
    keep one name."""
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
    _ = translator(view.state.lang).gettext
    filters = [line for kind, line in filter_lines(view.state, dataset) if kind != PERIOD]
    if view.count == view.total:
        count = _("All %(total)s events") % {"total": view.total}
    else:
        count = _("%(count)s of %(total)s events") % {"count": view.count, "total": view.total}
    return " · ".join([*filters, count])
