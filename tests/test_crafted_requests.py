"""Crafted requests under gunicorn (issue #24): a 4xx or a normal page, one log line, no traceback."""

from __future__ import annotations

import json

import pytest

from tests.serving import ROOT, Server
from tests.test_fuzz import base_payload
from tests.test_server import fetch

STORY = "taiwan-at-the-wha"
CALLBACK = "/_dash-update-component"
JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def server():
    running = Server(ROOT / "events", workers=1)
    yield running
    running.stop()


def post_logged(server, path: str, body: bytes | None = None) -> tuple[int, bytes, str]:
    """Status and body of a request (a POST of JSON when there is a body), and what it logged."""
    before = len(server.log())
    status, _, answer = fetch(server.url + path, body, JSON if body is not None else None)
    return status, answer, server.log()[before:]


def callback_body(server, trigger: str, value: object) -> bytes:
    """The view callback's request with one widget's value set, as if that widget changed."""
    body = base_payload(server.url)
    for item in body["inputs"]:
        if item["id"] == trigger:
            item["value"] = value
    body["changedPropIds"] = [f"{trigger}.value"]
    return json.dumps(body, separators=(",", ":")).encode()


@pytest.mark.parametrize(
    ("path", "status"),
    [
        (f"/?story={STORY}&stop=%C2%B2", 200),
        (f"/embed?story={STORY}&stop=%C2%B2", 200),
        (f"/brief?story={STORY}&stop=%C2%B2", 200),
        (f"/download/json?story={STORY}&stop=%D9%A2", 200),
        ("/embed?height=%C2%B2", 200),
        ("/embed?from=0000", 200),
        ("/brief?to=0000-02", 200),
        ("/download/csv?from=0000", 200),
        ("/_dash-component-suites/x/y.js", 404),
        ("/_dash-component-suites/dash/no-such-file.js", 404),
    ],
)
def test_crafted_query_values_and_script_paths_get_a_page_or_a_404(server, path, status):
    answer_status, _, logged = post_logged(server, path)
    assert answer_status == status and "Traceback" not in logged


@pytest.mark.parametrize(
    ("trigger", "value", "reason"),
    [
        ("filter-search", "\ud800", "the body is text that is not UTF-8 (a lone surrogate or a bad byte)"),
        ("filter-actors", [[[]]] * 3 + ["[" * 40], None),
        ("url", {"deep": json.loads("[" * 900 + "]" * 900)}, "the body is nested 904 levels deep"),
    ],
)
def test_a_crafted_callback_body_is_a_400_with_one_log_line(server, trigger, value, reason):
    status, body, logged = post_logged(server, CALLBACK, callback_body(server, trigger, value))
    new_lines = logged.splitlines()
    if reason is None:  # brackets inside strings are text, not nesting
        assert status == 200 and new_lines == []
        return
    assert status == 400 and json.loads(body)["error"].startswith(f"invalid callback request: {reason}")
    assert len(new_lines) == 1 and f"Refused a callback request: {reason}" in new_lines[0]


def test_json_nested_5000_deep_in_a_callback_body_is_refused_unparsed(server):
    body = callback_body(server, "filter-search", "x")[:-1] + b',"x":' + b"[" * 5000 + b"]" * 5000 + b"}"
    status, answer, logged = post_logged(server, CALLBACK, body)
    assert status == 400 and b"nested 5001 levels deep" in answer
    assert logged.count("\n") == 1 and "Traceback" not in logged


def test_year_zero_from_a_widget_is_a_notice(server):
    status, body, logged = post_logged(server, CALLBACK, callback_body(server, "filter-from", "0000"))
    assert status == 200 and b"'from=0000' is not a date" in body
    assert logged == ""


def test_an_answer_does_not_grow_with_the_unknown_values_a_request_lists(server):
    one = fetch(server.url + CALLBACK, callback_body(server, "filter-actors", ["nobody"]), JSON)
    many_body = callback_body(server, "filter-actors", [str(number) for number in range(9_000)])
    many = fetch(server.url + CALLBACK, many_body, JSON)
    assert len(many_body) > 50_000
    assert one[0] == many[0] == 200
    assert len(many[2]) < len(one[2]) + 200  # was 1.16 MB for a 64 KB request
