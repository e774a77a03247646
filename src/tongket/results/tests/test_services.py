"""Writing targets and results: validation in Vietnamese, nothing half written, revisions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tongket.indicators.models import Indicator
from tongket.periods import Period, PeriodKind
from tongket.results.models import Result, Revision, Target
from tongket.results.scorecards import has_data
from tongket.results.services import (
    ConflictError,
    ResultInput,
    TargetInput,
    save_result,
    save_target,
)
from tongket.units.lookup import resolve_unit
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward() -> Unit:
    return resolve_unit("21910")  # Phường An Nhơn, valid from 1/7/2025


def indicator(code: str) -> Indicator:
    return Indicator.objects.get(code=code)


def test_result_is_created_then_updated_with_revisions(ward: Unit) -> None:
    data = ResultInput(ward, indicator("clean_water_rate"), Period(2025), value=Decimal("98.5"))
    first = save_result(data)
    second = save_result(
        ResultInput(ward, indicator("clean_water_rate"), Period(2025), value=Decimal("99")),
        reason="Sửa theo báo cáo chính thức",
    )
    assert first.pk == second.pk
    assert second.version == 2
    revisions = list(Revision.objects.filter(record_type="result", record_id=first.pk))
    assert [r.action for r in revisions] == ["update", "create"]
    assert revisions[0].before is not None and revisions[0].before["value"] == "98.5"
    assert revisions[0].after is not None and revisions[0].after["value"] == "99"
    assert revisions[0].reason == "Sửa theo báo cáo chính thức"


def test_stale_version_is_refused_with_what_changed(ward: Unit) -> None:
    code = indicator("jobs_created")
    save_result(ResultInput(ward, code, Period(2025), value=Decimal(100)))
    save_result(ResultInput(ward, code, Period(2025), value=Decimal(120)), expected_version=1)
    with pytest.raises(ConflictError) as caught:
        save_result(ResultInput(ward, code, Period(2025), value=Decimal(130)), expected_version=1)
    assert caught.value.changes["value"] == ("100", "120")
    assert Result.objects.get(unit=ward, indicator=code).value == Decimal(120)


@pytest.mark.parametrize(
    ("code", "value", "message"),
    [
        ("clean_water_rate", "100.5", "phải nằm trong khoảng 0–100%"),
        ("clean_water_rate", "-1", "phải nằm trong khoảng 0–100%"),
        ("new_party_members", "-3", "Số lượng không được âm"),
        ("state_budget_revenue", "-1000", "Số tiền không được âm"),
    ],
)
def test_impossible_values_are_refused(ward: Unit, code: str, value: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        save_result(ResultInput(ward, indicator(code), Period(2025), value=Decimal(value)))
    assert message in " ".join(caught.value.messages)
    assert not Result.objects.filter(unit=ward, indicator__code=code).exists()


def test_growth_may_be_negative(ward: Unit) -> None:
    result = save_result(
        ResultInput(ward, indicator("economic_growth"), Period(2025), value=Decimal("-2.5"))
    )
    assert result.value == Decimal("-2.5")


def test_result_for_a_unit_that_did_not_exist_yet_is_refused(ward: Unit) -> None:
    with pytest.raises(ValidationError, match="không tồn tại trong kỳ năm 2023"):
        save_result(ResultInput(ward, indicator("jobs_created"), Period(2023), value=Decimal(5)))
    assert not Result.objects.filter(unit=ward, year=2023).exists()


def test_result_for_a_unit_that_no_longer_existed_is_refused() -> None:
    thanh_son = resolve_unit("phường Thanh Sơn", 2021, has_data)
    period = Period(2025, PeriodKind.HALF)
    with pytest.raises(ValidationError, match="không tồn tại trong kỳ 6 tháng năm 2025"):
        save_result(ResultInput(thanh_son, indicator("jobs_created"), period, value=Decimal(5)))


def test_legacy_unit_may_report_its_last_half_year() -> None:
    dap_da = resolve_unit("phường Đập Đá", 2025)
    period = Period(2025, PeriodKind.HALF)
    result = save_result(ResultInput(dap_da, indicator("jobs_created"), period, value=Decimal(40)))
    assert result.period.label == "6 tháng năm 2025"


def test_year_outside_range_is_refused(ward: Unit) -> None:
    with pytest.raises(ValidationError, match="Năm 1900 không hợp lệ"):
        save_target(TargetInput(ward, indicator("jobs_created"), 1900, Decimal(5)))
    assert not Target.objects.filter(year=1900).exists()


def test_result_needs_some_figure(ward: Unit) -> None:
    with pytest.raises(ValidationError, match="Cần nhập giá trị"):
        save_result(ResultInput(ward, indicator("jobs_created"), Period(2025)))


def test_every_problem_is_reported_at_once(ward: Unit) -> None:
    with pytest.raises(ValidationError) as caught:
        save_target(TargetInput(ward, indicator("poverty_rate"), 2024, Decimal(140)))
    assert set(caught.value.message_dict) == {"unit", "amount"}
