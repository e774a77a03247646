"""Screenshots of the main pages for the README: `make screenshots`.

Starts a throwaway server on a fresh demo database (`tongket.devserver`), logs in as the
demo user who would use each page, and saves full-page PNGs 1280 px wide (plus one phone
shot, 390 px) to docs/screenshots/<name>.png. Pages whose route does not exist yet, or
that do not answer 200, are skipped with a message.

    .venv/bin/python scripts/screenshots.py [--out DIR] [NAME ...]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tongket.devserver import (
    CHROMIUM_ARGS,
    DevServer,
    chromium_path,
    log_in,
    missing_chromium_message,
    running_server,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ViewportSize

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SEED_REPORT = ROOT.parent / "shared" / "corpus" / "seeds" / "000_32902126f4d26a73.txt"
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}

Params = dict[str, object]


@dataclass(frozen=True)
class Ids:
    """The ids the pages need, read from the server's database."""

    dap_da: int
    gia_lai: int
    document: int | None


@dataclass(frozen=True)
class Shot:
    """One screenshot: who looks at which route, with the parameter sets it may take."""

    name: str
    user: str | None
    route: str
    params: Callable[[Ids], list[Params]] = lambda ids: [{}]
    query: str = ""
    viewport: ViewportSize = field(default_factory=lambda: DESKTOP)
    # The first screen only, for pages with a sticky bar that a full-page capture misplaces.
    full_page: bool = True


def unit_year(unit: int, year: int = 2023) -> list[Params]:
    return [
        {"unit_id": unit, "year": year},
        {"unit_id": unit, "period": str(year)},
        {"unit_id": unit},
    ]


SHOTS = (
    Shot("login", None, "web:login"),
    Shot("home", "vanphong", "web:home"),
    Shot("units", "vanphong", "web:units", query="?q=dap+da&cu=1"),
    Shot(
        "scorecard",
        "vanphong",
        "web:scorecard",
        lambda i: [{"unit_id": i.dap_da, "period": "2023"}],
    ),
    Shot(
        "scorecard-phone",
        "vanphong",
        "web:scorecard",
        lambda i: [{"unit_id": i.dap_da, "period": "2023"}],
        viewport=PHONE,
    ),
    Shot("entry", "vanphong", "web:entry", lambda i: unit_year(i.dap_da), full_page=False),
    Shot("compare", "captren", "web:compare", lambda i: unit_year(i.gia_lai)),
    Shot("trend", "vanphong", "web:trend", lambda i: unit_year(i.dap_da)[::-1]),
    Shot(
        "document",
        "vanphong",
        "web:document",
        lambda i: [{"document_id": i.document}, {"pk": i.document}] if i.document else [],
    ),
    Shot("documents", "vanphong", "web:documents"),
    Shot("history", "vanphong", "web:history", lambda i: unit_year(i.dap_da)[::-1]),
)


def resolve(shot: Shot, ids: Ids) -> str | None:
    """The path of the shot's route with the first parameter set it accepts, or None."""
    from django.urls import NoReverseMatch, reverse

    for params in shot.params(ids):
        try:
            return reverse(shot.route, kwargs=params or None) + shot.query
        except NoReverseMatch:
            continue
    return None


def read_ids(server: DevServer, *, with_document: bool) -> Ids:
    """Unit ids; with a document, a seed report is imported first so that one exists."""
    document = None
    if with_document and SEED_REPORT.exists():
        server.tongket("import-report", str(SEED_REPORT), "--unit", "phường Đập Đá")
        rows = server.query("SELECT max(id) FROM documents_document")
        document = int(str(rows[0][0])) if rows and rows[0][0] is not None else None
    return Ids(
        dap_da=server.unit_id("phường Đập Đá"),
        gia_lai=server.unit_id("tỉnh Gia Lai"),
        document=document,
    )


def take(browser: Browser, server: DevServer, shots: list[Shot], out: Path) -> int:
    """Save each shot; return how many were skipped."""
    from tongket.demo.loader import DEMO_PASSWORD

    ids = read_ids(server, with_document=any(shot.route == "web:document" for shot in shots))
    contexts: dict[tuple[str | None, int], BrowserContext] = {}
    skipped = 0
    for shot in shots:
        path = resolve(shot, ids)
        if path is None:
            print(f"  skip {shot.name}: no route {shot.route} with the expected parameters yet")
            skipped += 1
            continue
        key = (shot.user, shot.viewport["width"])
        if key not in contexts:
            contexts[key] = browser.new_context(viewport=shot.viewport, locale="vi-VN")
            if shot.user:
                log_in(contexts[key].new_page(), server.url, shot.user, DEMO_PASSWORD)
        page = contexts[key].new_page()
        response = page.goto(server.url + path.lstrip("/"))
        if response is None or response.status != 200:
            status = response.status if response else "no answer"
            print(f"  skip {shot.name}: {path} answered {status}")
            skipped += 1
            page.close()
            continue
        target = out / f"{shot.name}.png"
        page.screenshot(path=str(target), full_page=shot.full_page)
        page.close()
        print(f"  {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}  {path}")
    for context in contexts.values():
        context.close()
    return skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "names", nargs="*", help="only these shots: " + ", ".join(s.name for s in SHOTS)
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"output directory (default {OUT})")
    args = parser.parse_args(argv)
    unknown = set(args.names) - {shot.name for shot in SHOTS}
    if unknown:
        parser.error("unknown shots: " + ", ".join(sorted(unknown)))
    shots = [shot for shot in SHOTS if not args.names or shot.name in args.names]
    reason = missing_chromium_message()
    if reason:
        print(reason.replace("browser tests skipped", "no screenshots"), file=sys.stderr)
        return 1

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongket.site.settings")
    os.environ.pop("DATABASE_URL", None)
    import django
    from playwright.sync_api import sync_playwright

    django.setup()
    args.out.mkdir(parents=True, exist_ok=True)
    print("Starting a server on a fresh demo database…", flush=True)
    with running_server() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            skipped = take(browser, server, shots, args.out)
        finally:
            browser.close()
    print(f"{len(shots) - skipped} saved, {skipped} skipped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
