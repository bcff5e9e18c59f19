"""Production settings for gunicorn (see the README's "Production" section)."""

import gc
import multiprocessing
import os

bind = os.environ.get("BIND", f"0.0.0.0:{os.environ.get('PORT', '8050')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# gthread, but a thread gets a connection only once its whole request has arrived: slow clients
# cost a socket and a buffer, not a thread (dashboard/web/worker.py).
worker_class = "dashboard.web.worker.BufferingThreadWorker"
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 1000
max_requests_jitter = 100
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESSLOG")


def pre_fork(server, worker):
    """Before each fork: the master takes the newest valid data version, then freezes its objects.

    A worker forked later (max_requests recycles them) then starts with the data other workers
    serve, not the start-up data (a snapshot found missing or damaged is left to the worker to
    rebuild: the master never blocks on a validation); and frozen objects are never scanned by the
    cyclic GC, so the workers keep sharing those memory pages with the master instead of copying them.
    """
    app = getattr(server.app, "callable", None)
    live = getattr(getattr(app, "server", None), "extensions", {}).get("timeline_live")
    if live is not None:
        live.sync(rebuild=False)
    gc.freeze()
