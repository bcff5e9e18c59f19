"""Guards for a public server: paths outside paths.py 404, the callback API refuses malformed requests.

Dash's /_dash-update-component accepts any JSON and answers surprises with a 500 and a
traceback in the log; these guards read the body with limits (core/untrusted.py), check its
shape against the registered callbacks first and log one line per refusal; no error ever
sends a traceback to the client.
"""

from __future__ import annotations

import logging

from dash import Dash
from dash.exceptions import DependencyException
from flask import Response, jsonify, request
from werkzeug.exceptions import HTTPException

from ..core.i18n import pick_language, translator
from ..core.untrusted import read_json
from ..outputs.pages import render
from .paths import is_known

log = logging.getLogger("dashboard.requests")
CALLBACK_PATH = "/_dash-update-component"


def _same_dependencies(sent: object, expected: list[dict]) -> bool:
    if not isinstance(sent, list) or len(sent) != len(expected):
        return False
    return all(
        isinstance(item, dict) and item.get("id") == want["id"] and item.get("property") == want["property"]
        for item, want in zip(sent, expected, strict=True)
    )


def callback_request_problem(body: object, callback_map: dict) -> str | None:
    """Why a callback request does not match a server callback of this app, or None if it does."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    spec = callback_map.get(body.get("output")) if isinstance(body.get("output"), str) else None
    if not spec or "callback" not in spec:
        return "unknown output"
    outputs = [
        dict(zip(("id", "property"), part.rsplit(".", 1), strict=True))
        for part in body["output"].strip(".").split("...")
    ]
    if not _same_dependencies(body.get("outputs"), outputs) and not _same_dependencies(
        [body.get("outputs")], outputs
    ):
        return "outputs do not match the callback"
    if not _same_dependencies(body.get("inputs"), spec["inputs"]):
        return "inputs do not match the callback"
    if not _same_dependencies(body.get("state", []), spec["state"]):
        return "state does not match the callback"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(item, str) and "." in item for item in changed):
        return "changedPropIds must be a list of 'id.property' strings"
    return None


def _language() -> str:
    """The reader's language for an error: the URL's `lang=`, else the Accept-Language header's."""
    return pick_language(request.args.get("lang"), request.headers.get("Accept-Language"))


def _not_found() -> Response:
    response = Response(render("not_found.html", lang=_language()), 404, mimetype="text/html")
    response.vary.add("Accept-Language")
    return response


def _body_problem(callback_map: dict) -> str | None:
    """Why the callback request's body is refused, or None: it must be JSON of a bounded shape
    (read here before Dash parses it) matching a registered callback."""
    if not request.is_json:
        return "the body must be JSON (Content-Type: application/json)"
    try:
        body = read_json(request.get_data(cache=True))
    except ValueError as error:
        return f"the body is {error}"
    return callback_request_problem(body, callback_map)


def install_guards(app: Dash) -> None:
    """Refuse unknown paths and malformed callback requests; keep tracebacks in the log."""
    server = app.server

    @server.before_request
    def refuse_unknown_paths():
        if not is_known(request.path):
            return _not_found()
        if request.path == CALLBACK_PATH and request.method == "POST":
            problem = _body_problem(app.callback_map)
            if problem:
                log.warning("Refused a callback request: %s", problem)
                return jsonify(error=f"invalid callback request: {problem}"), 400
        return None

    @server.errorhandler(DependencyException)
    def unknown_component_suite(_error: DependencyException):
        """Dash raises this for a script path no registered library holds: a 404, not a 500."""
        return _not_found()

    @server.errorhandler(Exception)
    def hide_tracebacks(error: Exception):
        if isinstance(error, HTTPException):
            return error
        log.exception("Unhandled error on %s %s", request.method, request.path)
        if request.path == CALLBACK_PATH:
            return jsonify(error="invalid callback request"), 400
        words = translator(_language()).gettext("Internal error. It has been logged.")
        return Response(words + "\n", 500, mimetype="text/plain")
