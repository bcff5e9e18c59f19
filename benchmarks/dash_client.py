"""Talk to a running Dash app as its browser page does: the view callback's exact request body.

The body is built from the app's own /_dash-dependencies, so it follows the callback's outputs and
inputs as they change; its shape was checked against what Chromium sends (Dash 4.4.1).
"""

from __future__ import annotations

import gzip
import http.client
import itertools
import json
import time
from dataclasses import dataclass

BROWSER_ENCODINGS = "gzip, deflate, br, zstd"  # what Chromium sends
UPDATE_PATH = "/_dash-update-component"
DEPENDENCIES_PATH = "/_dash-dependencies"
IDLE_S = 3.0  # below gunicorn's keepalive (5 s in gunicorn.conf.py)


@dataclass(frozen=True)
class Reply:
    """One response: status, body as received (maybe compressed), its encoding and the time taken."""

    status: int
    body: bytes
    encoding: str
    seconds: float

    def json(self) -> object:
        """The body parsed (ask with encodings="identity" or "gzip" to be able to read it)."""
        raw = gzip.decompress(self.body) if self.encoding == "gzip" else self.body
        return json.loads(raw)


class Client:
    """One keep-alive connection to the app on the loopback interface."""

    def __init__(self, host: str, port: int, encodings: str = BROWSER_ENCODINGS, timeout_s: float = 120):
        self.connection = http.client.HTTPConnection(host, port, timeout=timeout_s)
        self.encodings = encodings
        self.last_used = time.monotonic()

    def request(self, method: str, path: str, body: bytes | None = None, encodings: str = "") -> Reply:
        headers = {"Accept-Encoding": encodings or self.encodings}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if time.monotonic() - self.last_used > IDLE_S:
            self.connection.close()  # gunicorn drops idle keep-alive connections: open a fresh one
        start = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # reconnects on the next request
            raise
        finally:
            self.last_used = time.monotonic()
        seconds = time.perf_counter() - start
        return Reply(response.status, data, response.getheader("Content-Encoding", ""), seconds)

    def close(self) -> None:
        self.connection.close()


@dataclass(frozen=True)
class Callback:
    """A server callback as the renderer knows it: its output key and its inputs and states."""

    output: str
    inputs: list[dict]
    state: list[dict]

    def outputs(self) -> list[dict]:
        """The output key '..a.value...b.figure..' as the renderer's list of {id, property}."""
        parts = self.output.strip(".").split("...") if self.output.startswith("..") else [self.output]
        return [dict(zip(("id", "property"), part.rsplit(".", 1), strict=True)) for part in parts]

    def body(self, values: dict[str, object], changed: list[str]) -> bytes:
        """The request body for these input values ('id.property' → value) and changed inputs."""

        def with_value(spec: dict) -> dict:
            key = f"{spec['id']}.{spec['property']}"
            return {**spec, "value": values[key]} if values.get(key) is not None else dict(spec)

        body = {
            "output": self.output,
            "outputs": self.outputs(),
            "inputs": [with_value(spec) for spec in self.inputs],
            "changedPropIds": changed,
            "parsedChangedPropsIds": changed,
        }
        if self.state:
            body["state"] = [with_value(spec) for spec in self.state]
        return json.dumps(body).encode()


def find_callback(dependencies: list[dict], output_part: str) -> Callback:
    """The server-side callback (from /_dash-dependencies) whose outputs include output_part."""
    for spec in dependencies:
        callback = Callback(spec["output"], spec["inputs"], spec.get("state", []))
        names = {f"{output['id']}.{output['property']}" for output in callback.outputs()}
        if output_part in names and not spec.get("clientside_function"):
            return callback
    raise LookupError(f"no server callback outputs {output_part}")


def server_callback(client: Client, output_part: str) -> Callback:
    """The server-side callback whose outputs include output_part, asked of a running app."""
    return find_callback(client.request("GET", DEPENDENCIES_PATH, encodings="identity").json(), output_part)


class ViewRequests:
    """Bodies for the explorer's view callback, as its page sends them after the first view.

    Each uncached body asks for a view never asked before: a `to` year past the data that changes
    every time, so every event is still shown but the per-worker figure cache never hits.
    """

    def __init__(self, callback: Callback, domains: list[str] | None = None):
        self.callback = callback
        self.domains = domains or []
        self.years = itertools.count(2026)

    def _request(self, changed: str, values: dict | None = None) -> tuple[str, str, bytes]:
        defaults = {
            "url.search": "",
            "filter-domains.value": self.domains,
            "filter-actors.value": [],
            "filter-from.value": "",
            "filter-to.value": "",
            "filter-search.value": "",
            "table-sort.data": {"key": "date", "descending": False},
        }
        return ("POST", UPDATE_PATH, self.callback.body(defaults | (values or {}), [changed]))

    def page_load(self) -> tuple[str, str, bytes]:
        """The first view, restored from an empty URL."""
        return self._request("url.search")

    def all_events(self, _index: int = 0) -> tuple[str, str, bytes]:
        """Every event, uncached."""
        return self._request("filter-to.value", {"filter-to.value": str(next(self.years))})

    def toggle(self, index: int = 0, cached: bool = False) -> tuple[str, str, bytes]:
        """One domain unticked (in turn; always the first when cached), uncached unless cached."""
        kept = [d for d in self.domains if d != self.domains[0 if cached else index % len(self.domains)]]
        to = "" if cached else str(next(self.years))
        return self._request("filter-domains.value", {"filter-domains.value": kept, "filter-to.value": to})


def check_view(status: int, reply: object) -> tuple[int, dict]:
    """Check a view reply holds a real figure and no notices; return its marks (or bars) and the response.

    A notice means the request asked for something the app ignored (an unknown domain, say): then the
    benchmark would time a different view from the one it means to.
    """
    assert status == 200, f"view callback answered {status}"
    response = reply["response"]
    traces = response["timeline"]["figure"]["data"]
    drawn = ("point", "span", "count")  # "count": past MAX_MARKS the figure shows counts per period
    marks = sum(len(t.get("x", [])) for t in traces if t.get("meta", {}).get("kind") in drawn)
    assert marks > 0, "the view callback returned an empty figure"
    notices = response.get("notices", {}).get("children")
    assert not notices, f"the app ignored part of the request: {notices}"
    return marks, response
