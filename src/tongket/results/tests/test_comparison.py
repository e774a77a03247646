"""Comparing the units below a superior: which units, judged as their scorecards judge them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tongket import scorecard as engine
from tongket.indicators.models import Indicator
from tongket.periods import Period, PeriodKind
from tongket.results.comparison import UnitComparison, compare_units, units_below
from tongket.results.comparison_cache import cached_comparison
from tongket.results.ranking import Ordering, SortField, filter_rows, sort_rows
from tongket.results.scorecards import build_scorecard
from tongket.results.services import ResultInput, TargetInput, save_result, save_target
from tongket.units.lookup import resolve_unit
from tongket.units.models import Level, Unit
from tongket.units.services import UnitSpec, add_unit

pytestmark = pytest.mark.django_db


def gia_lai() -> Unit:
    return Unit.objects.get(code="52", valid_to__isnull=True)


def dap_da() -> Unit:
    return resolve_unit("phường Đập Đá", 2023)


def indicator(code: str) -> Indicator:
    return Indicator.objects.get(code=code)


def row_of(rows: tuple[UnitComparison, ...] | list[UnitComparison], unit: Unit) -> UnitComparison:
    return next(r for r in rows if r.unit.pk == unit.pk)


def former_communes(count: int) -> list[Unit]:
    """Former Gia Lai communes other than Đập Đá, valid through 2023."""
    skipped = dap_da().pk
    return [u for u in units_below(gia_lai(), 2023) if u.pk != skipped][:count]


def test_a_province_compares_the_former_communes_that_became_its_communes() -> None:
    units = units_below(gia_lai(), 2023)
    assert dap_da() in units
    assert len(units) > 300  # the former communes of Bình Định and Gia Lai
    assert all(u.level == Level.COMMUNE for u in units)
    start, end = dt.date(2023, 1, 1), dt.date(2023, 12, 31)
    assert all(u.was_valid_during(start, end) for u in units)
    assert not any(u.is_current for u in units)


def test_a_province_compares_todays_communes_after_the_reform() -> None:
    units = units_below(gia_lai(), 2026)
    assert len(units) == gia_lai().children.filter(level=Level.COMMUNE).count()
    assert all(u.is_current and u.parent_id == gia_lai().pk for u in units)


def test_a_former_district_compares_its_communes() -> None:
    district = dap_da().parent
    assert district is not None
    units = units_below(district, 2023)
    assert dap_da() in units
    assert {u.parent_id for u in units} == {district.pk}


def test_a_commune_compares_its_sub_units_and_those_of_the_wards_merged_into_it() -> None:
    an_nhon = resolve_unit("21910")
    hamlet = add_unit(UnitSpec(parent=dap_da(), kind="khu phố", name="Khu phố Thử"))
    assert hamlet in units_below(an_nhon, 2023)
    assert units_below(hamlet, 2023) == []


def test_dap_da_row_matches_its_scorecard() -> None:
    comparison = compare_units(gia_lai(), 2023)
    row = row_of(comparison.rows, dap_da())
    card = build_scorecard(dap_da(), Period(2023))
    assert (row.tally.achieved, row.tally.total) == (14, 15)
    assert row.tally.text == card.summary.text()
    assert comparison.indicators, "indicators with targets are chosen by default"
    expected = {r.indicator.pk: r.evaluation.status for r in card.rows if r.evaluation}
    for cell in row.cells.values():
        if cell.evaluation is not None:
            assert cell.evaluation.status == expected[cell.indicator.pk]


def test_chosen_codes_pick_the_columns_and_unknown_codes_are_ignored() -> None:
    comparison = compare_units(gia_lai(), 2023, ["economic_growth", "no_such_code"])
    assert [i.code for i in comparison.indicators] == ["economic_growth"]
    cell = row_of(comparison.rows, dap_da()).cells[indicator("economic_growth").pk]
    assert cell.result is not None and cell.result.value == Decimal("16.1")


def test_units_without_figures_are_listed_and_can_be_hidden() -> None:
    comparison = compare_units(gia_lai(), 2023)
    empty = [r for r in comparison.rows if not r.has_data]
    assert empty and all(r.tally.total == 0 for r in empty)
    kept = filter_rows(comparison.rows, comparison.indicators, hide_empty=True)
    assert all(r.has_data for r in kept) and row_of(kept, dap_da())


def test_a_unit_that_ceased_during_the_year_is_dropped_without_figures() -> None:
    rows = compare_units(gia_lai(), 2025).rows
    former = [r for r in rows if not r.unit.is_current]
    assert all(r.has_data for r in former)
    assert any(r.unit.is_current for r in rows)


def test_maintained_targets_and_partial_results_are_judged_as_the_scorecard_does() -> None:
    first, second = former_communes(2)
    rate = indicator("clean_water_rate")
    save_target(TargetInput(first, rate, 2023, amount=None, maintain=True))
    save_result(ResultInput(first, rate, Period(2022), value=Decimal("95")))
    save_result(ResultInput(first, rate, Period(2023), value=Decimal("96")))
    save_target(TargetInput(second, rate, 2023, amount=Decimal("90")))
    save_result(ResultInput(second, rate, Period(2023, PeriodKind.HALF), value=Decimal("91")))
    comparison = compare_units(gia_lai(), 2023, ["clean_water_rate"])
    for unit in (first, second):
        cell = row_of(comparison.rows, unit).cells[rate.pk]
        card = next(r for r in build_scorecard(unit, Period(2023)).rows if r.indicator == rate)
        assert cell.evaluation is not None and card.evaluation is not None
        assert cell.evaluation.status == card.evaluation.status
        assert cell.evaluation.reason == card.evaluation.reason
    second_cell = row_of(comparison.rows, second).cells[rate.pk]
    assert second_cell.evaluation is not None and second_cell.evaluation.is_estimate


def test_a_commune_without_its_own_result_is_judged_on_its_sub_units() -> None:
    (commune,) = former_communes(1)
    jobs = indicator("jobs_created")
    save_target(TargetInput(commune, jobs, 2023, amount=Decimal("100")))
    for name, value in (("Thôn Một", "70"), ("Thôn Hai", "45")):
        hamlet = add_unit(UnitSpec(parent=commune, kind="thôn", name=name))
        save_result(ResultInput(hamlet, jobs, Period(2023), value=Decimal(value)))
    cell = row_of(compare_units(gia_lai(), 2023, ["jobs_created"]).rows, commune).cells[jobs.pk]
    assert cell.rolled_up is not None and cell.rolled_up.value == Decimal("115")
    assert cell.evaluation is not None and cell.evaluation.status == engine.Status.EXCEEDED
    card = next(r for r in build_scorecard(commune, Period(2023)).rows if r.indicator == jobs)
    assert card.evaluation is not None and card.evaluation.status == engine.Status.EXCEEDED


def test_sorting_and_filtering() -> None:
    first, second = former_communes(2)
    growth = indicator("economic_growth")
    save_target(TargetInput(first, growth, 2023, amount=Decimal("10")))
    save_result(ResultInput(first, growth, Period(2023), value=Decimal("5")))
    save_target(TargetInput(second, growth, 2023, amount=Decimal("10")))
    save_result(ResultInput(second, growth, Period(2023), value=Decimal("30")))
    comparison = compare_units(gia_lai(), 2023, ["economic_growth"])
    rows, shown = comparison.rows, comparison.indicators

    by_value = sort_rows(rows, Ordering(SortField.VALUE, growth, descending=True))
    assert [r.unit for r in by_value[:3]] == [second, dap_da(), first]
    assert not by_value[-1].has_data  # rows without the figure come last
    upwards = sort_rows(rows, Ordering(SortField.VALUE, growth))
    assert [r.unit for r in upwards[:3]] == [first, dap_da(), second]

    by_met = sort_rows(rows, Ordering(SortField.MET, descending=True))
    assert by_met[0].unit == dap_da()  # 14 targets achieved
    by_name = sort_rows(rows, Ordering(SortField.NAME, descending=True))
    assert by_name == sort_rows(rows, Ordering(SortField.NAME))[::-1]

    unmet = filter_rows(rows, shown, engine.Status.NOT_MET)
    assert [r.unit for r in unmet] == [first]
    no_data = filter_rows(rows, shown, engine.Status.NO_DATA)
    assert first not in [r.unit for r in no_data] and any(not r.has_data for r in no_data)


def test_a_remembered_comparison_is_rebuilt_when_its_figures_change() -> None:
    (commune,) = former_communes(1)
    growth = indicator("economic_growth")
    first = cached_comparison(gia_lai(), 2023, ["economic_growth"])
    assert cached_comparison(gia_lai(), 2023, ["economic_growth"]) is first

    save_target(TargetInput(commune, growth, 2023, amount=Decimal("10")))
    save_result(ResultInput(commune, growth, Period(2023), value=Decimal("9")))
    second = cached_comparison(gia_lai(), 2023, ["economic_growth"])
    assert second is not first
    assert row_of(second.rows, commune).status(growth) == engine.Status.NOT_MET

    save_result(ResultInput(commune, growth, Period(2023), value=Decimal("12")))
    third = cached_comparison(gia_lai(), 2023, ["economic_growth"])
    assert row_of(third.rows, commune).status(growth) == engine.Status.EXCEEDED
    assert row_of(third.rows, commune).tally.text == "1/1 chỉ tiêu đạt và vượt"
    assert third == compare_units(gia_lai(), 2023, ["economic_growth"])
