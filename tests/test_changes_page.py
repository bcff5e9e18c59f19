"""/changes under gunicorn: an edit made while serving shows there, field by field, and the brief
and the share panel cite the version served; the brief opens with the changes since a version."""

from __future__ import annotations

import datetime as dt
import json
import shutil

from tests.conftest import MINI
from tests.serving import Server, fetch, wait_for


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
