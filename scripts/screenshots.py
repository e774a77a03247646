"""Screenshots of the main pages for the README: `make screenshots`.

Starts a throwaway server on a fresh demo database (`tongket.devserver`). Before the shots,
the office user uploads the seed article about phường Đập Đá through the upload form and
accepts one figure from it, so that the review, history and provenance pages have
something to show. Then the demo user who would use each page opens it, and full-page PNGs
1280 px wide (plus one phone shot, 390 px) are saved to docs/screenshots/<name>.png (listed
in docs/screenshots/README.md). Pages that do not answer 200 are skipped with a message.

    .venv/bin/python scripts/screenshots.py [--out DIR] [NAME ...]
"""

from __future__ import annotations

import argparse
import os
import re
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
    from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SEED_UNIT = "Phường Đập Đá — Thị xã An Nhơn (đến 30/06/2025)"  # its option in the upload form
ACCEPTED_FACT = "Tốc độ tăng trưởng kinh tế"  # accepted from the article, replacing the demo's
TREND_INDICATOR = "economic_growth"
HIDE_EMPTY = "?an-trong=1"
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
WIDE: ViewportSize = {"width": 1536, "height": 864}  # the whole entry grid, status included
PHONE: ViewportSize = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Ids:
    """What the pages need, read from the server's database after the upload."""

    dap_da: int
    an_nhon: int  # the office user's ward today, which phường Đập Đá became part of
    gia_lai: int
    document: int | None = None
    accepted: int | None = None  # the result accepted from the document
    synthetic_year: int | None = None  # a year of synthetic figures for the province, if any
    conference: int | None = None  # the demo ward's review conference
    late: int | None = None  # one of the demo ward's overdue recommendations


@dataclass(frozen=True)
class Shot:
    """One screenshot: who looks at which path (None: not available in this database)."""

    name: str
    user: str | None
    path: Callable[[Ids], str | None]
    viewport: ViewportSize = field(default_factory=lambda: DESKTOP)
    # The first screen only, for pages with a sticky bar that a full-page capture misplaces.
    full_page: bool = True


def route(name: str, *args: object, query: str = "") -> str:
    from django.urls import reverse

    return reverse(name, args=args or None) + query


def document_path(ids: Ids) -> str | None:
    if ids.document is None:
        return None
    # The accepted figure selected, without the #anchor the page's own links add: the
    # facts panel then starts at its top rather than scrolled to the figure.
    fact = f"?fact=result-{ids.accepted}" if ids.accepted else ""
    return route("web:document", ids.document, query=fact)


SHOTS = (
    Shot("login", None, lambda i: route("web:login")),
    Shot("home", "vanphong", lambda i: route("web:home")),
    Shot("units", "vanphong", lambda i: route("web:units", query="?q=dap+da&cu=1")),
    Shot("scorecard", "vanphong", lambda i: route("web:scorecard", i.dap_da, "2023")),
    Shot(
        "scorecard-phone",
        "vanphong",
        lambda i: route("web:scorecard", i.dap_da, "2023"),
        viewport=PHONE,
    ),
    Shot(
        "entry",
        "vanphong",
        lambda i: route("web:entry", i.dap_da, 2023),
        viewport=WIDE,
        full_page=False,
    ),
    # Units without figures hidden: the province has hundreds of wards and communes.
    Shot("compare", "captren", lambda i: route("web:compare", i.gia_lai, 2023, query=HIDE_EMPTY)),
    Shot(
        "compare-synthetic",
        "captren",
        lambda i: (
            route("web:compare", i.gia_lai, i.synthetic_year, query="#bang-tieu-de")
            if i.synthetic_year
            else None
        ),
        viewport={"width": 1280, "height": 900},
        full_page=False,  # scrolled to the heat table: the province has hundreds of rows
    ),
    Shot("trend", "vanphong", lambda i: route("web:trend", i.an_nhon, TREND_INDICATOR)),
    Shot("documents", "vanphong", lambda i: route("web:documents")),
    Shot("document", "vanphong", document_path),
    Shot(
        "history",
        "vanphong",
        lambda i: route("web:history", "result", i.accepted) if i.accepted else None,
    ),
    Shot(
        "conference",
        "vanphong",
        lambda i: route("web:conference", i.conference) if i.conference else None,
    ),
    Shot("recommendations", "vanphong", lambda i: route("web:recommendations_out", i.an_nhon)),
    Shot(
        "recommendation",
        "captren",
        lambda i: route("web:recommendation", i.late) if i.late else None,
    ),
    Shot("party", "lanhdao", lambda i: route("web:party", i.an_nhon, "2025")),
)


def seed_article() -> Path | None:
    """The seed article about phường Đập Đá in the shared corpus, if it is there."""
    for path in sorted(SEEDS.glob("*.txt")):
        if "Đập Đá" in path.read_text("utf-8"):
            return path
    return None


def upload_seed(page: Page, server: DevServer) -> tuple[int | None, int | None]:
    """Upload the seed article as the office user and accept one figure with replacement:
    (document id, accepted result id), or (None, None) without the shared corpus."""
    article = seed_article()
    if article is None:
        print(f"  no seed article about Đập Đá under {SEEDS}: no document shots")
        return None, None
    page.goto(server.url + route("web:document_upload").lstrip("/"))
    page.get_by_label("Tệp văn bản").set_input_files(article)
    page.get_by_label("Đơn vị", exact=True).select_option(label=SEED_UNIT)
    page.get_by_role("button", name="Tải lên và đọc").click()
    page.wait_for_url(re.compile(r"/van-ban/\d+/$"))
    document = int(page.url.rstrip("/").rsplit("/", 1)[1])
    link = page.get_by_role("link", name=ACCEPTED_FACT, exact=True)
    draft = page.locator("li.fact", has=link).locator(".draft.state-draft").first
    ident = draft.get_attribute("id") or ""
    draft.get_by_role("button", name=re.compile("^Duyệt")).click()
    page.wait_for_url(re.compile(r"\?fact="))
    match = re.fullmatch(r"item-result-(\d+)", ident)
    return document, int(match[1]) if match else None


def synthetic_year(server: DevServer) -> int | None:
    """The latest year with synthetic figures (`tongket synth`), if the demo has any."""
    rows = server.query("SELECT max(year) FROM results_result WHERE note LIKE '%(tongket synth)%'")
    return int(str(rows[0][0])) if rows and rows[0][0] is not None else None


def first_id(server: DevServer, sql: str) -> int | None:
    rows = server.query(sql)
    return int(str(rows[0][0])) if rows and rows[0][0] is not None else None


def read_ids(server: DevServer, browser: Browser) -> Ids:
    from tongket.demo.loader import DEMO_PASSWORD

    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    log_in(page, server.url, "vanphong", DEMO_PASSWORD)
    document, accepted = upload_seed(page, server)
    context.close()
    return Ids(
        dap_da=server.unit_id("phường Đập Đá"),
        an_nhon=server.member_unit("vanphong"),
        gia_lai=server.unit_id("tỉnh Gia Lai"),
        document=document,
        accepted=accepted,
        synthetic_year=synthetic_year(server),
        conference=first_id(server, "SELECT min(id) FROM review_conference WHERE kind = 'review'"),
        late=first_id(
            server, "SELECT min(id) FROM recommendations_recommendation WHERE status = 'new'"
        ),
    )


def take(browser: Browser, server: DevServer, shots: list[Shot], out: Path) -> int:
    """Save each shot; return how many were skipped."""
    from tongket.demo.loader import DEMO_PASSWORD

    ids = read_ids(server, browser)
    contexts: dict[tuple[str | None, int], BrowserContext] = {}
    skipped = 0
    for shot in shots:
        path = shot.path(ids)
        if path is None:
            print(f"  skip {shot.name}: nothing to show in this database")
            skipped += 1
            continue
        key = (shot.user, shot.viewport["width"])
        if key not in contexts:
            contexts[key] = browser.new_context(
                viewport=shot.viewport, locale="vi-VN", reduced_motion="reduce"
            )
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
        page.evaluate("document.fonts.ready.then(() => true)")
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
