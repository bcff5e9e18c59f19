"""Fuzz the open callback API under gunicorn: malformed payloads must never cause a 500."""

from __future__ import annotations

import copy
import http.client
import json
import random

import pytest

from tests.serving import ROOT, Server

REQUESTS = 1500
ALLOWED = {200, 204, 400, 413}
HOSTILE_VALUES = [
    None, 0, -1, 10**30, 1e308, True, "", " ", "x" * 3000, "\u0000", "💥🙂", "../../etc/passwd",
    "<script>alert(1)</script>", "javascript:alert(1)", {"$gt": ""}, {"key": "__class__"}, [], [None],
    [{"a": 1}], ["diplomatic"] * 500, [[[[[]]]]], {"story": "x" * 100, "stop": -5},
    {"story": None, "stop": "9" * 50},
    "2019-02-30", "99999-99", "domains=military", ["Japan", 5, None], {"key": "date", "descending": "yes"},
]  # fmt: skip


@pytest.fixture(scope="module")
def server():
    running = Server(ROOT / "events", workers=2)
    yield running
    log = running.stop()
    assert "Traceback" not in log, "every malformed request should be refused before Dash fails on it"


def base_payload(url: str) -> dict:
    connection = http.client.HTTPConnection(url.removeprefix("http://"))
    connection.request("GET", "/_dash-dependencies")
    dependencies = json.loads(connection.getresponse().read())
    main = next(d for d in dependencies if not d.get("clientside_function") and "figure" in d["output"])
    outputs = [
        dict(zip(("id", "property"), part.rsplit(".", 1), strict=True))
        for part in main["output"].strip(".").split("...")
    ]
    inputs = [{"id": i["id"], "property": i["property"], "value": None} for i in main["inputs"]]
    state = [{"id": s["id"], "property": s["property"], "value": None} for s in main["state"]]
    return {
        "output": main["output"],
        "outputs": outputs,
        "inputs": inputs,
        "changedPropIds": [],
        "state": state,
    }


def mutations(base: dict, rng: random.Random):
    """Yield (description, body bytes): values of every wrong type, broken shapes, stale specs."""
    for _ in range(REQUESTS):
        body = copy.deepcopy(base)
        kind = rng.randrange(10)
        if kind < 5:
            for item in rng.sample(body["inputs"], rng.randint(1, len(body["inputs"]))):
                item["value"] = rng.choice(HOSTILE_VALUES)
            body["changedPropIds"] = [f"{body['inputs'][rng.randrange(len(body['inputs']))]['id']}.value"]
        elif kind == 5:
            body["changedPropIds"] = rng.choice([["x"], [1], "filter-search.value", [None], ["a.b.c"] * 50])
        elif kind == 6:
            body[rng.choice(list(body))] = rng.choice(HOSTILE_VALUES)
        elif kind == 7:
            body.pop(rng.choice(list(body)))
        elif kind == 8:
            body["inputs"][rng.randrange(len(body["inputs"]))]["id"] = rng.choice(
                ["nope", {"type": "row"}, 7]
            )
        else:
            body["output"] = rng.choice(
                ["..timeline.figure..", "x", base["output"][:-20], "..selected-event.data.."]
            )
        yield json.dumps(body).encode()
    yield from (b"", b"not json", b"[]", b"null", b'{"output":', b"\xff\xfe", b'"string"', b"NaN")


def test_thousands_of_malformed_callback_requests_cause_no_server_error(server):
    base = base_payload(server.url)
    statuses: dict[int, int] = {}
    connection = http.client.HTTPConnection(server.url.removeprefix("http://"), timeout=30)
    for body in mutations(base, random.Random(20190507)):
        try:
            connection.request(
                "POST", "/_dash-update-component", body=body, headers={"Content-Type": "application/json"}
            )
            response = connection.getresponse()
            text = response.read()
        except (ConnectionError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection(server.url.removeprefix("http://"), timeout=30)
            statuses[-1] = statuses.get(-1, 0) + 1
            continue
        statuses[response.status] = statuses.get(response.status, 0) + 1
        assert response.status in ALLOWED, (response.status, body[:300], text[:300])
        assert b"Traceback" not in text
    assert sum(statuses.values()) >= REQUESTS
    assert statuses.get(200, 0) > 100 and statuses.get(400, 0) > 100, statuses
    assert -1 not in statuses, statuses
