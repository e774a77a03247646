"""Browser tests: Debian's Chromium, driven by Playwright, against a real `tongket serve`.

The server runs in a subprocess on its own SQLite database, made by `tongket setup` in a
temporary directory (see `tongket.devserver`): pytest-django's test database is never
touched, so these tests never ask for `db`: read what a page saved with
`live_server_process.query(sql)` (the server's SQLite file, read-only), never the ORM.
One server and one browser per session, so data written by one test stays for the next;
each test gets fresh browser contexts. Without Chromium every test here is skipped.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.urls import reverse

from tongket.demo.loader import DEMO_PASSWORD
from tongket.devserver import (
    CHROMIUM_ARGS,
    DevServer,
    chromium_path,
    launch,
    log_in,
    make_var_dir,
    missing_chromium_message,
    stop,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

HERE = Path(__file__).parent
TIMEOUT_MS = 10_000


@pytest.hookimpl(trylast=True)  # after pytest-django's own reordering
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in this directory `browser` and run them last; skip them without Chromium.

    Last, because Playwright's sync API keeps an asyncio loop running in the main thread
    while the browser is open, and Django then refuses database calls in this process
    (SynchronousOnlyOperation): no database test may run after the browser has started.
    """
    ours = [item for item in items if HERE in item.path.parents]
    if not ours:
        return
    reason = missing_chromium_message()
    for item in ours:
        item.add_marker(pytest.mark.browser)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))
    items[:] = [item for item in items if HERE not in item.path.parents] + ours


class Launch:
    """The server, started in the background as soon as collection picks a browser test.

    `tongket setup` takes several seconds; it overlaps with the rest of the suite and is
    awaited by the first browser test. Stopped and removed at the end of the session.
    """

    future: Future[DevServer] | None = None
    var_dir: Path | None = None

    @classmethod
    def begin(cls) -> None:
        cls.var_dir = make_var_dir()
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tongket-server")
        cls.future = pool.submit(launch, cls.var_dir)
        pool.shutdown(wait=False)

    @classmethod
    def end(cls) -> None:
        if cls.future is not None:
            # A launch failure was already reported to the tests that needed the server.
            with contextlib.suppress(Exception):
                stop(cls.future.result())
        if cls.var_dir is not None:
            shutil.rmtree(cls.var_dir, ignore_errors=True)
        cls.future = cls.var_dir = None


def pytest_collection_finish(session: pytest.Session) -> None:
    if session.config.option.collectonly:
        return
    if any(
        HERE in item.path.parents and item.get_closest_marker("skip") is None
        for item in session.items
    ):
        Launch.begin()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    Launch.end()


@pytest.fixture(scope="session")
def live_server_process() -> DevServer:
    """The running server; `.unit_id(name)` and `.query(sql)` read its database."""
    if Launch.future is None:  # collected in an unusual way: start it now
        Launch.begin()
    assert Launch.future is not None
    return Launch.future.result()


@pytest.fixture(scope="session")
def server_url(live_server_process: DevServer) -> str:
    """The base URL, ending in "/"."""
    return live_server_process.url


@pytest.fixture(scope="session")
def unit_id(live_server_process: DevServer) -> Callable[..., int]:
    """`unit_id("phường Đập Đá")`: a unit's id in the server's database (current first)."""
    return live_server_process.unit_id


@pytest.fixture(scope="session")
def live_url(server_url: str) -> Callable[..., str]:
    """`live_url("web:scorecard", unit, "2023")`: the full URL of a named route."""

    def url(name: str, *args: object, **kwargs: object) -> str:
        return server_url + reverse(name, args=args or None, kwargs=kwargs or None).lstrip("/")

    return url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), args=list(CHROMIUM_ARGS), headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """Make browser contexts (separate cookie jars) that are closed after the test."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        context = browser.new_context(locale="vi-VN", **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    """An anonymous page in its own context."""
    return new_context().new_page()


@pytest.fixture(scope="session")
def _sessions() -> dict[str, Any]:
    """Logged-in browser states by username, so each user logs in once per run."""
    return {}


@pytest.fixture
def page_as(
    server_url: str, new_context: Callable[..., BrowserContext], _sessions: dict[str, Any]
) -> Callable[..., Page]:
    """`page_as("vanphong")`: a page logged in as that demo user, showing the home page.

    Each call gets its own context, so two users can be open side by side. The session of
    the first form login is reused; `fresh=True` logs in through the form again (use it
    before logging out, which ends that session on the server).
    """

    def open_as(username: str, *, fresh: bool = False) -> Page:
        state = None if fresh else _sessions.get(username)
        page = new_context(storage_state=state).new_page()
        if state is not None:
            page.goto(server_url)
            if "/dang-nhap/" not in page.url:
                return page
        log_in(page, server_url, username, DEMO_PASSWORD)
        if not fresh:
            _sessions[username] = page.context.storage_state()
        return page

    return open_as
