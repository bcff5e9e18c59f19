"""The view state (filters and selection), its URL form, and the events it shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

import numpy as np
import pandas as pd

from .dataset_like import DatasetLike
from .dates import PartialDate, parse_partial_date
from .days import day_value
from .eras import era_named
from .frame import EventTable
from .i18n import DEFAULT, LANGUAGES, match_language, pick_language
from .notices import Notices
from .search import search_words
from .untrusted import ascii_int
from .version_ref import version_ref

MAX_QUERY_CHARS = 200
MAX_STOP = 10_000
# A notice about ignored values names at most this many: a crafted list of 10,000 unknown actors
# gets one short notice, not an answer a thousand times its size.
NAMED_IN_NOTICE = 3
VIEW_KEYS = (
    "domains",
    "actors",
    "from",
    "to",
    "q",
    "event",
    "story",
    "stop",
    "since",
    "changed",
    "v",
    "era",
    "eras",
    "lang",
)
SWITCH = {"on": True, "off": False}  # the values of eras=
FILTERED_STORY = "view"
CHANGED_ONLY = "only"  # changed=only: the events new or changed since `since`


@dataclass(frozen=True)
class ViewState:
    """What the reader is looking at.

    `domains=None` shows every domain (an empty tuple, none); empty `actors` means any actor.
    `since` names an earlier data version whose changes are marked (`changed_only`: and only they
    are shown); `version` pins the data version shown (views/pins.py). Both are names as written
    (core/version_ref.py): which version they mean is the history's question.
    `eras`: whether the charts draw the file's eras behind the lanes.
    """

    domains: tuple[str, ...] | None = None
    actors: tuple[str, ...] = ()
    start: PartialDate | None = None
    end: PartialDate | None = None
    query: str = ""
    event: str | None = None
    story: str | None = None
    stop: int = 1
    since: str = ""
    changed_only: bool = False
    version: str = ""
    lang: str = (
        DEFAULT  # the reader's language (core/i18n.py): the search also reads the text translated into it
    )
    eras: bool = True

    @property
    def filters_set(self) -> int:
        """How many filters narrow the view: domains, actors, the period and the search each count once."""
        return sum(
            (self.domains is not None, bool(self.actors), bool(self.start or self.end), bool(self.query))
        )

    def to_params(self) -> dict[str, str]:
        """The URL parameters for this view, omitting defaults."""
        params = {
            "domains": None if self.domains is None else ",".join(self.domains),
            "actors": ",".join(self.actors),
            "from": self.start.iso() if self.start else "",
            "to": self.end.iso() if self.end else "",
            "q": self.query,
            "event": self.event or "",
            "story": self.story or "",
            "stop": str(self.stop) if self.story else "",
            "since": self.since,
            "changed": CHANGED_ONLY if self.changed_only else "",
            "v": self.version,
            "eras": "" if self.eras else "off",
            "lang": self.lang if self.lang != DEFAULT else "",
        }
        return {key: value for key, value in params.items() if value or (key == "domains" and value == "")}

    def to_query(self) -> str:
        """The query string ('?domains=...') for this view, or '' for the default view."""
        params = self.to_params()
        return "?" + urlencode(params, safe=",:") if params else ""


@dataclass(frozen=True)
class ParsedView:
    """A view read from a URL, with a notice for every value that was ignored."""

    state: ViewState
    notices: tuple[str, ...] = field(default=())


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def ignored_notice(notices: Notices, what: str, values: list[str]) -> None:
    """One notice for every ignored value of a kind, naming the first few."""
    names = ", ".join(f"'{value[:40]}'" for value in values[:NAMED_IN_NOTICE])
    if len(values) > NAMED_IN_NOTICE:
        more = len(values) - NAMED_IN_NOTICE
        names = notices.gettext("%(names)s and %(more)s more") % {"names": names, "more": f"{more:,}"}
    count = len(values)
    words = {
        "parameter": notices.ngettext(
            "Unknown parameter %(names)s ignored.", "Unknown parameters %(names)s ignored.", count
        ),
        "domain": notices.ngettext(
            "Unknown domain %(names)s ignored.", "Unknown domains %(names)s ignored.", count
        ),
        "actor": notices.ngettext(
            "Unknown actor %(names)s ignored.", "Unknown actors %(names)s ignored.", count
        ),
    }
    notices.append(words[what] % {"names": names})


def _known(values: list[str], allowed: list[str], what: str, notices: Notices) -> tuple[str, ...]:
    by_fold = {name.casefold(): name for name in allowed}
    kept, unknown = [], []
    for value in values:
        name = by_fold.get(value.casefold())
        if name is None:
            unknown.append(value)
        elif name not in kept:
            kept.append(name)
    if unknown:
        ignored_notice(notices, what, unknown)
    return tuple(kept)


def _date(value: str, key: str, notices: Notices) -> PartialDate | None:
    try:
        date = parse_partial_date(value) if value else None
        if date is not None:
            date.first_day()  # raises for a year with no calendar day, such as 0000
        return date
    except ValueError:
        notices.append(
            notices.gettext("'%(key)s=%(value)s' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); ignored.")
            % {"key": key, "value": value[:40]}
        )
        return None


def parse_view(
    query: str, dataset: DatasetLike, extra_keys: tuple[str, ...] = (), accept_language: str = ""
) -> ParsedView:
    """Read a view from a query string, ignoring (with a notice) what does not fit the dataset. Its
    language is the URL's `lang=`, else the request's Accept-Language header's (core/i18n.py)."""
    params: dict[str, str] = {}
    unknown: list[str] = []
    for key, value in parse_qsl(query.lstrip("?"), keep_blank_values=True):
        if key in VIEW_KEYS:
            params[key] = value
        elif key not in extra_keys and not key.startswith("utm_"):
            unknown.append(key)
    asked = params.get("lang", "")
    lang = pick_language(asked, accept_language)
    notices = Notices(lang)
    if unknown:
        ignored_notice(notices, "parameter", unknown)
    if asked and match_language(asked) is None:
        notices.append(
            notices.gettext("Unknown language '%(asked)s' ignored; languages are %(languages)s.")
            % {"asked": asked[:40], "languages": ", ".join(LANGUAGES)}
        )
    lists = {key: _split(params[key]) if key in params else None for key in ("domains", "actors")}
    parsed = view_from_values(
        dataset,
        domains=lists["domains"],
        actors=lists["actors"],
        start=params.get("from", ""),
        end=params.get("to", ""),
        query=params.get("q", ""),
        event=params.get("event"),
        story=params.get("story"),
        stop=params.get("stop", "1"),
        since=params.get("since", ""),
        changed=params.get("changed", ""),
        version=params.get("v", ""),
        era=params.get("era"),
        eras=params.get("eras", True),
        lang=lang,
    )
    return ParsedView(parsed.state, tuple(notices) + parsed.notices)


def view_from_values(
    dataset: DatasetLike,
    *,
    domains: object = None,
    actors: object = None,
    start: object = "",
    end: object = "",
    query: object = "",
    event: object = None,
    story: object = None,
    stop: object = 1,
    since: object = "",
    changed: object = "",
    version: object = "",
    era: object = None,
    eras: object = True,
    lang: object = DEFAULT,
) -> ParsedView:
    """Build a view from untrusted values (URL or widgets): anything that does not fit is dropped.

    `domains=None` means every domain; a list keeps only the known ids in it. `era` (an era's id)
    sets the period to the era's, where `start` or `end` is not given; `eras` is True, False, 'on'
    or 'off'. `lang` (one of core/i18n.LANGUAGES, else English) is the language of the notices.
    """
    lang_code = lang if isinstance(lang, str) and lang in LANGUAGES else DEFAULT
    notices = Notices(lang_code)
    start, end = _era_period(dataset, era, start, end, notices)
    all_domains = [d.id for d in dataset.domains]
    chosen = _known(_strings(domains), all_domains, "domain", notices) if domains is not None else None
    if chosen is not None and (set(chosen) == set(all_domains) or (not chosen and _strings(domains))):
        chosen = None  # every domain, or only unknown ones (already noticed): no domain filter
    start_date = _date(_text(start), "from", notices)
    end_date = _date(_text(end), "to", notices)
    if start_date and end_date and end_date.last_day() < start_date.first_day():
        notices.append(
            notices.gettext("'from=%(start)s' is after 'to=%(end)s'; the period was ignored.")
            % {"start": start_date, "end": end_date}
        )
        start_date = end_date = None
    query_text = _text(query).strip()
    if len(query_text) > MAX_QUERY_CHARS:
        notices.append(
            notices.gettext("The search text was cut to %(count)s characters.") % {"count": MAX_QUERY_CHARS}
        )
        query_text = query_text[:MAX_QUERY_CHARS]
    event_id = _text(event) or None
    if event_id is not None and dataset.event(event_id) is None:
        notices.append(notices.gettext("Unknown event '%(id)s' ignored.") % {"id": event_id[:40]})
        event_id = None
    story_id = _text(story) or None
    if story_id is not None and story_id != FILTERED_STORY and dataset.narrative(story_id) is None:
        notices.append(notices.gettext("Unknown story '%(id)s' ignored.") % {"id": story_id[:40]})
        story_id = None
    stop_number = _stop(stop, notices) if story_id else 1
    since_ref = _version_ref(_text(since), "since", notices)
    state = ViewState(
        domains=chosen,
        actors=_known(_strings(actors), dataset.actors, "actor", notices),
        start=start_date,
        end=end_date,
        query=query_text,
        event=event_id,
        story=story_id,
        stop=stop_number,
        since=since_ref,
        changed_only=_changed_only(changed, since_ref, notices),
        version=_version_ref(_text(version), "v", notices),
        eras=_switch(eras, notices) if dataset.eras else True,
        lang=lang_code,
    )
    return ParsedView(state, tuple(notices))


def _era_period(dataset: DatasetLike, era: object, start: object, end: object, notices: Notices) -> tuple:
    """The period's bounds: those given, else the named era's (an open era runs to the data's end)."""
    era_id = _text(era)
    if not era_id:
        return start, end
    found = era_named(dataset.eras, era_id)
    if found is None:
        notices.append(notices.gettext("Unknown era '%(id)s' ignored.") % {"id": era_id[:40]})
        return start, end
    return _text(start) or found.start.iso(), _text(end) or (found.end.iso() if found.end else "")


def _switch(value: object, notices: Notices) -> bool:
    if isinstance(value, bool):
        return value
    if _text(value) in SWITCH:
        return SWITCH[value]
    notices.append(
        notices.gettext("'eras=%(value)s' is not on or off; eras are shown.") % {"value": _text(value)[:40]}
    )
    return True


def _stop(value: object, notices: Notices) -> int:
    number = value if isinstance(value, int) and not isinstance(value, bool) else ascii_int(value)
    if number is not None and 1 <= number <= MAX_STOP:
        return number
    if isinstance(value, str):
        shown = value[:40]
    else:  # an int from a widget: a huge one is not written out (str() refuses past 4,300 digits)
        shown = str(number) if number is not None and abs(number) < 10**9 else ""
    notices.append(
        notices.gettext("'stop=%(value)s' is not a stop number; starting at stop 1.") % {"value": shown}
    )
    return 1


def _version_ref(value: str, key: str, notices: Notices) -> str:
    ref = version_ref(value) if value else ""
    if ref is None:
        notices.append(
            notices.gettext(
                "'%(key)s=%(value)s' is not a data version (6 or more of its characters) or a day "
                "(YYYY-MM-DD); ignored."
            )
            % {"key": key, "value": value[:40]}
        )
    return ref or ""


def _changed_only(value: object, since: str, notices: Notices) -> bool:
    """changed=only (a URL) or ['only'] (the explorer's checkbox); it needs a `since` to mean anything."""
    asked = value == CHANGED_ONLY or (isinstance(value, list | tuple) and CHANGED_ONLY in value)
    if value and not asked and isinstance(value, str):
        notices.append(
            notices.gettext("'changed=%(value)s' is not understood (use changed=only); ignored.")
            % {"value": value[:40]}
        )
    if asked and not since:
        notices.append(
            notices.gettext("'changed=only' needs since=<version or day> to say since when; ignored.")
        )
    return asked and bool(since)


def _strings(value: object) -> list[str]:
    if not isinstance(value, list | tuple):
        return []
    return [item for item in value if isinstance(item, str)]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _mask(
    table: EventTable,
    state: ViewState,
    within: np.ndarray | None,
    *,
    domains: bool = True,
    actors: bool = True,
) -> np.ndarray:
    frame = table.frame
    mask = np.ones(len(frame), dtype=bool) if within is None else within.copy()
    if domains and state.domains is not None:
        mask &= table.naming(table.domain_rows, state.domains)
    if actors and state.actors:
        mask &= table.naming(table.actor_rows, state.actors)
    if state.start:
        mask &= (frame["last_day"] >= day_value(state.start.first_day())).to_numpy()
    if state.end:
        mask &= (frame["start"] <= day_value(state.end.last_day())).to_numpy()
    for word in search_words(state.query):
        mask &= table.matching(word, state.lang)
    return mask


def event_mask(table: EventTable, state: ViewState, within: np.ndarray | None = None) -> np.ndarray:
    """Which rows of the table the view's filters keep (of the rows `within` allows, if given: the
    events new or changed since a version, which the table alone cannot tell)."""
    return _mask(table, state, within)


def filter_events(table: EventTable, state: ViewState) -> pd.DataFrame:
    """The rows that the view's filters keep, in date order (the selection does not filter)."""
    return table.frame[_mask(table, state, None)]


def facet_counts(
    table: EventTable, state: ViewState, within: np.ndarray | None = None
) -> tuple[dict[str, int], dict[str, int]]:
    """Events per domain and per actor, each counted under every filter but its own."""
    without_domains = _mask(table, state, within, domains=False)
    without_actors = _mask(table, state, within, actors=False)
    by_domain = {name: int(without_domains[rows].sum()) for name, rows in table.domain_rows.items()}
    by_actor = {name: int(without_actors[rows].sum()) for name, rows in table.actor_rows.items()}
    return {k: v for k, v in by_domain.items() if v}, {k: v for k, v in by_actor.items() if v}
