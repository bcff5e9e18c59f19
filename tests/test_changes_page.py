"""/changes under gunicorn: an edit made while serving shows there, field by field, and the brief
and the share panel cite the version served; the brief opens with the changes since a version."""

from __future__ import annotations

import datetime as dt
import json
import shutil

from tests.conftest import MINI
from tests.serving import Server, fetch, wait_for
from tests.test_fuzz import base_payload


def test_an_edit_while_serving_appears_on_the_changes_page(tmp_path):
    events = tmp_path / "events.yaml"  # outside git: the versions come from the server's ledger
    shutil.copy(MINI, events)
    running = Server(events, workers=2)
    try:
        first = running.health()["data_version"]
        status, _headers, body = fetch(running.url + "/changes")
        assert status == 404 and b"No earlier version" in body
        text = MINI.read_text(encoding="utf-8")
        events.write_text(text.replace("Joint laboratory", "Shared laboratory"), encoding="utf-8")
        wait_for(lambda: running.health()["data_version"] != first, seconds=15)
        for query in ("", f"?since={first}"):
            status, headers, body = fetch(running.url + "/changes" + query)
            page = body.decode()
            assert status == 200 and headers["Content-Type"].startswith("text/html"), page
            assert f"From data version {first} of " in page
            assert "0 added, 0 removed, 1 changed" in page
            assert '<a href="/?event=joint-lab">Shared laboratory</a>' in page
            row = '<th scope="row">title</th><td><del>Joint laboratory</del></td><td><ins>Shared laboratory'
            assert row in page
        brief = fetch(running.url + f"/brief?since={first}")[2].decode()
        assert f'<h2 id="since-heading">Changes since {first} of ' in brief
        assert '<strong>Changed:</strong> <a href="#event-joint-lab">Shared laboratory</a>' in brief
        assert "; changed: title</li>" in brief
        today = dt.datetime.now(dt.UTC).date().isoformat()  # the ledger dates a version when it is served
        for path in ("/brief", "/_dash-layout"):  # each response cites the version it was made from
            _status, headers, body = fetch(running.url + path, headers={"Referer": running.url + "/"})
            assert f"Data version {headers['X-Data-Version']} of {today}" in body.decode(), path
        assert '"href":"/changes"' in json.dumps(json.loads(body), separators=(",", ":")), (
            "a link to /changes"
        )
        assert (
            "No earlier version matches" in fetch(running.url + "/changes?since=nothing-like-it")[2].decode()
        )
    finally:
        running.stop()


def view_answer(running: Server, search: str) -> dict:
    """The explorer's view callback's answer for a page opened at `search`, as the browser asks it."""
    body = base_payload(running.url)
    for item in body["inputs"]:
        if item["id"] == "url":
            item["value"] = search
    body["changedPropIds"] = ["url.search"]
    data = json.dumps(body).encode()
    status, headers, answer = fetch(
        running.url + "/_dash-update-component", data, {"Content-Type": "application/json"}
    )
    assert status == 200, answer
    return {"version": headers["X-Data-Version"], **json.loads(answer)["response"]}


def test_since_marks_an_edit_made_while_serving_and_v_pins_a_version_while_it_is_kept(tmp_path):
    events = tmp_path / "events.yaml"
    shutil.copy(MINI, events)
    running = Server(events, workers=2)
    try:
        first = running.health()["data_version"]
        text = MINI.read_text(encoding="utf-8")
        events.write_text(text.replace("Joint laboratory", "Shared laboratory"), encoding="utf-8")
        second = wait_for(lambda: (v := running.health()["data_version"]) != first and v)
        answer = view_answer(running, f"?since={first}")
        table = json.dumps(answer["chronology"]["children"])
        assert '"children": "Changed", "className": "change-tag changed"' in table
        assert table.count("change-tag") == 1
        notices = json.dumps(answer["notices"]["children"])
        assert f"1 event new or changed since data version {first} of " in notices
        assert "Changed \\u00b7 Shared laboratory" in json.dumps(answer["timeline"]["figure"])

        # Pinned to the first version: its data while the store keeps its snapshot (current and previous).
        pinned = view_answer(running, f"?v={first[:8]}")
        assert pinned["version"] == first and "Joint laboratory" in json.dumps(pinned["chronology"])
        assert f"This link shows data version {first} of " in json.dumps(pinned["notices"])
        for path in (f"/embed?v={first}", f"/download/csv?v={first}", f"/brief?v={first}"):
            status, headers, body = fetch(running.url + path)
            assert status == 200 and headers["X-Data-Version"] == first, path
            assert "Joint laboratory" in body.decode() and "Shared laboratory" not in body.decode(), path
        assert f"Data version {first} of " in fetch(running.url + f"/embed?v={first}")[2].decode()
        assert f"Data version {first} of " in fetch(running.url + f"/download/csv?v={first}")[2].decode()
        layout = fetch(running.url + "/_dash-layout", headers={"Referer": f"{running.url}/?v={first}"})
        assert layout[1]["X-Data-Version"] == first

        # A third version prunes the first one's snapshot: the link says so and shows the current data.
        events.write_text(text.replace("Joint laboratory", "Joint lab"), encoding="utf-8")
        wait_for(lambda: running.health()["data_version"] not in (first, second))
        gone = f"Data version {first[:8]} is no longer available here"
        notices = json.dumps(view_answer(running, f"?v={first[:8]}")["notices"])
        assert gone in notices and f"/changes?since={first[:8]}" in notices
        page = fetch(running.url + f"/embed?v={first[:8]}")[2].decode()
        assert gone in page and '"Joint lab"' in page and "Joint laboratory" not in page
        assert gone in fetch(running.url + f"/brief?v={first[:8]}")[2].decode()
        status, _headers, body = fetch(running.url + f"/download/csv?v={first[:8]}")
        assert status == 410 and gone in body.decode() and "/changes?since=" in body.decode()
    finally:
        running.stop()
