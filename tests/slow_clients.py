"""Slowloris-style clients for tests: connections that hold a request open, to 127.0.0.1 only."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import urllib.request
from urllib.parse import urlsplit

SLOW_HEAD = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
SLOW_BODY = (
    b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/json\r\nContent-Length: 50000\r\n\r\n{"
)
# Each kind of slow client: a head that never ends, a body that never ends, and silence.
OPENINGS = (SLOW_HEAD, SLOW_BODY, b"")


class SlowClients:
    """`count` connections to `url`'s loopback port, each sending one more byte every `interval` s."""

    def __init__(self, url: str, count: int, interval: float = 1.0):
        parts = urlsplit(url)
        if parts.hostname != "127.0.0.1":
            raise ValueError("slow clients only ever connect to 127.0.0.1")
        self.sockets = []
        for number in range(count):
            sock = socket.create_connection((parts.hostname, parts.port), timeout=5)
            sock.sendall(OPENINGS[number % len(OPENINGS)])
            self.sockets.append((sock, number % len(OPENINGS) != 2))
        self.stopped = threading.Event()
        self.trickle = threading.Thread(target=self._send_a_byte_each, args=(interval,), daemon=True)
        self.trickle.start()

    def _send_a_byte_each(self, interval: float) -> None:
        while not self.stopped.wait(interval):
            for sock, talks in self.sockets:
                if talks:
                    with contextlib.suppress(OSError):  # the server may close it: that is its right
                        sock.send(b"a")

    def close(self) -> None:
        self.stopped.set()
        self.trickle.join()
        for sock, _ in self.sockets:
            sock.close()

    def __enter__(self) -> SlowClients:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def health_seconds(url: str, timeout: float) -> float:
    """How long `url`/health took to answer (`timeout` if it did not answer in time)."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url + "/health", timeout=timeout) as response:
            response.read()
    except OSError:
        return timeout
    return time.monotonic() - start


def worst_health_seconds(url: str, timeout: float, window: float = 7.0) -> float:
    """The slowest /health answer over `window` s: long enough to outlast a 5 s wait for a first byte."""
    worst, deadline = 0.0, time.monotonic() + window
    while time.monotonic() < deadline:
        worst = max(worst, health_seconds(url, timeout))
        time.sleep(0.5)
    return worst
