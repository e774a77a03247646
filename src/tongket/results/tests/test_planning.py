"""Targets assigned from above and split below; figures rolled up by each indicator's rule."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tongket.indicators.models import Indicator
from tongket.periods import Period
from tongket.results.models import Basis, Target
from tongket.results.planning import assign_targets, split_target
from tongket.results.rollup import roll_up_result
from tongket.results.services import ResultInput, TargetInput, save_result, save_target
from tongket.units.models import Unit
from tongket.units.services import UnitSpec, add_unit

pytestmark = pytest.mark.django_db


def current(code: str) -> Unit:
    return Unit.objects.get(code=code, valid_to__isnull=True)


def indicator(code: str) -> Indicator:
    return Indicator.objects.get(code=code)


@pytest.fixture
def province() -> Unit:
    return current("52")  # Gia Lai since 1/7/2025


@pytest.fixture
def wards(province: Unit) -> list[Unit]:
    return list(province.children.order_by("code")[:3])


def test_superior_assigns_targets_to_its_communes(province: Unit, wards: list[Unit]) -> None:
    amounts = {ward: Decimal(10 + i) for i, ward in enumerate(wards)}
    targets = assign_targets(province, indicator("new_party_members"), 2026, amounts)
    assert [t.amount for t in targets] == [Decimal(10), Decimal(11), Decimal(12)]
    assert all(t.basis == Basis.ASSIGNED and t.assigned_by == province for t in targets)


def test_assigning_to_a_foreign_unit_writes_nothing(province: Unit, wards: list[Unit]) -> None:
    foreign = current("01").children.first()
    assert foreign is not None
    amounts = {wards[0]: Decimal(5), foreign: Decimal(5)}
    with pytest.raises(ValidationError, match="không trực thuộc Tỉnh Gia Lai"):
        assign_targets(province, indicator("new_party_members"), 2026, amounts)
    assert not Target.objects.filter(year=2026, indicator__code="new_party_members").exists()


def test_target_is_split_among_sub_units(wards: list[Unit]) -> None:
    ward = wards[0]
    groups = [add_unit(UnitSpec(parent=ward, kind="tổ dân phố", name=f"Số {i}")) for i in (1, 2)]
    target = save_target(TargetInput(ward, indicator("jobs_created"), 2026, Decimal(100)))
    shares = split_target(target, {groups[0]: Decimal(60), groups[1]: Decimal(40)})
    assert [s.split_from_id for s in shares] == [target.pk, target.pk]
    assert sum(s.amount or 0 for s in shares) == Decimal(100)


def test_split_that_does_not_add_up_is_refused(wards: list[Unit]) -> None:
    ward = wards[0]
    group = add_unit(UnitSpec(parent=ward, kind="thôn", name="Một"))
    target = save_target(TargetInput(ward, indicator("jobs_created"), 2026, Decimal(100)))
    with pytest.raises(ValidationError, match="Tổng phân bổ 90 khác mức chỉ tiêu 100"):
        split_target(target, {group: Decimal(90)})
    assert not Target.objects.filter(unit=group).exists()


def test_sum_roll_up(province: Unit, wards: list[Unit]) -> None:
    for value, ward in zip((3, 4, 5), wards, strict=True):
        save_result(ResultInput(ward, indicator("new_party_members"), Period(2026), Decimal(value)))
    rolled = roll_up_result(province, indicator("new_party_members"), Period(2026))
    assert rolled.value == Decimal(12)
    assert rolled.parts_used == 3


def test_rate_roll_up_recomputes_from_parts(province: Unit, wards: list[Unit]) -> None:
    parts = [(Decimal(90), Decimal(100)), (Decimal(980), Decimal(1000))]
    for (num, den), ward in zip(parts, wards[:2], strict=True):
        save_result(
            ResultInput(
                ward,
                indicator("health_insurance_coverage"),
                Period(2026),
                value=num / den * 100,
                numerator=num,
                denominator=den,
            )
        )
    rolled = roll_up_result(province, indicator("health_insurance_coverage"), Period(2026))
    assert rolled.value is not None
    assert round(rolled.value, 2) == Decimal("97.27")  # 1070 / 1100, not the mean 94


def test_growth_does_not_roll_up(province: Unit, wards: list[Unit]) -> None:
    save_result(ResultInput(wards[0], indicator("economic_growth"), Period(2026), Decimal(7)))
    assert roll_up_result(province, indicator("economic_growth"), Period(2026)).value is None


def test_superior_scorecard_is_judged_on_rolled_up_figures(
    province: Unit, wards: list[Unit]
) -> None:
    from tongket.results.scorecards import build_scorecard

    save_target(TargetInput(province, indicator("new_party_members"), 2026, Decimal(10)))
    for value, ward in zip((3, 4, 5), wards, strict=True):
        save_result(ResultInput(ward, indicator("new_party_members"), Period(2026), Decimal(value)))
    card = build_scorecard(province, Period(2026))
    (row,) = card.rows
    assert row.rolled_up is not None and row.rolled_up.value == Decimal(12)
    assert row.evaluation is not None and row.evaluation.status.value == "vuot"
    assert card.summary.text() == "1/1 chỉ tiêu đạt và vượt"
