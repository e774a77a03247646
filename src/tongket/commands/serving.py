"""Serving the WSGI application: waitress in one process, or gunicorn with several.

Python runs one thread at a time per process, so a busy office server with several cores
wants several worker processes; waitress (pure Python, also on Windows) serves one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

WSGIApp = Callable[..., Any]


def serve_in_one_process(application: WSGIApp, host: str, port: int, threads: int) -> None:
    from waitress import serve

    serve(application, host=host, port=port, threads=threads, ident="tongket")


def serve_in_processes(
    application: WSGIApp, host: str, port: int, threads: int, workers: int
) -> None:
    """gunicorn's pre-forking server with `workers` processes of `threads` threads each."""
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    connections.close_all()  # no database connection may cross the fork

    class Server(BaseApplication):
        def load_config(self) -> None:
            options = {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                "proc_name": "tongket",
                "keepalive": 5,
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> WSGIApp:
            return application

    Server().run()


def serve_application(
    application: WSGIApp, host: str, port: int, threads: int, workers: int
) -> None:
    if workers > 1 and sys.platform != "win32":
        serve_in_processes(application, host, port, threads, workers)
    else:
        serve_in_one_process(application, host, port, threads)
