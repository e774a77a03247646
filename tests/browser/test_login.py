"""Logging in and out in a real browser; the keyboard path into a page."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tongket.demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def test_wrong_password_shows_the_vietnamese_error(page: Page, server_url: str) -> None:
    page.goto(server_url + "dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("vanphong")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page.get_by_role("alert")).to_have_text("Tên đăng nhập hoặc mật khẩu không đúng.")
    expect(page).to_have_url(server_url + "dang-nhap/")
    expect(page.get_by_role("button", name="Đăng xuất")).to_have_count(0)


def test_anonymous_scorecard_visit_goes_to_login_and_back(
    page: Page, server_url: str, unit_id: Callable[..., int]
) -> None:
    scorecard = f"don-vi/{unit_id('phường Đập Đá')}/ket-qua/2023/"
    page.goto(server_url + scorecard)
    expect(page).to_have_url(re.compile(r"/dang-nhap/\?next=" + re.escape("/" + scorecard)))
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()

    page.get_by_label("Tên đăng nhập").fill("vanphong")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(server_url + scorecard)
    expect(page.locator(".summary")).to_have_text("14/15 chỉ tiêu đạt và vượt")


def test_logout_ends_the_session(page_as: Callable[..., Page], server_url: str) -> None:
    page = page_as("vanphong", fresh=True)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Xin chào")
    page.get_by_role("button", name="Đăng xuất").click()

    expect(page).to_have_url(re.compile(r"/dang-nhap/"))
    expect(page.get_by_role("button", name="Đăng xuất")).to_have_count(0)
    page.goto(server_url + "don-vi/")
    expect(page).to_have_url(re.compile(r"/dang-nhap/\?next=/don-vi/"))


def test_skip_link_is_the_first_tab_stop(page_as: Callable[..., Page], server_url: str) -> None:
    page = page_as("vanphong")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, tới nội dung")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, "focused skip link is on screen"

    page.keyboard.press("Enter")
    expect(page).to_have_url(server_url + "#noi-dung")
