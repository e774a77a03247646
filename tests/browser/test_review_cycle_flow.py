"""The review cycle of a seed ward, followed in the browser: the office imports the article
about phường Đập Đá and accepts its conference and recommendation; the province (the
superior over what the dissolved town became) answers it; the ward confirms it resolved.

Needs the shared corpus (../shared beside the checkout); skipped without it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tongket.devserver import DevServer

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
UNIT_OPTION = "Phường Đập Đá — Thị xã An Nhơn (đến 30/06/2025)"


def seed_about_dap_da() -> Path:
    found = [p for p in sorted(SEEDS.glob("*.txt")) if "Đập Đá" in p.read_text("utf-8")]
    if not found:
        pytest.skip(f"no seed article about Đập Đá in {SEEDS} (the shared corpus is absent)")
    return found[0]


def document_of(page: Page, server: DevServer, article: Path, live_url: Callable[..., str]) -> int:
    """The id of the imported article: uploaded now unless another test did it already."""
    rows = server.query("SELECT id FROM documents_document WHERE filename = ?", article.name)
    if rows:
        return int(str(rows[0][0]))
    page.goto(live_url("web:document_upload"))
    page.get_by_label("Tệp văn bản").set_input_files(article)
    page.get_by_label("Đơn vị", exact=True).select_option(label=UNIT_OPTION)
    page.get_by_role("button", name="Tải lên và đọc").click()
    expect(page).to_have_url(re.compile(r"/van-ban/\d+/$"))
    return int(page.url.rstrip("/").rsplit("/", 1)[1])


def test_a_recommendation_read_from_a_report_is_answered_and_resolved(
    page_as: Callable[..., Page], live_url: Callable[..., str], live_server_process: DevServer
) -> None:
    server = live_server_process
    article = seed_about_dap_da()
    office = page_as("vanphong")
    document = document_of(office, server, article, live_url)
    office.goto(live_url("web:document", document))

    # The conference: the article gives no day, so the office types it.
    conference = office.locator(".proposal").filter(has_text="Hội nghị và người dự")
    expect(conference).to_contain_text("Chủ trì: Mai Việt Trung")
    conference.get_by_label(re.compile("Văn bản không nêu ngày")).fill("10/01/2024")
    conference.get_by_role("button", name="Duyệt").click()
    expect(office.get_by_role("status")).to_have_text("Đã ghi nhận: Hội nghị và người dự.")

    recommendation = office.locator(".proposal").filter(has_text="Gửi đến: UBND thị xã An Nhơn")
    expect(recommendation).to_contain_text("Báo cáo lại: Thường trực Thị ủy")
    recommendation.get_by_role("button", name="Duyệt").click()
    expect(office.get_by_role("status")).to_have_text("Đã ghi nhận: Kiến nghị.")
    rows = server.query(
        "SELECT id FROM recommendations_recommendation WHERE document_id = ?", document
    )
    rec = int(str(rows[0][0]))

    # The ward may not answer its own recommendation: no answering form for it.
    office.goto(live_url("web:recommendation", rec))
    expect(office.get_by_role("heading", level=1)).to_contain_text("Kiến nghị")
    expect(office.get_by_role("heading", name="Xử lý kiến nghị")).to_have_count(0)

    # The province answers what was addressed to the dissolved town.
    superior = page_as("captren")
    superior.goto(live_url("web:recommendation", rec))
    superior.get_by_label("Chuyển sang tình trạng").select_option(label="Đã trả lời")
    superior.get_by_label("Nội dung trả lời").fill("Đã bố trí vốn cho công trình trọng điểm.")
    superior.get_by_label("Ngày trả lời").fill("2024-03-15")
    superior.get_by_role("button", name="Lưu tình trạng").click()
    expect(superior.locator(".rec-counts")).to_contain_text("Đã trả lời")

    # The ward confirms the answer settles it; every step is on the record.
    office.goto(live_url("web:recommendation", rec))
    expect(office.locator(".rec-text").last).to_contain_text("Đã bố trí vốn")
    office.get_by_label("Chuyển sang tình trạng").select_option(label="Đã giải quyết")
    office.get_by_role("button", name="Lưu tình trạng").click()
    expect(office.locator(".rec-counts")).to_contain_text("Đã giải quyết")
    steps = server.query(
        "SELECT action, from_status, to_status FROM recommendations_change"
        " WHERE recommendation_id = ? ORDER BY id",
        rec,
    )
    assert steps == [
        ("raised", "", "new"),
        ("status", "new", "answered"),
        ("status", "answered", "resolved"),
    ]

    # The conference page holds the people and the report's own summary.
    rows = server.query("SELECT id FROM review_conference WHERE document_id = ?", document)
    office.goto(live_url("web:conference", int(str(rows[0][0]))))
    expect(office.locator(".facts")).to_contain_text("14/15 chỉ tiêu đạt và vượt kế hoạch")
    expect(office.get_by_role("link", name="Mai Việt Trung").first).to_be_visible()
