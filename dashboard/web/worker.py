"""gunicorn's gthread worker, made to read each request whole before a thread serves it.

gthread gives a connection a thread as soon as it is accepted, and the thread then waits on the
socket for the rest of the request: a few clients that send slowly hold every thread and the
server answers nothing. This worker reads in its poller, without blocking, and hands a connection
to a thread only when the request's head and body are all in memory, as a buffering proxy does.
"""

from __future__ import annotations

import contextlib
import selectors
import time
from functools import partial

from gunicorn.errors import ConfigError
from gunicorn.workers.gthread import ThreadWorker

from .framing import Refused, request_end
from .security import MAX_BODY_BYTES

READ_TIMEOUT = 20.0  # seconds a client has to send a whole request (head and body)


class BufferingThreadWorker(ThreadWorker):
    """A gthread worker whose threads only ever serve requests that have fully arrived."""

    @classmethod
    def check_config(cls, cfg, log):
        """Refuse TLS and HTTP/2: this worker reads plain HTTP/1.1, which a proxy or platform sends."""
        super().check_config(cfg, log)
        if cfg.is_ssl or cfg.http2_cleartext in ("prior-knowledge", "both"):
            raise ConfigError("BufferingThreadWorker reads plain HTTP/1.1: end TLS and HTTP/2 at a proxy")

    def enqueue_req(self, conn):
        """Read the connection's next request in the poller; take_request() gives it to a thread."""
        # Bytes of a next request already read with the last one (pipelining) count as received.
        conn.received = bytearray(conn.parser.unreader.take_buffered() if conn.parser else b"")
        conn.sock.setblocking(False)
        conn.timeout = time.monotonic() + READ_TIMEOUT  # murder_pending() closes it after that
        self.pending_conns.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self.on_request_bytes, conn))
        if conn.received:
            self.take_request(conn)

    def on_request_bytes(self, conn, _sock):
        """Add what the client sent to its request; close the connection if the client has gone."""
        try:
            data = conn.sock.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self.drop(conn)
            return
        conn.received += data
        self.take_request(conn)

    def take_request(self, conn):
        """Hand the connection to a thread once its request is complete; refuse one that is too big."""
        try:
            end = request_end(conn.received, MAX_BODY_BYTES)
        except Refused as refusal:
            answer = f"HTTP/1.1 {refusal.status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
            with contextlib.suppress(OSError):  # a client that has gone needs no answer
                conn.sock.send(answer.encode("ascii"))
            self.drop(conn)
            return
        if end is None or len(conn.received) < end:
            return
        self.stop_reading(conn)
        conn.request, conn.received = bytes(conn.received), None
        conn.data_ready = True
        super().enqueue_req(conn)

    def stop_reading(self, conn):
        self.poller.unregister(conn.sock)
        self.pending_conns.remove(conn)

    def drop(self, conn):
        self.stop_reading(conn)
        self.nr_conns -= 1
        conn.close()

    def handle(self, conn):
        """Serve the request read in the poller: the parser finds it already buffered."""
        request, conn.request = conn.request, None
        conn.sock.setblocking(True)
        conn.init()
        conn.parser.unreader.unread(request)
        return super().handle(conn)
