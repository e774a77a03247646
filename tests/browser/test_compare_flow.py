"""A superior compares the wards of the province: heat table, legend, ranking chart, filter,
sort, and on to a ward's scorecard; office staff are refused the page."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

from tongket.devserver import DevServer

pytestmark = pytest.mark.browser


def body_rows(page: Page) -> Locator:
    return page.locator("#bang-so-sanh tbody tr")


def column(page: Page, label: str) -> Locator:
    """A column header by its label (not exact: its style adds an arrow once sorted by it)."""
    return page.get_by_role("columnheader", name=label)


def test_superior_compares_filters_sorts_and_opens_a_ward(
    page_as: Callable[..., Page], live_url: Callable[..., str], unit_id: Callable[..., int]
) -> None:
    page = page_as("captren")
    compare = live_url("web:compare", unit_id("tỉnh Gia Lai"), 2023)
    page.goto(compare)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "So sánh đơn vị trực thuộc Tỉnh Gia Lai — năm 2023"
    )
    table = page.get_by_role("table")
    dap_da = table.get_by_role("row").filter(has=page.get_by_role("link", name="Phường Đập Đá"))
    expect(dap_da).to_have_count(1)
    expect(dap_da.locator("td").first).to_have_text(re.compile(r"^14/15\s*93,3%$"))
    expect(dap_da.locator("td.s-khong_dat")).to_contain_text("Không đạt")

    legend = page.get_by_role("list", name="Chú giải").get_by_role("listitem")
    expect(legend).to_have_text(
        [
            re.compile(r"^Vượt \d+ ô$"),
            re.compile(r"^Đạt \d+ ô$"),
            "Không đạt 1 ô",
            re.compile(r"^Chưa có số liệu \d+ ô$"),
            re.compile(r"^Không có chỉ tiêu \d+ ô$"),
        ]
    )
    chart = page.get_by_role("img", name=re.compile("^Tỷ lệ chỉ tiêu đạt và vượt năm 2023"))
    expect(chart).to_be_visible()
    expect(chart.locator("text", has_text="Phường Đập Đá")).to_have_count(1)
    expect(chart).to_contain_text("14/15")

    # Filter by status: only the ward with an unmet target is left.
    page.get_by_label("Trạng thái", exact=True).select_option(label="Có chỉ tiêu không đạt")
    page.get_by_role("button", name="Áp dụng").click()
    expect(page).to_have_url(re.compile(r"[?&]trang-thai=khong_dat(&|$)"))
    expect(page.get_by_text("1 đơn vị sau khi lọc")).to_be_visible()
    expect(body_rows(page)).to_have_count(1)
    expect(body_rows(page)).to_contain_text("Phường Đập Đá")

    # Unfiltered, sorted by name downwards in the page; the server's order agrees on reload.
    page.get_by_role("link", name="Bỏ lọc").click()
    names = page.locator("#bang-so-sanh tbody th[scope=row]")
    expect(names.first).to_have_text(re.compile(r"^Phường An Bình"))
    count = body_rows(page).count()
    assert count > 100, "every ward and commune of the province is listed"
    folded = [name or "" for name in names.evaluate_all("ths => ths.map(t => t.dataset.v)")]
    name_header = column(page, "Đơn vị")
    name_header.get_by_role("link").click()
    expect(name_header).to_have_attribute("aria-sort", "descending")
    expect(page).to_have_url(re.compile(r"[?&]sap-xep=-ten(&|$)"))
    expect(names.first).to_have_attribute("data-v", max(folded))
    page.reload()
    expect(column(page, "Đơn vị")).to_have_attribute("aria-sort", "descending")
    expect(names.first).to_have_attribute("data-v", max(folded))
    expect(body_rows(page)).to_have_count(count)

    # By the share of targets met, most first: the one ward with figures leads.
    page.get_by_label("Sắp xếp", exact=True).select_option(label="Số chỉ tiêu đạt (nhiều trước)")
    page.get_by_role("button", name="Áp dụng").click()
    expect(page).to_have_url(re.compile(r"[?&]sap-xep=-dat(&|$)"))
    expect(column(page, "Đạt / số chỉ tiêu")).to_have_attribute("aria-sort", "descending")
    expect(names.first).to_contain_text("Phường Đập Đá")

    names.first.get_by_role("link", name="Phường Đập Đá").click()
    expect(page).to_have_url(live_url("web:scorecard", unit_id("phường Đập Đá"), "2023"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Phường Đập Đá — Năm 2023")


def test_office_is_refused_the_comparison(
    page_as: Callable[..., Page],
    live_url: Callable[..., str],
    unit_id: Callable[..., int],
    live_server_process: DevServer,
) -> None:
    page = page_as("vanphong")
    # Their own ward: in scope, but comparing is a superior's right.
    ward = live_server_process.member_unit("vanphong")
    response = page.goto(live_url("web:compare", ward, 2023))
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Không có quyền")
    expect(
        page.get_by_text("Bạn không có quyền so sánh các đơn vị trực thuộc đơn vị này.")
    ).to_be_visible()
    expect(page).to_have_title(re.compile("^Không có quyền"))

    # The province is outside their scope altogether: not found, rather than forbidden.
    response = page.goto(live_url("web:compare", unit_id("tỉnh Gia Lai"), 2023))
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Không tìm thấy")

    page.goto(live_url("web:scorecard", unit_id("phường Đập Đá"), "2023"))
    expect(page.get_by_role("link", name="Nhập số liệu")).to_be_visible()
    expect(page.get_by_role("link", name="So sánh đơn vị trực thuộc")).to_have_count(0)
