"""Slow clients under gunicorn: however many threads they would hold, /health still answers at once."""

from __future__ import annotations

import socket
import time
from urllib.parse import urlsplit

import pytest

from tests.serving import ROOT, Server
from tests.slow_clients import SlowClients, worst_health_seconds

WORKERS, THREADS = 2, 2
SLOTS = WORKERS * THREADS  # what a slow client takes from stock gthread: one thread each


@pytest.fixture(scope="module")
def server():
    running = Server(ROOT / "events", workers=WORKERS, extra_env={"GUNICORN_THREADS": str(THREADS)})
    yield running
    running.stop()


@pytest.mark.parametrize("count", [SLOTS, 2 * SLOTS])
def test_health_answers_within_2_s_while_slow_clients_hold_every_thread_gthread_has(server, count):
    with SlowClients(server.url, count):
        time.sleep(0.5)
        assert worst_health_seconds(server.url, timeout=2.0, window=6.0) < 2.0


def exchange(server: Server, *pieces: bytes, pause: float = 0.0) -> bytes:
    """Send `pieces` over one connection, `pause` s apart, and read until the server closes it."""
    with socket.create_connection(("127.0.0.1", urlsplit(server.url).port), timeout=10) as sock:
        for piece in pieces:
            sock.sendall(piece)
            time.sleep(pause)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


CALLBACK = b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"


def test_a_request_sent_in_pieces_is_served_once_it_is_whole(server):
    body = b"[1, 2]"
    head = CALLBACK + b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body)
    answer = exchange(server, head[:30], head[30:], body[:3], body[3:], pause=0.3)
    assert answer.startswith(b"HTTP/1.1 400 ")
    assert b"the body must be a JSON object" in answer


def test_a_chunked_body_is_read_whole(server):
    head = CALLBACK + b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    answer = exchange(server, head, b"3\r\n[1,\r\n", b"3\r\n 2]\r\n0\r\n\r\n", pause=0.3)
    assert answer.startswith(b"HTTP/1.1 400 ")
    assert b"the body must be a JSON object" in answer


def test_kept_alive_and_pipelined_requests_are_each_answered(server):
    get = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    last = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    answer = exchange(server, get, get + get[:20], get[20:] + last, pause=0.3)
    assert answer.count(b"HTTP/1.1 200 OK") == 4
    assert answer.count(b'"data_version"') == 4


def test_a_body_over_64_kb_is_refused_before_it_is_sent(server):
    answer = exchange(server, CALLBACK + b"Content-Length: 70000\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 413 ")


def test_a_head_over_32_kb_is_refused(server):
    answer = exchange(server, b"GET /health HTTP/1.1\r\nX-Big: " + b"a" * 40_000)
    assert answer.startswith(b"HTTP/1.1 431 ")


def test_clients_that_leave_mid_request_cost_nothing(server):
    for _ in range(3 * SLOTS):
        with socket.create_connection(("127.0.0.1", urlsplit(server.url).port), timeout=10) as sock:
            sock.sendall(CALLBACK + b"Content-Length: 100\r\n\r\n{")
    assert worst_health_seconds(server.url, timeout=2.0, window=0.5) < 2.0
