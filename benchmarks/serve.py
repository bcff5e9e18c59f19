"""Run the dashboard under gunicorn on a free loopback port, and read its workers' memory."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from dashboard.core.loader import ENV_VAR

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
APP = "dashboard.app:create_app()"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def children(pid: int) -> list[int]:
    """The processes whose parent is pid (gunicorn's workers, for its master)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


def memory_mib(pid: int) -> dict[str, float]:
    """VmHWM (peak resident) and VmRSS (now) of a process, in MiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            values[key] = int(rest.split()[0]) / 1024
    return values


class Server:
    """A running gunicorn: its address, master pid and log."""

    def __init__(self, process: subprocess.Popen, port: int, log: Path, workers: int):
        self.process, self.port, self.log, self.expected_workers = process, port, log, workers
        self.startup_s: float | None = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def workers(self) -> list[int]:
        return children(self.process.pid)

    def wait_ready(self, timeout_s: float, path: str = "/_dash-dependencies") -> None:
        """Poll until the app answers 200 on path and every worker is up (startup loads the events)."""
        started = time.perf_counter()
        while time.perf_counter() - started < timeout_s:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log}")
            try:
                connection = http.client.HTTPConnection(HOST, self.port, timeout=5)
                connection.request("GET", path, headers={"Connection": "close"})
                status = connection.getresponse().status
                connection.close()
            except (OSError, http.client.HTTPException):
                status = None
            if status == 200:
                self.startup_s = self.startup_s or time.perf_counter() - started
                if len(self.workers()) >= self.expected_workers:
                    return
            time.sleep(0.1)
        raise TimeoutError(f"gunicorn did not answer within {timeout_s:.0f} s; see {self.log}")


@contextmanager
def gunicorn(event_file: Path, log: Path, workers: int = 2, startup_timeout_s: float = 300, app: str = APP):
    """gunicorn with the project's config on a free loopback port, serving event_file (by default
    with the dashboard; `app` names another factory, as benchmarks/floor.py's pages); stopped after."""
    port = free_port()
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "--config",
        "gunicorn.conf.py",
        "-b",
        f"{HOST}:{port}",
        "-w",
        str(workers),
        "--no-control-socket",  # the default ~/.gunicorn/gunicorn.ctl is shared with other servers
        app,
    ]
    env = {key: value for key, value in os.environ.items() if key != "GUNICORN_ACCESSLOG"}
    env[ENV_VAR] = str(event_file)
    with log.open("w") as log_file:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    server = Server(process, port, log, workers)
    try:
        server.wait_ready(startup_timeout_s)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
