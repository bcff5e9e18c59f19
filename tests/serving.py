"""Run the app under gunicorn, as in production, on a free loopback port, for tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """Status, headers and body of a request; an HTTP error status is an answer, not an exception."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_for(condition, seconds: float = 30):
    """The first true value of `condition()`, asked every 0.1 s; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def wait_until_up(url: str, process: subprocess.Popen, log, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}: {log()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up in {seconds} s")


class Server:
    """A gunicorn process serving the app on a free loopback port."""

    def __init__(
        self,
        events: Path | None,
        workers: int = 2,
        extra_env: dict | None = None,
        python: str = sys.executable,
        cwd: Path = ROOT,
    ):
        """Serve `events` (None: the bundled ones) with `python`'s installed app, run from `cwd`."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k != "TIMELINE_EVENTS"} | (extra_env or {})
        if events is not None:
            env["TIMELINE_EVENTS"] = str(events)
        command = [
            python, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py"),
            "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers), "dashboard.app:create_app()",
        ]  # fmt: skip
        # A file, not a pipe: an unread pipe fills up and blocks the server. Closed in stop().
        self.log_file = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stderr=self.log_file, text=True)
        wait_until_up(self.url + "/health", self.process, self.log)

    def health(self) -> dict:
        """This server's /health report (from whichever worker answers)."""
        with urllib.request.urlopen(self.url + "/health", timeout=30) as response:
            return json.loads(response.read())

    def log(self) -> str:
        """What the server has logged so far (after stop(), nothing: stop() returned it)."""
        if self.log_file.closed:
            return ""
        self.log_file.seek(0)
        return self.log_file.read()

    def stop(self) -> str:
        """Stop the server and return what it logged."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        log = self.log()
        self.log_file.close()
        return log


def serving(events: Path | None, **options):
    """A Server for a pytest fixture: `yield from serving(path)` serves it and stops it after."""
    running = Server(events, **options)
    yield running
    running.stop()
