"""An indicator's trend across the 2025 merger, and the history behind a scorecard figure."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tongket.devserver import DevServer

pytestmark = pytest.mark.browser


def test_trend_of_today_ward_shows_the_former_ward_figures(
    page_as: Callable[..., Page],
    live_url: Callable[..., str],
    unit_id: Callable[..., int],
    live_server_process: DevServer,
) -> None:
    page = page_as("vanphong")
    an_nhon = live_server_process.member_unit("vanphong")
    page.goto(live_url("web:trend", an_nhon, "economic_growth"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tốc độ tăng trưởng kinh tế — Phường An Nhơn"
    )
    chart = page.get_by_role("img", name=re.compile("^Tốc độ tăng trưởng kinh tế — Phường An Nhơn"))
    expect(chart).to_be_visible()
    expect(chart).to_contain_text("16,1")
    row = page.locator("table.trend-table tbody tr").filter(has_text="2023")
    expect(row).to_have_count(1)
    expect(row.get_by_role("link", name="Phường Đập Đá")).to_be_visible()
    expect(row).to_contain_text("đơn vị trước sáp nhập")
    expect(row.locator("td.num")).to_have_text(["16,1%", "16,1%"])
    expect(row.locator(".status")).to_have_text("Đạt")

    page.get_by_label("Chỉ tiêu", exact=True).select_option(label="Tỷ lệ bao phủ bảo hiểm y tế")
    page.get_by_role("button", name="Xem").click()
    switched = live_url("web:trend", an_nhon, "health_insurance_coverage")
    expect(page).to_have_url(re.compile("^" + re.escape(switched) + r"(\?|$)"))  # years kept
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tỷ lệ bao phủ bảo hiểm y tế — Phường An Nhơn"
    )
    expect(page.locator("table.trend-table tbody tr")).to_contain_text(["98,4%"])

    page.locator("table.trend-table").get_by_role("link", name="Phường Đập Đá").click()
    expect(page).to_have_url(live_url("web:scorecard", unit_id("phường Đập Đá"), "2023"))


def test_scorecard_figure_opens_its_history(
    page_as: Callable[..., Page], live_url: Callable[..., str], unit_id: Callable[..., int]
) -> None:
    page = page_as("vanphong")
    page.goto(live_url("web:scorecard", unit_id("phường Đập Đá"), "2023"))
    row = page.locator("tr[data-indicator='health_insurance_coverage']")
    row.locator("td").nth(2).get_by_role("link", name="98,4%").click()

    expect(page).to_have_url(re.compile(r"/lich-su/result/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Lịch sử: Tỷ lệ bao phủ bảo hiểm y tế"
    )
    facts = page.locator(".record-facts")
    expect(facts).to_contain_text("Phường Đập Đá, Thị xã An Nhơn, Tỉnh Bình Định")
    expect(facts).to_contain_text("Năm 2023")
    created = page.locator("table.history tbody tr").filter(has_text="Tạo mới")
    expect(created).to_have_count(1)
    expect(created).to_contain_text("hệ thống")
    expect(created).to_contain_text("Kết quả: 98,4%")

    page.get_by_role("link", name="Lịch sử thay đổi của đơn vị").click()
    expect(page).to_have_url(re.compile(r"/don-vi/\d+/lich-su/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Phường Đập Đá")
