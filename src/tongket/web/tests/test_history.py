"""History pages: every change of a target or result, with who, when, old → new and why."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from tongket.documents.services import accept_draft, edit_draft, import_report
from tongket.indicators.models import Indicator
from tongket.periods import Period
from tongket.results.models import Result, Revision
from tongket.results.scorecards import has_data
from tongket.results.services import ResultInput, TargetInput, save_result, save_target
from tongket.units.lookup import resolve_unit
from tongket.units.models import Unit
from tongket.web.revision_changes import Change, describe_changes

pytestmark = pytest.mark.django_db

ROLES = ["vanphong", "lanhdao", "captren", "quantri"]


@cache
def unit_id(query: str) -> int:
    return resolve_unit(query, 2023, has_data).pk


def dap_da() -> Unit:
    return Unit.objects.get(pk=unit_id("phường Đập Đá"))


def tay_son() -> Unit:
    return Unit.objects.get(pk=unit_id("phường Tây Sơn"))


def growth_of(unit: Unit) -> Result:
    return Result.objects.get(
        unit=unit,
        indicator__code="economic_growth",
        year=2023,
        period_kind="year",
        state="accepted",
    )


def corrected_growth() -> Result:
    """Đập Đá's 2023 growth corrected by the office: 16,1% → 16,5%."""
    result = growth_of(dap_da())
    data = ResultInput(result.unit, result.indicator, Period(2023), value=Decimal("16.5"))
    return save_result(
        data,
        User.objects.get(username="vanphong"),
        expected_version=result.version,
        reason="Số liệu chính thức của Chi cục Thống kê",
    )


def page_text(response: Any) -> str:
    return str(response.content.decode())


# --- one record -----------------------------------------------------------------------


@pytest.mark.parametrize("username", ROLES)
def test_history_shows_old_and_new_with_who_when_and_why(login: Any, username: str) -> None:
    result = corrected_growth()
    page = login(username).get(reverse("web:history", args=["result", result.pk]))
    text = page_text(page)
    assert page.status_code == 200
    assert "Lịch sử: Tốc độ tăng trưởng kinh tế" in text
    assert "Phường Đập Đá" in text and "Năm 2023" in text
    assert "<strong>16,5%</strong>" in text
    assert '<span class="old">16,1%</span> → <span class="new">16,5%</span>' in text
    assert "Cán bộ văn phòng phường An Nhơn" in text
    assert "Số liệu chính thức của Chi cục Thống kê" in text
    update = Revision.objects.get(record_type="result", record_id=result.pk, action="update")
    assert timezone.localtime(update.created_at).strftime("%d/%m/%Y %H:%M") in text
    assert "Sửa" in text and "Tạo mới" in text


def test_history_of_a_record_outside_scope_is_not_found(login: Any) -> None:
    result = Result.objects.filter(unit=tay_son(), state="accepted").first()
    assert result is not None
    client = login("vanphong")
    assert client.get(reverse("web:history", args=["result", result.pk])).status_code == 404
    assert client.get(reverse("web:history", args=["plan", result.pk])).status_code == 404
    assert client.get(reverse("web:history", args=["result", 10**9])).status_code == 404
    assert (
        login("quantri").get(reverse("web:history", args=["result", result.pk])).status_code == 200
    )


def test_history_of_a_target_shows_the_amount_the_vietnamese_way(login: Any) -> None:
    unit = tay_son()
    budget = Indicator.objects.get(code="state_budget_revenue")
    target = save_target(
        TargetInput(unit, budget, 2025, Decimal("31337000000")),
        User.objects.get(username="quantri"),
        reason="Nghị quyết HĐND",
    )
    save_target(
        TargetInput(unit, budget, 2025, Decimal("35000000000")),
        User.objects.get(username="quantri"),
        reason="Điều chỉnh giữa năm",
    )
    text = page_text(login("quantri").get(reverse("web:history", args=["target", target.pk])))
    assert (
        '<span class="old">31.337 triệu đồng</span> → <span class="new">35 tỷ đồng</span>' in text
    )
    assert "Điều chỉnh giữa năm" in text and "Nghị quyết HĐND" in text


def test_replaced_figures_stay_visible_from_each_other(login: Any) -> None:
    result = growth_of(dap_da())
    text_before = page_text(
        login("lanhdao").get(reverse("web:history", args=["result", result.pk]))
    )
    assert "Số liệu khác cùng chỉ tiêu và kỳ" not in text_before
    document = import_report(
        dap_da(),
        "bao-cao.txt",
        "Năm 2023, phường Đập Đá có tốc độ tăng trưởng kinh tế đạt 17,2%.",
    ).document
    draft = Result.objects.get(document=document, indicator__code="economic_growth")
    accept_draft(draft, User.objects.get(username="lanhdao"), replace=True)
    text = page_text(login("lanhdao").get(reverse("web:history", args=["result", result.pk])))
    assert "Số liệu khác cùng chỉ tiêu và kỳ" in text
    assert reverse("web:history", args=["result", draft.pk]) in text
    assert "Thay bằng số liệu từ văn bản" in text
    assert '<span class="old">Đã duyệt</span> → <span class="new">Đã loại</span>' in text


def test_draft_from_a_document_shows_what_was_read_and_its_edit(login: Any) -> None:
    document = import_report(
        dap_da(),
        "bao-cao.txt",
        "Năm 2023, phường Đập Đá có tốc độ tăng trưởng kinh tế đạt 17,2%.",
        user=User.objects.get(username="vanphong"),
    ).document
    draft = Result.objects.get(document=document, indicator__code="economic_growth")
    edit_draft(draft, User.objects.get(username="lanhdao"), {"value": Decimal("17.3")}, "Gõ nhầm")
    text = page_text(login("vanphong").get(reverse("web:history", args=["result", draft.pk])))
    assert "Đọc từ văn bản" in text
    assert 'Kết quả: <span class="new">17,2%</span>' in text
    assert '<span class="old">17,2%</span> → <span class="new">17,3%</span>' in text
    assert "Lãnh đạo phường An Nhơn" in text and "Gõ nhầm" in text
    assert "Chờ duyệt" in text
    link = reverse("web:provenance", args=["result", draft.pk])
    assert f'<a href="{link}">Xem trong văn bản gốc</a>' in text


def test_typed_figure_has_no_document_link(login: Any) -> None:
    result = corrected_growth()
    text = page_text(login("vanphong").get(reverse("web:history", args=["result", result.pk])))
    assert "Xem trong văn bản gốc" not in text and "Đọc từ văn bản" not in text


# --- a unit's latest changes ----------------------------------------------------------


@pytest.mark.parametrize("username", ROLES)
def test_unit_history_lists_latest_changes_first(login: Any, username: str) -> None:
    result = corrected_growth()
    page = login(username).get(reverse("web:unit_history", args=[dap_da().pk]))
    text = page_text(page)
    assert page.status_code == 200
    assert "Lịch sử thay đổi số liệu — Phường Đập Đá" in text
    first_row = text.index("<tbody>")
    link = reverse("web:history", args=["result", result.pk])
    assert text.index(link, first_row) < text.index("Tạo mới", first_row)
    assert '<span class="old">16,1%</span> → <span class="new">16,5%</span>' in text


def test_unit_history_outside_scope_is_not_found(login: Any) -> None:
    assert (
        login("vanphong").get(reverse("web:unit_history", args=[tay_son().pk])).status_code == 404
    )


def test_unit_history_filters_by_year_and_pages(
    login: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = dap_da()
    indicator = Indicator.objects.get(code="economic_growth")
    save_target(TargetInput(unit, indicator, 2024, Decimal(15)), None, reason="Kế hoạch 2024")
    client = login("vanphong")
    url = reverse("web:unit_history", args=[unit.pk])
    assert "Kế hoạch 2024" in page_text(client.get(url))
    only_2023 = page_text(client.get(url, {"nam": "2023"}))
    assert "Kế hoạch 2024" not in only_2023 and "Dữ liệu mẫu" in only_2023
    assert "Kế hoạch 2024" in page_text(client.get(url, {"nam": "2024"}))
    monkeypatch.setattr("tongket.web.views.history.PAGE_SIZE", 5)
    total = Revision.objects.filter(unit=unit).count()
    pages = -(-total // 5)
    second = page_text(client.get(url, {"trang": "2"}))
    assert f"Trang 2/{pages}" in second and "← Mới hơn" in second


# --- describing a revision ------------------------------------------------------------


def rate() -> Indicator:
    return Indicator(code="x", name="Tỷ lệ", unit_class="percent", unit="%")


def test_update_lists_only_changed_fields() -> None:
    before = {"value": "16.1", "state": "accepted", "note": "", "year": 2023}
    after = {"value": "16.2", "state": "accepted", "note": "", "year": 2023}
    assert describe_changes("result", before, after, rate()) == [
        Change("Kết quả", "16,1%", "16,2%")
    ]


def test_creation_lists_the_figures_set_not_the_slot() -> None:
    after = {
        "value": "98.5",
        "percent_of_plan": "101.25",
        "state": "accepted",
        "year": 2023,
        "period_kind": "year",
        "period_number": 0,
        "is_estimate": False,
        "assessed": "",
    }
    assert describe_changes("result", None, after, rate()) == [
        Change("Kết quả", "", "98,5%"),
        Change("Đạt % kế hoạch", "", "101,25%"),
    ]


def test_deletion_and_choices_read_in_vietnamese() -> None:
    before = {
        "amount": "15",
        "comparator": ">=",
        "maintain": True,
        "basis": "assigned",
        "assigned_by": 7,
    }
    changes = describe_changes("target", before, None, rate(), {7: "Tỉnh Gia Lai"})
    assert changes == [
        Change("Mức chỉ tiêu", "15%", ""),
        Change("So sánh", "≥ (từ … trở lên)", ""),
        Change("Duy trì", "có", ""),
        Change("Căn cứ", "Cấp trên giao", ""),
        Change("Đơn vị giao", "Tỉnh Gia Lai", ""),
    ]


def test_state_change_and_unknown_values_are_shown_as_they_are() -> None:
    changes = describe_changes(
        "result",
        {"state": "draft", "assessed": "?"},
        {"state": "rejected", "assessed": "dat"},
        None,
    )
    assert changes == [Change("Trạng thái", "Chờ duyệt", "Đã loại"), Change("Đánh giá", "?", "Đạt")]


def test_money_figures_are_written_as_a_person_would() -> None:
    money = Indicator(code="m", name="Thu ngân sách", unit_class="money", unit="đồng")
    changes = describe_changes("target", {"amount": "124857000000"}, {"amount": None}, money)
    assert changes == [Change("Mức chỉ tiêu", "124.857 triệu đồng", "")]
    assert describe_changes("plan", {}, {"x": 1}, None) == []
