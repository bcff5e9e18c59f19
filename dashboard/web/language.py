"""The explorer's language: the request's Accept-Language, the switch, and the queries that carry it."""

from __future__ import annotations

from dash import html
from flask import has_request_context, request

from ..core.filters import ViewState
from ..core.i18n import pick_language, translator
from ..views.languages import language_choices
from . import ids


def accept_language() -> str:
    """The request's Accept-Language header ('' outside a request): the language when the URL has no lang=."""
    return request.headers.get("Accept-Language", "") if has_request_context() else ""


def share_query(state: ViewState) -> str:
    """The view's query with `lang=` always written: a link or embed shows what its sharer saw, in any
    reader's browser (an English page would otherwise open in Japanese for a Japanese browser)."""
    return next(choice.query for choice in language_choices(state) if choice.current)


def address_query(state: ViewState, accepted: str) -> str:
    """The address bar's query: the view's, and `lang=` wherever the browser's own languages would not
    give the page's (English chosen in a Japanese browser), so a reload keeps the choice."""
    return state.to_query() if state.lang == pick_language(None, accepted) else share_query(state)


def language_links(state: ViewState) -> list:
    """The switch's links, each language in its own name; the page's marked as current."""
    return [
        html.A(
            choice.name,
            href="/" + choice.query,
            lang=choice.lang,
            hrefLang=choice.lang,
            className="language",
            **({"aria-current": "true"} if choice.current else {}),
        )
        for choice in language_choices(state)
    ]


def language_switch(state: ViewState) -> html.Nav:
    """The switch at the page's top; the view callback redraws its links as the view changes, so
    switching keeps the filters, the selection and the story stop."""
    _ = translator(state.lang).gettext
    return html.Nav(
        language_links(state), id=ids.LANGUAGES, className="language-switch", **{"aria-label": _("Language")}
    )
