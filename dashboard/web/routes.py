"""Plain Flask routes beside the Dash app: the embed, the briefing, downloads, story links."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from urllib.parse import urlencode

from dash import Dash
from flask import Response, jsonify, make_response, redirect, request, send_file

from ..core.filters import ParsedView, ViewState, parse_view
from ..core.i18n import pick_language, translator
from ..outputs.brief import BRIEF_KEYS, briefing_state
from ..outputs.brief_html import brief_page
from ..outputs.changes_report import changes_page, since_section
from ..outputs.downloads import EXPORT_FORMATS, export_view, image_figure_of
from ..outputs.pages import PLOTLY_JS
from ..outputs.scripts import module_order
from ..outputs.standalone import EMBED_KEYS, EmbedOptions, embed_page
from ..views.languages import language_choices
from ..views.live import LiveCatalog
from ..views.view_words import view_filename
from . import paths
from .http_cache import asset_version, etag
from .pinning import Pinning

LANGUAGE_PAGES = (paths.EMBED, paths.BRIEF, paths.CHANGES, paths.DOWNLOAD_FIGURE)
EMBED_CACHE = "public, max-age=300, stale-while-revalidate=86400"
EMBED_PAGES = 16  # embed pages kept per worker, by ETag: drawing a 300-event chart takes ~0.2 s
VERSIONED_CACHE = "public, max-age=31536000, immutable"
DOWNLOAD_TYPES = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json; charset=utf-8", "json"),
    "html": ("text/html; charset=utf-8", "html"),
    "timelinejs": ("application/json; charset=utf-8", "timelinejs.json"),
    "brief": ("text/markdown; charset=utf-8", "md"),
}
# Dash serves the full plotly.js (1,436 KiB gzipped); our traces need only the basic bundle (386 KiB).
# The explorer's page loads the basic one itself (plotly_script); should dcc's Graph still ask for
# its own, it gets the basic one too.
EXPLORER_JS = "js/explorer.js"
LATIN_FONT = "/assets/vendor/noto-sans/noto-sans-latin-wght-normal.woff2"  # the URL assets/fonts.css gives it
SCRIPT_SRC = re.compile(r"<script src=")  # how Dash writes each script element of its page
FULL_PLOTLY = re.compile(r"^/_dash-component-suites/plotly/package_data/plotly(\.v[\w]+)?\.min\.js$")


def _query() -> str:
    return request.query_string.decode("utf-8", errors="replace")


def _accept_language() -> str:
    return request.headers.get("Accept-Language", "")


def _parsed(dataset, extra_keys: tuple[str, ...] = ()) -> ParsedView:
    """The request's view, its language from `lang=` else the Accept-Language header."""
    return parse_view(_query(), dataset, extra_keys=extra_keys, accept_language=_accept_language())


def _extra(keys: tuple[str, ...]) -> dict[str, str]:
    """A page's own parameters from the request (the embed's `title=off`), for its language switch."""
    return {key: request.args[key][:80] for key in keys if key in request.args}


def _origin() -> str:
    """This site's origin as the request reached it ('https://example.org'), for links that travel."""
    return request.host_url.rstrip("/")


def _asset_urls(assets: Path, paths: dict[str, str]) -> dict[str, str]:
    """Asset URLs with a content hash, so browsers refetch exactly when a file changes."""
    return {name: f"/assets/{path}?v={asset_version(assets / path)}" for name, path in paths.items()}


def plotly_script(assets: Path) -> dict[str, str]:
    """The basic plotly.js bundle as a script of the explorer's page: it compiles while the page's
    other scripts load, and dcc's Graph, finding window.Plotly, fetches no bundle of its own."""
    return {"src": _asset_urls(assets, {"plotly": PLOTLY_JS})["plotly"]}


def explorer_script(assets: Path) -> dict[str, str]:
    """The explorer's own script: an ES module (assets/js/explorer.js) that imports the rest."""
    return {"src": _asset_urls(assets, {"js": EXPLORER_JS})["js"], "type": "module"}


def _imported(assets: Path, entry: str) -> list[str]:
    """The URLs of every module an entry imports, however deep, to preload: the browser then fetches
    them all at once instead of finding each import when its importer has arrived (over an 80 ms
    link, the explorer drew 110 ms sooner)."""
    return [f"/assets/js/{name}" for name in module_order(assets / "js", entry)[:-1]]


def module_preloads(assets: Path, entry: str) -> list[dict[str, str]]:
    """The explorer's preload links, as Dash's `external_stylesheets` takes them."""
    return [{"rel": "modulepreload", "href": url} for url in _imported(assets, entry)]


def font_preload() -> dict[str, str]:
    """The page font's Latin file, fetched beside the CSS that names it rather than after it: the
    text of the first view waits for it (assets/fonts.css: `font-display: block`), so that the live
    page replacing it is never a larger paint of the same text (in the fallback font, the first view's
    title was smaller, and Lighthouse took the live one's, seconds later, as the largest paint)."""
    return {
        "rel": "preload",
        "href": LATIN_FONT,
        "as": "font",
        "type": "font/woff2",
        "crossorigin": "anonymous",
    }


def start_dash_after(app: Dash, script: dict[str, str]) -> None:
    """Start Dash's renderer once the module script has run and the page's deferred scripts too
    (`deferred`: they run before DOMContentLoaded). A module runs only after the page is parsed,
    while the renderer starts during parsing: it could call a clientside callback before the module
    had registered it. (`import()` of the same URL runs the module once; its hash is in the CSP, as
    Dash hashes its renderer's script.)"""
    parsed = 'new Promise(function (done) { document.addEventListener("DOMContentLoaded", done); })'
    start = f"function () {{ {app.renderer} }}"
    app.renderer = (
        f"var parsed = {parsed}; "  # the script runs while the page is parsed: the event is to come
        f'import("{script["src"]}").catch(console.error)'
        f".then(function () {{ return parsed; }}).then({start});"
    )


def deferred(scripts: str) -> str:
    """The page's script elements, deferred: the parser then never stops to run one (plotly.js alone
    is ~400 ms of it), so the first view drawn into the page (first_view.py) paints as soon as the
    HTML and CSS have come. They still run in their order, before DOMContentLoaded."""
    return SCRIPT_SRC.sub("<script defer src=", scripts)


def _page_assets(assets: Path, page: str) -> dict[str, str | list[str]]:
    """What a standalone page links: the shared font (and its Latin file, to preload) and plotly.js,
    its own CSS and its own script (an ES module in assets/js that imports the chart labels), and the
    modules that imports."""
    paths = {
        "fonts": "fonts.css",
        "plotly": PLOTLY_JS,
        "css": f"standalone/{page}.css",
        "js": f"js/{page}.js",
    }
    return _asset_urls(assets, paths) | {
        "imports": _imported(assets, f"{page}.js"),
        "font": LATIN_FONT,
    }


def install_routes(app: Dash, live: LiveCatalog, pinning: Pinning, assets: Path) -> None:
    """The embed, the printable briefing and data downloads of any view, story links, the health
    report; each serves the data version its `v=` pins, while the store has it (pinning.py)."""
    server = app.server
    get_catalog, change_log = pinning.get_catalog, live.change_log
    embed_assets = _page_assets(assets, "embed")
    brief_assets = _page_assets(assets, "brief")
    assets_key = repr(embed_assets)
    embed_pages: dict[str, str] = {}  # the last EMBED_PAGES pages made, oldest first
    pages_lock = threading.Lock()

    @server.before_request
    def serve_the_basic_plotly_bundle():
        if FULL_PLOTLY.match(request.path):
            return send_file(assets / PLOTLY_JS, mimetype="text/javascript", max_age=365 * 86400)
        return None

    @server.after_request
    def keep_versioned_assets(response: Response) -> Response:
        """Our asset URLs carry their version (Dash's ?m=, the standalone pages' ?v=), so a browser
        may keep them for a year: a changed file comes under a new URL."""
        versioned = "m" in request.args or "v" in request.args
        if request.path.startswith("/assets/") and versioned and response.status_code == 200:
            response.headers["Cache-Control"] = VERSIONED_CACHE
        return response

    @server.after_request
    def vary_on_the_language(response: Response) -> Response:
        """A page of ours without `lang=` is in the language of the request's Accept-Language: a
        cache must keep one copy per header (Dash's own page says its language in its URL)."""
        ours = request.path in LANGUAGE_PAGES or request.path.startswith("/download/")
        if ours and "lang" not in request.args:
            response.vary.add("Accept-Language")
        return response

    @server.get(paths.EMBED)
    def embed():
        catalog = get_catalog()
        # Article readers cannot fix the URL: its notices are dropped here (the explorer shows them).
        state = _parsed(catalog.dataset, EMBED_KEYS).state
        options = EmbedOptions.from_args(request.args)
        note = pinning.note() if pinning.gone() else None
        tag = etag(catalog.version, state.to_query(), repr(options), assets_key, repr(note))
        if request.if_none_match.contains(tag):
            response = Response(status=304)
        else:
            with pages_lock:
                page = embed_pages.pop(tag, None)
            page = page or embed_page(
                catalog.dataset, catalog.view(state), catalog.still(state), options, embed_assets,
                cited=change_log.cited(catalog.version, state.lang), note=note,
                languages=language_choices(state, _extra(EMBED_KEYS)),
            )  # fmt: skip
            with pages_lock:
                embed_pages[tag] = page
                while len(embed_pages) > EMBED_PAGES:
                    del embed_pages[next(iter(embed_pages))]
            response = make_response(page)
        response.set_etag(tag)
        response.headers["Cache-Control"] = EMBED_CACHE
        return response

    @server.get(paths.BRIEF)
    def brief():
        catalog = get_catalog()
        parsed = _parsed(catalog.dataset, BRIEF_KEYS)
        view = catalog.view(briefing_state(parsed.state))
        lang = view.state.lang
        cited = change_log.cited(catalog.version, lang)
        since = parsed.state.since
        section = None
        if since:
            found = change_log.compare(since, catalog.version)
            section = since_section(found, since, set(view.rows["id"]), lang)
        notices = (*parsed.notices, *view.notices)
        return brief_page(
            catalog.dataset, view, brief_assets, notices, url=_origin(), cited=cited, since=section,
            note=pinning.note(), languages=language_choices(view.state, _extra(BRIEF_KEYS)),
        )  # fmt: skip

    @server.get(paths.DOWNLOAD)
    def download(kind: str):
        catalog = get_catalog()
        state = _parsed(catalog.dataset).state
        _ = translator(state.lang).gettext
        if kind not in DOWNLOAD_TYPES:
            words = _("Unknown format; use one of %(formats)s.") % {"formats": ", ".join(EXPORT_FORMATS)}
            return Response(words + "\n", 404, mimetype="text/plain")
        if pinning.gone():
            note = pinning.note()
            return Response(
                f"{note.text}\n{note.link_text}: {_origin()}{note.href}\n", 410, mimetype="text/plain"
            )
        text, _notices = export_view(
            catalog, kind, _query(), url=_origin(), cited=change_log.cited(catalog.version, state.lang),
            accept_language=_accept_language(),
        )  # fmt: skip
        mimetype, extension = DOWNLOAD_TYPES[kind]
        body = "\ufeff" + text if kind == "csv" else text  # the BOM makes Excel read UTF-8
        response = Response(body, content_type=mimetype)
        filename = f"{view_filename(catalog.dataset, state)}.{extension}"
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @server.get(paths.DOWNLOAD_FIGURE)
    def image_figure():
        """The view's whole chart with its title, filters and credit drawn in, and a file name, for
        the explorer's PNG and SVG downloads (drawn in the reader's browser)."""
        catalog = get_catalog()
        state = briefing_state(_parsed(catalog.dataset).state)
        return jsonify(image_figure_of(catalog, state, change_log.cited(catalog.version, state.lang)))

    @server.get(paths.STORY)
    @server.get(paths.STORY_STOP)
    def story_link(narrative_id: str, stop: int = 1):
        return redirect("/?" + urlencode({"story": narrative_id, "stop": stop}), code=302)

    @server.get(paths.FAVICON)
    def favicon():
        return redirect("/_favicon.ico", code=301)

    @server.get(paths.STORIES)
    def story_list():
        return redirect("/#stories", code=302)

    @server.get(paths.CHANGES)
    def changes():
        catalog = get_catalog()
        since = request.args.get("since", "")[:80]
        lang = pick_language(request.args.get("lang"), _accept_language())
        found = change_log.compare(since, catalog.version)
        if found is None:
            words = translator(lang).gettext("No earlier version of the events is known.")
            return Response(words + "\n", 404, mimetype="text/plain")
        languages = language_choices(ViewState(lang=lang), {"since": since} if since else None)
        return changes_page(catalog.dataset.title, found, since, brief_assets, lang, languages)

    @server.get(paths.HEALTH)
    def health():
        report = live.health.as_json() | {"data_version": get_catalog().version}
        response = jsonify(report)
        response.headers["Cache-Control"] = "no-store"
        return response
