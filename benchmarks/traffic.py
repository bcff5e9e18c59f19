"""Bounded request loops against a loopback server: sequential latency and concurrent throughput.

Every loop stops by itself, on a request count or a time limit, whichever comes first.
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .dash_client import Client, Reply
from .serve import HOST

Request = tuple[str, str, bytes | None]  # method, path, body
MakeRequest = Callable[[int], Request]


@dataclass
class Samples:
    """What a loop saw: each successful reply's seconds and bytes, errors and wall time."""

    seconds: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    encodings: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    wall_s: float = 0.0

    def add(self, reply: Reply) -> None:
        if reply.status != 200:
            self.errors.append(f"HTTP {reply.status}")
            return
        self.seconds.append(reply.seconds)
        self.sizes.append(len(reply.body))
        self.encodings.add(reply.encoding or "identity")


def sequential(port: int, make: MakeRequest, count: int, seconds: float, hard_s: float) -> Samples:
    """One keep-alive client, one request at a time: up to count requests within seconds.

    At least 3 requests are made however slow they are, unless hard_s has passed.
    """
    samples, client, start, index = Samples(), Client(HOST, port), time.perf_counter(), 0
    try:
        while index < count:
            elapsed = time.perf_counter() - start
            if elapsed > hard_s or (elapsed > seconds and index >= 3):
                break
            try:
                samples.add(client.request(*make(index)))
            except (OSError, http.client.HTTPException) as error:
                samples.errors.append(error.__class__.__name__)
            index += 1
    finally:
        client.close()
    samples.wall_s = time.perf_counter() - start
    return samples


def concurrent(port: int, make: MakeRequest, clients: int, count: int, seconds: float) -> Samples:
    """`clients` keep-alive clients in threads sharing a budget of count requests and seconds."""
    samples, lock = Samples(), threading.Lock()
    counter = iter(range(count))
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        client = Client(HOST, port)
        try:
            while time.perf_counter() < deadline:
                with lock:
                    index = next(counter, None)
                if index is None:
                    return
                try:
                    reply = client.request(*make(index))
                except (OSError, http.client.HTTPException) as error:
                    with lock:
                        samples.errors.append(error.__class__.__name__)
                    continue
                with lock:
                    samples.add(reply)
        finally:
            client.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 180)
    samples.wall_s = time.perf_counter() - start
    return samples


def warm(port: int, request: Request, connections: int = 4, rounds: int = 2) -> None:
    """Send a request on several fresh connections at once, so that every worker has served it."""
    for _ in range(rounds):
        concurrent(port, lambda _index: request, clients=connections, count=connections, seconds=300)
