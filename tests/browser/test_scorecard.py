"""From the home page to a scorecard, its period switch, and the units search."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_office_opens_the_dap_da_scorecard_from_home(
    page_as: Callable[..., Page], server_url: str, unit_id: Callable[..., int]
) -> None:
    page = page_as("vanphong")
    with_data = page.locator("section", has=page.get_by_role("heading", name="Đơn vị có số liệu"))
    row = with_data.get_by_role("row").filter(has_text="Phường Đập Đá")
    expect(row.get_by_role("link", name="Phường Đập Đá")).to_be_visible()

    row.get_by_role("link", name="2023", exact=True).click()
    expect(page).to_have_url(server_url + f"don-vi/{unit_id('phường Đập Đá')}/ket-qua/2023/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Phường Đập Đá — Năm 2023")
    expect(page.locator(".summary")).to_have_text("14/15 chỉ tiêu đạt và vượt")
    unmet = page.get_by_role("note").filter(has_text="Chỉ tiêu không đạt")
    expect(unmet.get_by_role("listitem")).to_have_count(1)
    expect(unmet.get_by_role("listitem")).to_contain_text("Thu ngân sách nhà nước trên địa bàn")


def test_period_select_switches_the_scorecard(
    page_as: Callable[..., Page], server_url: str, unit_id: Callable[..., int]
) -> None:
    page = page_as("vanphong")
    base = server_url + f"don-vi/{unit_id('phường Đập Đá')}/ket-qua/"
    page.goto(base + "2023/")
    page.get_by_label("Kỳ", exact=True).select_option(label="9 tháng năm 2023")

    expect(page).to_have_url(base + "2023-m9/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Phường Đập Đá — 9 tháng năm 2023")
    expect(page.get_by_label("Kỳ", exact=True)).to_have_value(re.compile(r"/ket-qua/2023-m9/$"))

    page.get_by_role("link", name="2022", exact=True).click()
    expect(page).to_have_url(base + "2022/")


def test_units_search_finds_a_former_ward_without_diacritics(
    page_as: Callable[..., Page], server_url: str
) -> None:
    page = page_as("vanphong")
    page.get_by_role("navigation", name="Chính").get_by_role("link", name="Đơn vị").click()
    expect(page).to_have_url(server_url + "don-vi/")

    page.get_by_label("Tìm theo tên hoặc mã").fill("dap da")
    page.get_by_role("button", name="Tìm").click()
    expect(page.get_by_text("Thử đánh dấu “Cả đơn vị trước sáp nhập”")).to_be_visible()

    page.get_by_label("Cả đơn vị trước sáp nhập").check()
    page.get_by_role("button", name="Tìm").click()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Phường Đập Đá"))
    expect(row).to_have_count(1)
    expect(row).to_contain_text("đến 30/06/2025")
    row.get_by_role("link", name="Phường Đập Đá").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Phường Đập Đá")
