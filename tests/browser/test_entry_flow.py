"""Office staff enter results in the grid, typing Vietnamese numbers, and see the scorecard move.

The flow changes phường Đập Đá's 2023 figures, which other browser tests read (14/15): it
puts them back through the grid at its end, and a fixture restores them with the `tongket`
command if the test stopped half-way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from playwright.sync_api import Locator, Page, expect

from tongket.devserver import DevServer

pytestmark = pytest.mark.browser

INDICATOR = "state_budget_revenue"
# The demo's figures for that indicator: no number, a person's "không đạt".
DEMO_RESULT = (None, None, "khong_dat")
SAVED_ONE = "Đã lưu 1 thay đổi."


def budget_result(server: DevServer, unit: int) -> tuple[object, ...]:
    """(id, version, value, percent of plan, assessed, note) of the accepted 2023 result."""
    rows = server.query(
        "SELECT r.id, r.version, r.value, r.percent_of_plan, r.assessed, r.note"
        " FROM results_result r JOIN indicators_indicator i ON i.id = r.indicator_id"
        " WHERE r.unit_id = ? AND i.code = ? AND r.year = 2023 AND r.period_kind = 'year'"
        " AND r.state = 'accepted'",
        unit,
        INDICATOR,
    )
    assert len(rows) == 1, rows
    return rows[0]


def figures(row: tuple[object, ...]) -> tuple[Decimal | None, Decimal | None, object]:
    """(value, percent of plan, assessed) as exact decimals: SQLite hands back int or float."""

    def exact(number: object) -> Decimal | None:
        return None if number is None else Decimal(str(number))

    return exact(row[2]), exact(row[3]), row[4]


@pytest.fixture
def dap_da(unit_id: Callable[..., int]) -> int:
    return unit_id("phường Đập Đá")


@pytest.fixture
def demo_figures_kept(live_server_process: DevServer, dap_da: int) -> Iterator[None]:
    """After the test, the budget result is the demo's again (14/15 for the other tests)."""
    yield
    if figures(budget_result(live_server_process, dap_da)) != DEMO_RESULT:
        live_server_process.tongket(
            "result", "phường Đập Đá", INDICATOR, "2023", "--assessed", "khong_dat",
            "--reason", "Trả lại số liệu mẫu sau kiểm thử",
        )  # fmt: skip


def grid_row(page: Page, indicator_name: str) -> Locator:
    name = page.locator("th.name > span", has_text=re.compile(f"^{re.escape(indicator_name)}$"))
    return page.locator("table.entry-grid tr", has=name)


def type_into(cell: Locator, text: str) -> None:
    """Focus a cell, select what it holds and type over it, key by key."""
    cell.focus()
    page = cell.page
    page.keyboard.press("ControlOrMeta+A")
    if text:
        page.keyboard.type(text)
    else:
        page.keyboard.press("Delete")


def test_office_enters_the_unmet_result_and_reaches_15_of_15(
    page_as: Callable[..., Page],
    live_url: Callable[..., str],
    live_server_process: DevServer,
    dap_da: int,
    demo_figures_kept: None,
) -> None:
    page = page_as("vanphong")
    scorecard = live_url("web:scorecard", dap_da, "2023")
    page.goto(scorecard)
    expect(page.locator(".summary")).to_have_text("14/15 chỉ tiêu đạt và vượt")
    unmet_note = page.get_by_role("note").filter(has_text="Chỉ tiêu không đạt")
    expect(unmet_note.get_by_role("listitem")).to_have_count(1)
    unmet = unmet_note.get_by_role("listitem").inner_text().split(" — ")[0].strip()
    assert unmet == "Thu ngân sách nhà nước trên địa bàn"
    before = budget_result(live_server_process, dap_da)

    page.get_by_role("link", name="Nhập số liệu").click()
    expect(page).to_have_url(live_url("web:entry", dap_da, 2023))
    expect(page.locator("#tong-hop")).to_have_text("14/15 chỉ tiêu đạt và vượt")
    row = grid_row(page, unmet)
    expect(row.locator("td.state .status")).to_have_text("không đạt")
    value = row.get_by_label("Giá trị")
    percent = row.get_by_label("% KH")
    expect(value).to_have_value("")
    expect(row.locator("td.unit")).to_have_text("triệu đồng")

    # 1.312,5 million đồng, 105% of the plan: Enter moves down the column, not submit.
    type_into(value, "1.312,5")
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_attribute("data-col", "value")
    expect(value).not_to_be_focused()
    type_into(percent, "105")
    row.get_by_label("Đánh giá").select_option(label="—")
    type_into(row.get_by_label("Lý do sửa"), "Số liệu quyết toán cuối năm")
    percent.focus()
    page.keyboard.press("Control+Enter")  # saves, as the hint under the summary says

    expect(page.get_by_role("status")).to_have_text(SAVED_ONE)
    expect(page).to_have_url(live_url("web:entry", dap_da, 2023))
    row = grid_row(page, unmet)
    expect(row.locator("td.state .status")).to_have_text("vượt")
    expect(row.locator("td.state")).to_contain_text("105%")
    expect(page.locator("#tong-hop")).to_have_text("15/15 chỉ tiêu đạt và vượt")
    expect(row.get_by_label("Giá trị")).to_have_value("1.312,5")
    saved = budget_result(live_server_process, dap_da)
    assert saved[0] == before[0] and saved[1] == int(str(before[1])) + 1
    assert figures(saved) == (Decimal("1312500000"), Decimal("105"), "")

    page.get_by_role("link", name="Xem bảng kết quả năm 2023").click()
    expect(page).to_have_url(scorecard)
    expect(page.locator(".summary")).to_have_text("15/15 chỉ tiêu đạt và vượt")
    expect(page.get_by_role("note").filter(has_text="Chỉ tiêu không đạt")).to_have_count(0)
    card_row = page.locator(f"tr[data-indicator='{INDICATOR}']")
    expect(card_row).to_contain_text("1.312,5")
    expect(card_row.locator(".status")).to_have_text("vượt")

    # Clearing the cells and judging it "không đạt" again puts the demo's figures back.
    page.get_by_role("link", name="Nhập số liệu").click()
    row = grid_row(page, unmet)
    type_into(row.get_by_label("Giá trị"), "")
    type_into(row.get_by_label("% KH"), "")
    row.get_by_label("Đánh giá").select_option(label="Không đạt")
    page.get_by_role("button", name="Lưu thay đổi").click()
    expect(page.get_by_role("status")).to_have_text(SAVED_ONE)
    expect(grid_row(page, unmet).locator("td.state .status")).to_have_text("không đạt")
    expect(page.locator("#tong-hop")).to_have_text("14/15 chỉ tiêu đạt và vượt")
    restored = budget_result(live_server_process, dap_da)
    assert figures(restored) == DEMO_RESULT
    assert restored[5] == before[5], "the note the grid does not change is kept"


def test_malformed_number_is_refused_beside_its_cell_and_nothing_is_saved(
    page_as: Callable[..., Page],
    live_url: Callable[..., str],
    live_server_process: DevServer,
    dap_da: int,
    demo_figures_kept: None,
) -> None:
    page = page_as("vanphong")
    page.goto(live_url("web:entry", dap_da, 2023))
    before = budget_result(live_server_process, dap_da)
    row = grid_row(page, "Thu ngân sách nhà nước trên địa bàn")
    type_into(row.get_by_label("Giá trị"), "1.312,5")  # valid, but saved only with the rest
    type_into(row.get_by_label("% KH"), "10,5,3")
    page.get_by_role("button", name="Lưu thay đổi").click()

    expect(page.locator(".entry-notice")).to_have_text(
        "Có ô chưa hợp lệ; chưa lưu thay đổi nào. Hãy sửa các ô được đánh dấu."
    )
    row = grid_row(page, "Thu ngân sách nhà nước trên địa bàn")
    percent = row.get_by_label("% KH")
    expect(percent).to_have_attribute("aria-invalid", "true")
    error = row.locator("td.c-percent .error")
    expect(error).to_have_text("“10,5,3” không phải là số; hãy nhập kiểu 124.857 hoặc 16,1.")
    expect(percent).to_have_accessible_description(
        "“10,5,3” không phải là số; hãy nhập kiểu 124.857 hoặc 16,1."
    )
    expect(percent).to_have_value("10,5,3")
    expect(row.get_by_label("Giá trị")).to_have_value("1.312,5")
    expect(row.locator("td.state .status")).to_have_text("không đạt")
    expect(page.locator("#tong-hop")).to_have_text("14/15 chỉ tiêu đạt và vượt")
    assert budget_result(live_server_process, dap_da) == before
