"""Where a request ends in the bytes received so far, and what the gunicorn worker refuses."""

import logging

import pytest
from gunicorn.config import Config
from gunicorn.errors import ConfigError

from dashboard.web.framing import HEAD_LIMIT, Refused, request_end
from dashboard.web.worker import BufferingThreadWorker

GET = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"
POST = b"POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n"
CHUNKED = b"POST /x HTTP/1.1\r\nHost: a\r\ntransfer-encoding: chunked\r\n\r\n"


def test_a_request_without_a_body_ends_with_its_head():
    assert request_end(GET[:-1], 100) is None
    assert request_end(GET + b"GET /next", 100) == len(GET)


def test_a_body_of_known_length_ends_after_that_many_bytes():
    assert request_end(POST, 100) == len(POST) + 5
    assert request_end(POST.replace(b"Content-Length", b"content-LENGTH"), 100) == len(POST) + 5


def test_a_chunked_body_ends_after_its_last_chunk_and_trailers():
    body = b"3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\n"
    assert request_end(CHUNKED + body, 100) is None
    assert request_end(CHUNKED + body + b"\r\n", 100) == len(CHUNKED + body) + 2
    assert request_end(CHUNKED + body + b"X-Sum: 1\r\n\r\n", 100) == len(CHUNKED + body) + 12
    assert request_end(CHUNKED + b"3\r\nab", 100) is None


@pytest.mark.parametrize(
    "request_bytes",
    [
        POST.replace(b"5", b"-5"),
        POST.replace(b"5", b"five"),
        CHUNKED + b"zz\r\n",
    ],
)
def test_a_malformed_length_ends_at_once_for_the_parser_to_answer(request_bytes):
    assert request_end(request_bytes, 100) == len(request_bytes)


def test_bodies_over_the_limit_are_refused_before_they_arrive():
    with pytest.raises(Refused) as refused:
        request_end(POST.replace(b"5", b"101"), 100)
    assert refused.value.status == "413 Content Too Large"
    with pytest.raises(Refused):
        request_end(CHUNKED + b"ff\r\n" + b"a" * 101, 100)


def test_a_head_over_the_limit_is_refused_even_unfinished():
    with pytest.raises(Refused) as refused:
        request_end(b"GET / HTTP/1.1\r\nX: " + b"a" * HEAD_LIMIT, 100)
    assert refused.value.status == "431 Request Header Fields Too Large"


@pytest.mark.parametrize("setting", [("certfile", "cert.pem"), ("http2_cleartext", "prior-knowledge")])
def test_the_worker_refuses_tls_and_http2_which_it_cannot_read_in_its_poller(setting):
    config = Config()
    BufferingThreadWorker.check_config(config, logging.getLogger(__name__))
    config.set(*setting)
    with pytest.raises(ConfigError, match="end TLS and HTTP/2 at a proxy"):
        BufferingThreadWorker.check_config(config, logging.getLogger(__name__))
