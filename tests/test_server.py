"""The app under gunicorn, as in production: headers, errors, limits and live data edits."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.serving import ROOT, Server, fetch, wait_for

MINI = ROOT / "tests" / "data" / "cold-war-mini.yaml"


@pytest.fixture(scope="module")
def server():
    running = Server(ROOT / "events", workers=2)
    yield running
    running.stop()


@pytest.mark.parametrize("path", ["/", "/embed", "/no-such-page", "/brief"])
def test_every_page_sends_security_headers(server, path):
    _, headers, _ = fetch(server.url + path)
    policy = headers["Content-Security-Policy"]
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Strict-Transport-Security" not in headers  # only over HTTPS
    if path == "/embed":
        assert "frame-ancestors *" in policy and "X-Frame-Options" not in headers
    else:
        assert "frame-ancestors 'self'" in policy and headers["X-Frame-Options"] == "SAMEORIGIN"


def test_hsts_is_sent_when_a_trusted_proxy_says_the_request_came_over_https(server):
    _, headers, _ = fetch(server.url + "/", headers={"X-Forwarded-Proto": "https"})
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_assets_under_versioned_urls_are_kept_a_year_and_bare_ones_revalidated(server):
    _, _, page = fetch(server.url + "/")
    _, _, embed = fetch(server.url + "/embed")
    versioned = [
        re.search(rb'href="(/assets/style\.css\?m=[^"]+)"', page),  # Dash's own version
        re.search(rb'src="(/assets/js/explorer\.js\?v=[^"]+)"', page),
        re.search(rb'src="(/assets/js/embed\.js\?v=[^"]+)"', embed),
    ]
    for url in versioned:
        _, headers, _ = fetch(server.url + url.group(1).decode())
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    # What a module imports has no version in its URL: the browser asks each time whether it changed.
    _, headers, _ = fetch(server.url + "/assets/js/labels.js")
    assert "immutable" not in headers.get("Cache-Control", "")


def test_unknown_paths_get_a_plain_404_without_a_traceback(server):
    status, _, body = fetch(server.url + "/wp-admin/../etc/passwd")
    assert status == 404
    assert b"Traceback" not in body and b"Not found" in body


def test_debug_and_dev_tools_are_off(server):
    _, _, body = fetch(server.url + "/")
    config = json.loads(
        body.decode().split('id="_dash-config" type="application/json">')[1].split("</script>")[0]
    )
    assert config["ui"] is False and config["props_check"] is False
    assert fetch(server.url + "/_reload-hash")[0] == 404


def test_request_bodies_over_64_kb_are_refused(server):
    status, _, _ = fetch(
        server.url + "/_dash-update-component",
        b"{" + b" " * 70_000 + b"}",
        {"Content-Type": "application/json"},
    )
    assert status == 413


def test_a_malformed_callback_request_is_a_400_with_no_traceback(server):
    status, _, body = fetch(
        server.url + "/_dash-update-component", b"[1, 2]", {"Content-Type": "application/json"}
    )
    assert status == 400
    assert json.loads(body) == {"error": "invalid callback request: the body must be a JSON object"}


def test_a_valid_edit_reaches_every_worker_and_an_invalid_one_keeps_the_last_good_data(tmp_path):
    events = tmp_path / "events.yaml"
    shutil.copy(MINI, events)
    running = Server(events, workers=2)
    try:
        first = running.health()
        assert first["status"] == "ok" and first["events"] == 4
        text = MINI.read_text(encoding="utf-8")
        events.write_text(text.replace("Gamma prize awarded", "Gamma prize awarded again"), encoding="utf-8")

        def every_worker_has_it():
            answers = [fetch(running.url + "/download/json?q=gamma")[2].decode() for _ in range(12)]
            return all("Gamma prize awarded again" in answer for answer in answers)

        wait_for(every_worker_has_it, seconds=15)
        good = running.health()
        assert good["data_version"] != first["data_version"]

        events.write_text(text.replace('date: "1980-06-15"', 'date: "1980-02-30"'), encoding="utf-8")
        bad = wait_for(lambda: (r := running.health())["status"] == "stale" and r, seconds=15)
        assert bad["data_version"] == good["data_version"]
        assert any("'1980-02-30' does not exist" in problem for problem in bad["problems"])
        assert "Gamma prize awarded again" in fetch(running.url + "/download/json?q=gamma")[2].decode()
        assert fetch(running.url + "/")[0] == 200
    finally:
        log = running.stop()
    assert "Event files changed but are invalid" in log and "'1980-02-30' does not exist" in log
