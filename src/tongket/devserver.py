"""A throwaway Tổng kết server on a fresh demo database, for browser tests and screenshots.

`running_server()` runs `tongket setup` in a temporary directory (always SQLite: any
`DATABASE_URL` is dropped), serves it with `tongket serve` on a free loopback port and
stops it afterwards. Pure Python: no Django import; the server is a child process.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tongket.units.text import fold_name

if TYPE_CHECKING:
    from playwright.sync_api import Page

DEFAULT_CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium, headless, offline, in a container without a sandbox or a GPU.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
HOST = "127.0.0.1"
START_TIMEOUT_S = 60.0


def chromium_path() -> str:
    """The Chromium binary: `TONGKET_CHROMIUM` or Debian's /usr/bin/chromium."""
    return os.environ.get("TONGKET_CHROMIUM") or DEFAULT_CHROMIUM


def missing_chromium_message() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    path = chromium_path()
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        return f"Chromium not found at {path}: browser tests skipped (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return (
            "The playwright package is not installed: browser tests skipped"
            " (pip install -e '.[test]')"
        )
    return None


def server_environment(var_dir: Path) -> dict[str, str]:
    """This process's environment, pointed at `var_dir` and always on SQLite."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["TONGKET_VAR_DIR"] = str(var_dir)
    env.setdefault("DJANGO_SETTINGS_MODULE", "tongket.site.settings")
    return env


def free_port(host: str = HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def tongket(var_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a `tongket` command against the database in `var_dir`; raise if it fails."""
    command = [sys.executable, "-m", "tongket.cli", *args]
    done = subprocess.run(
        command, env=server_environment(var_dir), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"`tongket {' '.join(args)}` failed:\n{done.stdout}{done.stderr}")
    return done


@dataclass(frozen=True)
class DevServer:
    """A running server: its base URL (ending in "/") and its data directory."""

    url: str
    var_dir: Path
    process: subprocess.Popen[bytes]

    @property
    def database(self) -> Path:
        return self.var_dir / "tongket.sqlite3"

    def unit_id(self, name: str, *, past: bool = False) -> int:
        """The id of a unit by its full name ("phường Đập Đá", "tỉnh Gia Lai").

        The current unit of that name is preferred, else the latest former one;
        `past=True` asks for a former unit only.
        """
        query = "SELECT id, valid_to FROM units_unit WHERE name_folded = ?"
        with sqlite3.connect(f"file:{self.database}?mode=ro", uri=True) as connection:
            rows = connection.execute(query, (fold_name(name),)).fetchall()
        current = [pk for pk, valid_to in rows if valid_to is None]
        former = sorted(((valid_to, pk) for pk, valid_to in rows if valid_to), reverse=True)
        if current and not past:
            if len(current) > 1:
                raise LookupError(f"several current units are named {name!r}: {current}")
            return int(current[0])
        if former:
            return int(former[0][1])
        raise LookupError(f"no unit named {name!r}")

    def query(self, sql: str, *params: object) -> list[tuple[object, ...]]:
        """Read the server's database (read-only): for ids a test or a screenshot needs."""
        with sqlite3.connect(f"file:{self.database}?mode=ro", uri=True) as connection:
            return connection.execute(sql, params).fetchall()

    def member_unit(self, username: str) -> int:
        """The unit a demo user holds their role over (two current wards share some names)."""
        rows = self.query(
            "SELECT m.unit_id FROM access_membership m JOIN auth_user u ON u.id = m.user_id"
            " WHERE u.username = ?",
            username,
        )
        if len(rows) != 1:
            raise LookupError(f"{username} holds {len(rows)} roles")
        return int(str(rows[0][0]))

    def tongket(self, *args: str) -> subprocess.CompletedProcess[str]:
        return tongket(self.var_dir, *args)


def prepare(var_dir: Path) -> None:
    """Create the database with the units, the catalogue, the demo data and logins."""
    var_dir.mkdir(parents=True, exist_ok=True)
    tongket(var_dir, "setup")


def start(var_dir: Path, *, host: str = HOST, port: int | None = None) -> DevServer:
    """Serve the database in `var_dir` (already prepared) and wait until it answers."""
    port = port or free_port(host)
    log = (var_dir / "server.log").open("wb")
    command = [sys.executable, "-m", "tongket.cli", "serve", "--host", host, "--port", str(port)]
    process = subprocess.Popen(
        command, env=server_environment(var_dir), stdout=log, stderr=subprocess.STDOUT
    )
    log.close()
    server = DevServer(url=f"http://{host}:{port}/", var_dir=var_dir, process=process)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(server.url + "dang-nhap/", timeout=2) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    stop(server)
    output = (var_dir / "server.log").read_text(errors="replace")[-2000:]
    raise RuntimeError(f"the server at {server.url} did not start:\n{output}")


def stop(server: DevServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def launch(var_dir: Path) -> DevServer:
    """Prepare the database in `var_dir` and start serving it."""
    prepare(var_dir)
    return start(var_dir)


def make_var_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="tongket-browser-"))


@contextmanager
def running_server(var_dir: Path | None = None) -> Iterator[DevServer]:
    """A prepared, running server; a temporary `var_dir` is removed afterwards."""
    owned = var_dir is None
    directory = make_var_dir() if var_dir is None else var_dir
    try:
        server = launch(directory)
        try:
            yield server
        finally:
            stop(server)
    finally:
        if owned:
            shutil.rmtree(directory, ignore_errors=True)


def log_in(page: Page, base_url: str, username: str, password: str) -> None:
    """Log in through the login form, as a person would; wait for the home page."""
    page.goto(base_url + "dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/dang-nhap/" not in url)
