"""One data version per request, named in its X-Data-Version header: the current one, or the one a
link pins with `v=` while the store still has it (views/pins.py)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from dash import Dash
from flask import Response, g, has_request_context, request

from ..core.i18n import pick_language
from ..core.version_ref import version_ref
from ..views.catalog import Catalog
from ..views.live import LiveCatalog
from ..views.pins import PinNote, Pins

LAYOUT_PATH = "/_dash-layout"


def pinned_ref(query: str) -> str:
    """The version a query's `v=` names, in canonical form ('' when none or malformed: the view's
    parser gives the notice)."""
    values = [value for key, value in parse_qsl(query.lstrip("?")) if key == "v"]
    return (version_ref(values[-1]) or "") if values else ""


class Pinning:
    """The catalog each request serves: taken when it starts, so a reload mid-request never mixes
    versions; pinned by the request's own `v=` (the layout: its page's, given as the referrer; a
    callback: its page's address, see pin)."""

    def __init__(self, live: LiveCatalog):
        self.live = live
        self.pins = Pins(live.store, live.change_log)

    def install(self, app: Dash) -> None:
        @app.server.before_request
        def take_the_catalog():
            g.current = g.catalog = self.live.get()
            page = urlsplit(request.referrer or "").query if request.path == LAYOUT_PATH else None
            self.pin(request.query_string.decode("utf-8", errors="replace") if page is None else page)

        @app.server.after_request
        def name_the_data_version(response: Response) -> Response:
            if "catalog" in g:
                response.headers["X-Data-Version"] = g.catalog.version
            return response

    def pin(self, query: str) -> None:
        """Serve this request from the version the query's `v=` names, if the store has it; else
        from the current one, with a note that says so."""
        ref = pinned_ref(query)
        pinned = self.pins.catalog(ref, g.current) if ref else None
        g.catalog = pinned or g.current
        g.pin_gone = bool(ref) and pinned is None
        lang = pick_language(dict(parse_qsl(query)).get("lang"), request.headers.get("Accept-Language"))
        g.pin_note = self.pins.note(ref, pinned, g.current, lang) if ref else None

    def get_catalog(self) -> Catalog:
        return g.catalog if has_request_context() and "catalog" in g else self.live.get()

    def gone(self) -> bool:
        """Whether the request's `v=` names a version the store no longer has (the current is served)."""
        return has_request_context() and g.get("pin_gone", False)

    def note(self) -> PinNote | None:
        """What the request's page says about its `v=` (None: not pinned, or pinned to the current one)."""
        return g.get("pin_note") if has_request_context() else None
