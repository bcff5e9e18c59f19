"""Where an HTTP/1.1 request ends in the bytes received so far, so a server can wait for all of it."""

from __future__ import annotations

HEAD_LIMIT = 32 * 1024  # a request line and headers larger than this are refused (nginx allows 4 × 8 KB)


class Refused(Exception):
    """The request can never be accepted; `status` is the answer to send before closing."""

    def __init__(self, status: str):
        super().__init__(status)
        self.status = status


def request_end(data: bytes, body_limit: int) -> int | None:
    """Where the first request in `data` ends (None: not all here yet); a malformed one ends at once.

    A malformed head or body length is not judged here: the request is handed on as it is and the
    HTTP parser that serves it answers 400. Raises Refused for a head or a body over its limit.
    """
    head_end = data.find(b"\r\n\r\n")
    if head_end < 0:
        if len(data) > HEAD_LIMIT:
            raise Refused("431 Request Header Fields Too Large")
        return None
    if head_end > HEAD_LIMIT:
        raise Refused("431 Request Header Fields Too Large")
    body_start = head_end + 4
    fields = header_fields(data[:head_end])
    if "transfer-encoding" in fields:
        end = chunked_end(data, body_start)
        if (end or len(data)) - body_start > body_limit:
            raise Refused("413 Content Too Large")
        return end
    length = fields.get("content-length", b"0")
    if not length.isdigit():
        return body_start
    if int(length) > body_limit:
        raise Refused("413 Content Too Large")
    return body_start + int(length)


def header_fields(head: bytes) -> dict[str, bytes]:
    """The head's fields by lower-case name (the last of repeated ones), values stripped."""
    fields = {}
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        fields[name.strip().lower().decode("latin-1")] = value.strip()
    return fields


def chunked_end(data: bytes, start: int) -> int | None:
    """Where a chunked body starting at `start` ends, trailers included (None: not all here yet)."""
    position = start
    while True:
        line_end = data.find(b"\r\n", position)
        if line_end < 0:
            return None
        size = data[position:line_end].split(b";")[0].strip()
        if not size or size.strip(b"0123456789abcdefABCDEF"):
            return len(data)
        if int(size, 16) == 0:
            trailers_end = data.find(b"\r\n\r\n", line_end)
            return None if trailers_end < 0 else trailers_end + 4
        position = line_end + 2 + int(size, 16) + 2
        if position > len(data):
            return None
