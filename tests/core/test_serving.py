"""`tongket serve --workers N` runs N gunicorn worker processes that answer requests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

SERVER = """
import os, sys
import django
django.setup()
from tongket.commands.serving import serve_application

def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(os.getpid()).encode()]

serve_application(application, "127.0.0.1", int(sys.argv[1]), 2, 2)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode())
    except OSError:
        return None


@pytest.mark.skipif(sys.platform == "win32", reason="gunicorn does not run on Windows")
def test_several_worker_processes_answer() -> None:
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tongket.site.settings"}
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port)], env=env)
    try:
        answers: list[str] = []
        deadline = time.monotonic() + 30
        while len(answers) < 20 and time.monotonic() < deadline:
            answer = fetch(f"http://127.0.0.1:{port}/")
            if answer is None:
                time.sleep(0.2)
            else:
                answers.append(answer)
        assert len(answers) == 20
        workers = {int(pid) for pid in answers}
        assert server.pid not in workers  # the master forks; workers answer
        assert 1 <= len(workers) <= 2
    finally:
        server.terminate()
        server.wait(timeout=30)
