"""Events in 1274, 1600 and 2300, outside pandas' nanosecond range, on every surface under gunicorn."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from benchmarks.dash_client import find_callback
from tests.serving import ROOT, Server

FAR = ROOT / "tests" / "data" / "far-dates.yaml"
# Each event's date label and where its mark sits: a point's middle day, a span's first day.
EXPECTED = {
    "fleet-sails-1274": ("1274", "1274-07-02"),
    "battle-1600": ("21 Oct 1600", "1600-10-21"),
    "long-survey-1600-1603": ("Nov 1600 – Feb 1603", "1600-11-01"),
    "treaty-1895": ("17 Apr 1895", "1895-04-17"),
    "probe-arrives-2300": ("Jun 2300", "2300-06-15"),
}
MARKS = {event_id: x for event_id, (_, x) in EXPECTED.items()}


@pytest.fixture(scope="module")
def server():
    running = Server(FAR, workers=1)
    yield running
    log = running.stop()
    assert "Traceback" not in log


def get(url: str, headers: dict | None = None) -> str:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            assert response.status == 200
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        raise AssertionError(f"{url} answered {error.code}") from None


def post(url: str, body: bytes) -> dict:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=20) as response:
        assert response.status == 200
        return json.loads(response.read())


def marks(figure: dict) -> dict[str, str]:
    """Event id → the x of its first mark (points and echoes at x, spans from their base)."""
    found: dict[str, str] = {}
    for trace in figure["data"]:
        kind = (trace.get("meta") or {}).get("kind")
        if kind in {"point", "echo", "span"}:
            places = trace["base"] if kind == "span" else trace["x"]
            for row, x in zip(trace["customdata"], places, strict=True):
                found.setdefault(row[0], x)
    return found


def figure_in(page: str) -> dict:
    return json.loads(
        re.search(r'<script type="application/json" id="figure-data">(.*?)</script>', page).group(1)
    )


def test_validate_prints_the_files_span():
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", str(FAR)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 5 events in 1 file, 1274–2300,")


def test_the_explorer_page_and_its_layout_carry_every_event(server):
    assert "<html" in get(server.url + "/")
    layout = json.loads(get(server.url + "/_dash-layout", {"Referer": server.url + "/"}))
    [figure] = [found for found in _figures(layout) if found.get("data")]
    assert marks(figure) == MARKS


def _figures(node: object):
    if isinstance(node, dict):
        if isinstance(node.get("figure"), dict):
            yield node["figure"]
        for value in node.values():
            yield from _figures(value)
    elif isinstance(node, list):
        for value in node:
            yield from _figures(value)


def _view_callback(server) -> object:
    return find_callback(json.loads(get(server.url + "/_dash-dependencies")), "timeline.figure")


def test_the_view_callback_draws_every_event_and_filters_by_period(server):
    callback = _view_callback(server)
    reply = post(server.url + "/_dash-update-component", callback.body({"url.search": ""}, ["url.search"]))
    assert marks(reply["response"]["timeline"]["figure"]) == MARKS
    table = json.dumps(reply["response"]["chronology"]["children"], ensure_ascii=False)
    assert all(label in table for label, _ in EXPECTED.values())
    values = {"filter-from.value": "1600-11", "filter-to.value": "2262-05"}
    reply = post(server.url + "/_dash-update-component", callback.body(values, ["filter-from.value"]))
    assert set(marks(reply["response"]["timeline"]["figure"])) == {"long-survey-1600-1603", "treaty-1895"}


def test_a_story_across_the_centuries_opens_on_each_stop(server):
    callback = _view_callback(server)
    for stop, event_id in enumerate(["fleet-sails-1274", "battle-1600", "probe-arrives-2300"], start=1):
        search = f"?story=across-the-centuries&stop={stop}"
        reply = post(
            server.url + "/_dash-update-component", callback.body({"url.search": search}, ["url.search"])
        )
        figure = reply["response"]["timeline"]["figure"]
        low, high = figure["layout"]["xaxis"]["range"]
        assert low < MARKS[event_id] < high and re.fullmatch(r"\d{4}-\d\d-\d\d", low)


@pytest.mark.parametrize("path", ["/embed", "/brief"])
def test_the_embed_and_the_briefing_draw_every_event(server, path):
    page = get(server.url + path)
    assert marks(figure_in(page)) == MARKS
    if path == "/brief":
        assert all(label in page for label, _ in EXPECTED.values())


def test_every_download_holds_every_event_with_its_date(server):
    rows = list(csv.DictReader(io.StringIO(get(server.url + "/download/csv").lstrip("\ufeff"))))
    assert {row["id"]: row["date_label"] for row in rows} == {k: label for k, (label, _) in EXPECTED.items()}
    events = json.loads(get(server.url + "/download/json"))["events"]
    assert [event["date"] for event in events] == ["1274", "1600-10-21", "1600-11", "1895-04-17", "2300-06"]
    html = get(server.url + "/download/html")
    assert all(f'"{event_id}"' in html and f'"{x}"' in html for event_id, x in MARKS.items())
    slides = json.loads(get(server.url + "/download/timelinejs"))["events"]
    assert [slide["start_date"]["year"] for slide in slides] == ["1274", "1600", "1600", "1895", "2300"]
    brief = get(server.url + "/download/brief")
    assert all(label in brief for label, _ in EXPECTED.values())
