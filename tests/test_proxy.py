"""deploy/nginx.conf, run by a real nginx in front of gunicorn: buffering, limits and the https rule."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.serving import ROOT, Server, free_port, wait_until_up
from tests.slow_clients import SlowClients, worst_health_seconds

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SAMPLE = ROOT / "deploy" / "nginx.conf"
WORKERS, THREADS = 2, 2
# Stock gthread behind the proxy: what protects it here is nginx alone.
STOCK_GTHREAD = {"GUNICORN_THREADS": str(THREADS), "GUNICORN_CMD_ARGS": "--worker-class gthread"}

pytestmark = pytest.mark.skipif(
    not Path(NGINX).exists(), reason="nginx is not installed (scripts/test installs it)"
)


def site_config(sample: str, listen_port: int, upstream_port: int) -> str:
    """The sample with its two ports moved to free loopback ones (each must appear exactly once)."""
    for old in ("listen 80;", "server 127.0.0.1:8050;"):
        assert sample.count(old) == 1, f"{SAMPLE} no longer has exactly one '{old}'"
    return sample.replace("listen 80;", f"listen 127.0.0.1:{listen_port};").replace(
        "server 127.0.0.1:8050;", f"server 127.0.0.1:{upstream_port};"
    )


def main_config(folder: Path, site: Path) -> str:
    """A whole nginx.conf around the site, with every path inside `folder`."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must reach the temp folders
    return (
        f"{user}worker_processes 1;\npid {folder}/nginx.pid;\nevents {{ worker_connections 256; }}\n"
        f"http {{\n  access_log off;\n  client_body_temp_path {folder}/body;\n"
        f"  proxy_temp_path {folder}/proxy;\n  include {site};\n}}\n"
    )


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nginx")
    app = Server(ROOT / "events", workers=WORKERS, extra_env=STOCK_GTHREAD)
    port = free_port()
    site = folder / "site.conf"
    site.write_text(site_config(SAMPLE.read_text(encoding="utf-8"), port, app.port), encoding="utf-8")
    config = folder / "nginx.conf"
    config.write_text(main_config(folder, site), encoding="utf-8")
    log = folder / "error.log"
    nginx = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(config), "-e", str(log), "-g", "daemon off;"],
        stderr=subprocess.STDOUT,
        stdout=log.open("a"),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/health", nginx, lambda: log.read_text(encoding="utf-8"), seconds=20)
        yield url, app
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        app.stop()


def get(url: str, headers: dict) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
        return response.status, response.headers


def test_the_app_answers_through_the_proxy_compressed_once_with_its_headers(proxied):
    url, _ = proxied
    status, headers = get(url + "/", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get_all("Content-Encoding") == ["gzip"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]


def test_a_client_cannot_claim_https_through_the_proxy(proxied):
    url, app = proxied
    claims = {"X-Forwarded-Proto": "https", "X-Forwarded-Ssl": "on", "X-Forwarded-Protocol": "ssl"}
    _, direct = get(app.url + "/", {"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" in direct  # gunicorn trusts its loopback peer, as nginx is
    _, through_proxy = get(url + "/", claims)
    assert "Strict-Transport-Security" not in through_proxy


def test_a_body_over_64_kb_is_refused_by_the_proxy(proxied):
    url, _ = proxied
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"POST /_dash-update-component HTTP/1.1\r\nHost: a\r\nContent-Length: 70000\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 413 ")


def test_health_answers_within_2_s_through_the_proxy_while_slow_clients_wait_on_it(proxied):
    url, _ = proxied
    with SlowClients(url, 2 * WORKERS * THREADS):
        time.sleep(0.5)
        assert worst_health_seconds(url, timeout=2.0, window=6.0) < 2.0
