"""The entry grid: saving all or nothing, conflicts, roles, locks and Vietnamese numbers."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tongket.indicators.models import Indicator
from tongket.periods import Period, PeriodKind
from tongket.results.locks import lock_period
from tongket.results.models import Basis, LockEvent, PeriodLock, Result, Revision, State, Target
from tongket.results.scorecards import build_scorecard, has_data
from tongket.results.services import (
    ResultInput,
    TargetInput,
    remove_accepted,
    save_result,
    save_target,
)
from tongket.units.lookup import resolve_unit
from tongket.units.models import Level, Unit
from tongket.web.entry_forms import NumberError, read_number

pytestmark = pytest.mark.django_db


class EntryForm(HTMLParser):
    """The fields a browser would submit from the grid form (class "entry-form")."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.inside = False
        self.select: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = "entry-form" in a.get("class", "")
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.fields[a["name"]] = a.get("value", "on")
            else:
                self.fields[a["name"]] = a.get("value", "")
        elif tag == "select":
            self.select = a["name"]
        elif (
            tag == "option"
            and self.select is not None
            and (self.select not in self.fields or "selected" in a)
        ):
            self.fields[self.select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


def dap_da() -> Unit:
    return resolve_unit("phường Đập Đá", 2023)


def an_nhon() -> Unit:
    return resolve_unit("21910")  # Phường An Nhơn, Gia Lai, from 1/7/2025


@pytest.fixture
def empty_2025() -> Unit:
    """Phường An Nhơn without figures for 2025, whatever the demo data holds for it."""
    unit = an_nhon()
    for model in (Target, Result):
        for record in model.objects.filter(unit=unit, year=2025, state=State.ACCEPTED):
            remove_accepted(record)
    return unit


def indicator(code: str) -> Indicator:
    return Indicator.objects.get(code=code)


def name(code: str, cell: str) -> str:
    return f"i{indicator(code).pk}-{cell}"


def entry_url(unit: Unit, year: int, period: str = "") -> str:
    url = reverse("web:entry", args=[unit.pk, year])
    return f"{url}?ky={period}" if period else url


def grid_fields(client: Any, url: str) -> dict[str, str]:
    page = client.get(url)
    assert page.status_code == 200
    return EntryForm(page.content.decode()).fields


def user(username: str) -> User:
    return User.objects.get(username=username)


# Reading and showing the grid, for every role.


def test_office_sees_the_grid_with_status_and_summary(login: Any) -> None:
    client = login("vanphong")
    page = client.get(entry_url(dap_da(), 2023))
    text = page.content.decode()
    assert page.status_code == 200
    assert "14/15 chỉ tiêu đạt và vượt" in text
    assert "Kế hoạch năm 2023" in text and "Kết quả năm 2023" in text
    assert 'inputmode="decimal"' in text
    assert "triệu đồng" in text and "(tiền: triệu đồng)" in text
    fields = EntryForm(text).fields
    assert fields[name("economic_growth", "value")] == "16,1"
    assert fields[name("new_party_members", "value")] == "15"
    assert fields[name("new_party_members", "rv")].endswith(":1")
    assert 'class="status status-khong_dat"' in text
    assert "Chốt số liệu năm 2023" not in text  # the office may not lock


def test_money_is_shown_and_typed_in_millions(login: Any) -> None:
    client = login("quantri")
    tay_son = resolve_unit("phường Tây Sơn", 2023, has_data)
    fields = grid_fields(client, entry_url(tay_son, 2023))
    stored = Result.objects.get(
        unit=tay_son, indicator__code="state_budget_revenue", year=2023, state=State.ACCEPTED
    )
    assert stored.value == Decimal("124857000000")
    assert fields[name("state_budget_revenue", "value")] == "124.857"
    fields[name("state_budget_revenue", "value")] = "124.857,5"
    page = client.post(entry_url(tay_son, 2023), fields)
    assert page.status_code == 302
    stored.refresh_from_db()
    assert stored.value == Decimal("124857500000")


def test_leader_sees_the_lock_buttons(login: Any) -> None:
    text = login("lanhdao").get(entry_url(dap_da(), 2023)).content.decode()
    assert "Chốt số liệu năm 2023" in text
    assert "Lịch sử chốt và mở khóa năm 2023" in text


def test_superior_may_edit_targets_only(login: Any) -> None:
    fields = grid_fields(login("captren"), entry_url(an_nhon(), 2025))
    assert name("jobs_created", "amount") in fields
    assert name("jobs_created", "tv") in fields
    assert name("jobs_created", "value") not in fields
    assert name("jobs_created", "rv") not in fields


def test_view_only_user_gets_a_read_only_grid_and_may_not_post(login: Any) -> None:
    client = login("captren")
    gia_lai = an_nhon().parent
    assert gia_lai is not None
    page = client.get(entry_url(gia_lai, 2025))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Bạn chỉ có quyền xem" in text
    assert not any(key.startswith("i") for key in EntryForm(text).fields)
    assert "Lưu thay đổi" not in text
    refused = client.post(entry_url(gia_lai, 2025), {name("jobs_created", "tv"): ""})
    assert refused.status_code == 403


def test_admin_edits_everything(login: Any) -> None:
    fields = grid_fields(login("quantri"), entry_url(an_nhon(), 2025))
    assert name("jobs_created", "amount") in fields
    assert name("jobs_created", "value") in fields


def test_unit_outside_scope_is_not_found(login: Any) -> None:
    ba_dinh = Unit.objects.filter(
        level=Level.COMMUNE, valid_to__isnull=True, parent__name__contains="Hà Nội"
    ).first()
    assert ba_dinh is not None
    client = login("vanphong")
    assert client.get(entry_url(ba_dinh, 2025)).status_code == 404
    assert client.post(entry_url(ba_dinh, 2025), {}).status_code == 404
    lock_url = reverse("web:lock", args=[ba_dinh.pk, "2025"])
    assert client.post(lock_url, {"action": "lock"}).status_code == 404


def test_bad_period_is_not_found(login: Any) -> None:
    client = login("vanphong")
    assert client.get(entry_url(dap_da(), 2023, "2023-x")).status_code == 404
    assert client.get(entry_url(dap_da(), 2023, "2022-h1")).status_code == 404


# Saving.


def test_office_fixes_the_unmet_target_and_the_summary_changes(login: Any) -> None:
    unit = dap_da()
    unmet = build_scorecard(unit, Period(2023)).unmet_rows
    assert len(unmet) == 1
    code = unmet[0].indicator.code
    client = login("vanphong")
    fields = grid_fields(client, entry_url(unit, 2023))
    fields[name(code, "percent")] = "105"
    fields[name(code, "reason")] = "Số liệu quyết toán"
    page = client.post(entry_url(unit, 2023), fields, follow=True)
    text = page.content.decode()
    assert page.redirect_chain[0][1] == 302
    assert "Đã lưu 1 thay đổi." in text
    assert "15/15 chỉ tiêu đạt và vượt" in text
    result = Result.objects.get(unit=unit, indicator__code=code, year=2023, state=State.ACCEPTED)
    assert result.percent_of_plan == Decimal(105)
    assert result.entered_by == user("vanphong")
    revision = Revision.objects.filter(record_type="result", record_id=result.pk).first()
    assert revision is not None and revision.reason == "Số liệu quyết toán"


def test_unchanged_grid_saves_nothing(login: Any) -> None:
    client = login("vanphong")
    fields = grid_fields(client, entry_url(dap_da(), 2023))
    before = Revision.objects.count()
    page = client.post(entry_url(dap_da(), 2023), fields, follow=True)
    assert "Không có thay đổi nào để lưu." in page.content.decode()
    assert Revision.objects.count() == before


def test_invalid_number_saves_nothing_even_with_a_valid_row(login: Any) -> None:
    client = login("vanphong")
    fields = grid_fields(client, entry_url(dap_da(), 2023))
    fields[name("new_party_members", "value")] = "17"  # valid
    fields[name("economic_growth", "value")] = "16,1,2"  # malformed
    fields[name("clean_water_rate", "value")] = "120"  # a rate above 100%
    before = Revision.objects.count()
    page = client.post(entry_url(dap_da(), 2023), fields)
    text = page.content.decode()
    assert page.status_code == 200
    assert "“16,1,2” không phải là số" in text
    assert "phải nằm trong khoảng 0–100%" in text
    assert "chưa lưu thay đổi nào" in text
    assert f'aria-describedby="{name("economic_growth", "value")}-loi"' in text
    assert 'role="alert"' in text
    kept = EntryForm(text).fields
    assert kept[name("economic_growth", "value")] == "16,1,2"
    assert kept[name("new_party_members", "value")] == "17"
    assert Revision.objects.count() == before
    stored = Result.objects.get(
        unit=dap_da(), indicator__code="new_party_members", state=State.ACCEPTED, year=2023
    )
    assert stored.value == Decimal(15)


def test_malformed_number_alone_blocks_a_valid_row(login: Any) -> None:
    client = login("vanphong")
    fields = grid_fields(client, entry_url(dap_da(), 2023))
    fields[name("new_party_members", "value")] = "17"
    fields[name("civilized_streets", "amount")] = "mười hai"
    before = Revision.objects.count()
    page = client.post(entry_url(dap_da(), 2023), fields)
    assert page.status_code == 200
    assert "“mười hai” không phải là số" in page.content.decode()
    assert Revision.objects.count() == before


def test_new_target_without_an_amount_is_refused(login: Any, empty_2025: Unit) -> None:
    client = login("vanphong")
    fields = grid_fields(client, entry_url(empty_2025, 2025))
    fields[name("jobs_created", "comparator")] = ">="
    page = client.post(entry_url(empty_2025, 2025), fields)
    assert page.status_code == 200
    assert "Cần nhập mức chỉ tiêu hoặc đánh dấu duy trì." in page.content.decode()
    assert not Target.objects.filter(unit=empty_2025, year=2025, state=State.ACCEPTED).exists()


def test_new_target_and_result_are_created_for_a_quarter(login: Any, empty_2025: Unit) -> None:
    client = login("lanhdao")
    url = entry_url(empty_2025, 2025, "2025-q3")
    fields = grid_fields(client, url)
    fields[name("jobs_created", "amount")] = "1.200"
    fields[name("jobs_created", "value")] = "310"
    fields[name("jobs_created", "estimate")] = "1"
    page = client.post(url, fields, follow=True)
    assert "Đã lưu 2 thay đổi." in page.content.decode()
    accepted = {"unit": empty_2025, "indicator__code": "jobs_created", "state": State.ACCEPTED}
    target = Target.objects.get(**accepted, year=2025)
    assert target.amount == Decimal(1200)
    assert target.basis == Basis.RESOLUTION
    result = Result.objects.get(**accepted, year=2025)
    assert result.period == Period(2025, PeriodKind.QUARTER, 3)
    assert result.is_estimate


def test_empty_cell_removes_the_figure_with_a_trace(login: Any) -> None:
    unit = dap_da()
    client = login("vanphong")
    fields = grid_fields(client, entry_url(unit, 2023))
    fields[name("civilized_streets", "value")] = ""
    fields[name("civilized_streets", "reason")] = "Trùng với báo cáo khác"
    page = client.post(entry_url(unit, 2023), fields, follow=True)
    assert "Đã lưu 1 thay đổi." in page.content.decode()
    result = Result.objects.get(unit=unit, indicator__code="civilized_streets", year=2023)
    assert result.state == State.REJECTED
    revision = Revision.objects.filter(record_type="result", record_id=result.pk).first()
    assert revision is not None
    assert revision.action == Revision.Action.DELETE
    assert revision.before is not None and revision.before["value"] == "12"
    assert revision.user == user("vanphong")
    assert revision.reason == "Trùng với báo cáo khác"


# Concurrent edits.


def test_stale_save_is_refused_with_what_changed(login: Any) -> None:
    unit = dap_da()
    client = login("vanphong")
    fields = grid_fields(client, entry_url(unit, 2023))
    code = indicator("new_party_members")
    save_result(
        ResultInput(unit, code, Period(2023), value=Decimal(17), percent_of_plan=Decimal(100)),
        user("lanhdao"),
        expected_version=1,
    )
    fields[name("new_party_members", "value")] = "16"
    fields[name("economic_growth", "value")] = "16,5"  # a row nobody else touched
    page = client.post(entry_url(unit, 2023), fields)
    text = page.content.decode()
    assert page.status_code == 409
    assert "Kết quả: 15 đảng viên → 17 đảng viên" in text
    assert "Lãnh đạo phường An Nhơn (lanhdao)" in text
    assert "Bạn đã nhập: Kết quả 16" in text
    stored = Result.objects.get(unit=unit, indicator=code, state=State.ACCEPTED, year=2023)
    assert stored.value == Decimal(17)
    growth = Result.objects.get(
        unit=unit, indicator__code="economic_growth", state=State.ACCEPTED, year=2023
    )
    assert growth.value == Decimal("16.1")
    # The conflicting row now shows the new figure and version; a second save goes through.
    again = EntryForm(text).fields
    assert again[name("new_party_members", "value")] == "17"
    assert again[name("economic_growth", "value")] == "16,5"
    again[name("new_party_members", "value")] = "16"
    assert client.post(entry_url(unit, 2023), again).status_code == 302
    stored.refresh_from_db()
    assert stored.value == Decimal(16)


def test_others_changes_to_untouched_rows_are_kept(login: Any) -> None:
    unit = dap_da()
    client = login("vanphong")
    fields = grid_fields(client, entry_url(unit, 2023))
    save_result(
        ResultInput(unit, indicator("new_party_members"), Period(2023), value=Decimal(17)),
        user("lanhdao"),
        expected_version=1,
    )
    fields[name("economic_growth", "value")] = "16,5"
    assert client.post(entry_url(unit, 2023), fields).status_code == 302
    stored = Result.objects.get(
        unit=unit, indicator__code="new_party_members", state=State.ACCEPTED, year=2023
    )
    assert stored.value == Decimal(17)


def test_figure_created_meanwhile_is_a_conflict(login: Any, empty_2025: Unit) -> None:
    unit = empty_2025
    client = login("vanphong")
    fields = grid_fields(client, entry_url(unit, 2025))
    save_target(TargetInput(unit, indicator("jobs_created"), 2025, Decimal(900)), user("lanhdao"))
    fields[name("jobs_created", "amount")] = "1.000"
    page = client.post(entry_url(unit, 2025), fields)
    assert page.status_code == 409
    assert "Mức kế hoạch: (trống) → 900 lao động" in page.content.decode()
    assert Target.objects.get(unit=unit, year=2025, state=State.ACCEPTED).amount == 900


# Superiors assign targets; they do not touch results.


def test_superior_assigns_a_target_to_a_ward_below(login: Any, empty_2025: Unit) -> None:
    client = login("captren")
    unit = empty_2025
    fields = grid_fields(client, entry_url(unit, 2025))
    fields[name("jobs_created", "amount")] = "1.500"
    page = client.post(entry_url(unit, 2025), fields, follow=True)
    assert "Đã lưu 1 thay đổi." in page.content.decode()
    target = Target.objects.get(
        unit=unit, indicator__code="jobs_created", year=2025, state=State.ACCEPTED
    )
    assert target.amount == Decimal(1500)
    assert target.basis == Basis.ASSIGNED
    assert target.assigned_by == unit.parent


def test_superior_posting_a_result_is_forbidden(login: Any) -> None:
    client = login("captren")
    unit = an_nhon()
    fields = grid_fields(client, entry_url(unit, 2025))
    fields[name("jobs_created", "amount")] = "1.500"
    fields[name("jobs_created", "value")] = "1.600"
    before = Revision.objects.count()
    assert client.post(entry_url(unit, 2025), fields).status_code == 403
    assert Revision.objects.count() == before


# Locks.


def lock_url(unit: Unit, period: str) -> str:
    return reverse("web:lock", args=[unit.pk, period])


def test_locked_year_is_read_only_and_refuses_a_save(login: Any) -> None:
    unit = dap_da()
    office = login("vanphong")
    fields = grid_fields(office, entry_url(unit, 2023))
    lock_period(unit, Period(2023), user("lanhdao"))
    page = office.get(entry_url(unit, 2023))
    assert "đã chốt" in page.content.decode()
    assert not any(key.startswith("i") for key in EntryForm(page.content.decode()).fields)
    fields[name("new_party_members", "value")] = "16"
    refused = office.post(entry_url(unit, 2023), fields)
    assert refused.status_code == 409
    assert "đã được chốt" in refused.content.decode()
    stored = Result.objects.get(
        unit=unit, indicator__code="new_party_members", state=State.ACCEPTED, year=2023
    )
    assert stored.value == Decimal(15)


def test_leader_locks_then_office_save_is_refused(login: Any) -> None:
    unit = dap_da()
    client = login("vanphong")
    fields = grid_fields(client, entry_url(unit, 2023))
    leader = login("lanhdao")
    page = leader.post(lock_url(unit, "2023"), {"action": "lock"}, follow=True)
    assert "Đã chốt số liệu năm 2023." in page.content.decode()
    assert PeriodLock.objects.filter(unit=unit, period="2023").exists()
    client = login("vanphong")
    fields[name("economic_growth", "value")] = "17"
    refused = client.post(entry_url(unit, 2023), fields)
    assert refused.status_code == 409
    assert "cần lãnh đạo mở khóa trước khi sửa" in refused.content.decode()


def test_locked_half_year_leaves_targets_open(login: Any) -> None:
    unit = an_nhon()
    lock_period(unit, Period(2025, PeriodKind.HALF), user("lanhdao"))
    fields = grid_fields(login("vanphong"), entry_url(unit, 2025, "2025-h1"))
    assert name("jobs_created", "amount") in fields
    assert name("jobs_created", "value") not in fields


def test_unlock_needs_a_reason_and_is_recorded(login: Any) -> None:
    unit = dap_da()
    client = login("lanhdao")
    client.post(lock_url(unit, "2023"), {"action": "lock"})
    page = client.post(lock_url(unit, "2023"), {"action": "unlock", "reason": " "}, follow=True)
    assert "Cần ghi lý do mở khóa" in page.content.decode()
    assert PeriodLock.objects.filter(unit=unit, period="2023").exists()
    page = client.post(
        lock_url(unit, "2023"), {"action": "unlock", "reason": "Bổ sung số liệu quyết toán"}
    )
    assert page.status_code == 302
    assert page["Location"] == entry_url(unit, 2023)
    assert not PeriodLock.objects.filter(unit=unit, period="2023").exists()
    event = LockEvent.objects.filter(unit=unit, period="2023").first()
    assert event is not None
    assert event.action == LockEvent.Action.UNLOCK
    assert event.reason == "Bổ sung số liệu quyết toán"
    assert event.user == user("lanhdao")
    text = client.get(entry_url(unit, 2023)).content.decode()
    assert "Bổ sung số liệu quyết toán" in text and "Mở khóa" in text


@pytest.mark.parametrize("username", ["vanphong", "captren"])
def test_only_leaders_and_admins_lock(login: Any, username: str) -> None:
    unit = an_nhon()
    assert login(username).post(lock_url(unit, "2025"), {"action": "lock"}).status_code == 403
    assert not PeriodLock.objects.filter(unit=unit).exists()


def test_admin_locks_a_quarter(login: Any) -> None:
    unit = an_nhon()
    client = login("quantri")
    page = client.post(lock_url(unit, "2025-q3"), {"action": "lock", "reason": "Quý III"})
    assert page["Location"] == entry_url(unit, 2025, "2025-q3")
    assert PeriodLock.objects.filter(unit=unit, period="2025-q3").exists()
    assert client.get(lock_url(unit, "2025")).status_code == 405


# Efficiency and number reading.


def test_query_count_does_not_grow_with_rows(login: Any, empty_2025: Unit) -> None:
    unit = empty_2025
    client = login("vanphong")
    url = entry_url(unit, 2025)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for code in ("jobs_created", "new_party_members", "clean_water_rate"):
        save_target(TargetInput(unit, indicator(code), 2025, Decimal(50)))
        save_result(ResultInput(unit, indicator(code), Period(2025), value=Decimal(60)))
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(more) == len(few)
    assert len(few) < 30


@pytest.mark.parametrize(
    ("text", "scale", "expected"),
    [
        ("124.857", 1, "124857"),
        ("16,1", 1, "16.1"),
        ("2.317,8", 1, "2317.8"),
        (" 1 200 ", 1, "1200"),
        ("124.857", 10**6, "124857000000"),
        ("0,5", 10**6, "500000"),
        ("", 1, None),
    ],
)
def test_numbers_are_read_the_vietnamese_way(text: str, scale: int, expected: str | None) -> None:
    number = read_number(text, scale=Decimal(scale))
    assert number == (None if expected is None else Decimal(expected))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "không phải là số"),
        ("1,2,3", "không phải là số"),
        ("NaN", "không phải là số"),
        ("1,1234567", "tối đa 6 chữ số sau dấu phẩy"),
        ("1" + "0" * 18, "quá lớn"),
    ],
)
def test_malformed_numbers_are_refused_in_vietnamese(text: str, message: str) -> None:
    with pytest.raises(NumberError, match=message):
        read_number(text)
