"""Writing synthetic figures: expected rows, refusal, --replace, real data left alone.

One small province (Lai Châu, code 12: 38 communes today, 106 former ones) keeps these
tests fast.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from click.testing import CliRunner

from tongket.cli import main
from tongket.indicators.models import Indicator
from tongket.periods import Period, PeriodKind
from tongket.results.models import Result, Revision, State, Target
from tongket.results.services import ResultInput, TargetInput, save_result, save_target
from tongket.synth.generate import SYNTH_NOTE, catalogue_specs, generate_figures
from tongket.synth.writer import SynthRefused, province_scope, synthesize
from tongket.units.models import Level, Source, Unit

pytestmark = pytest.mark.django_db

PROVINCE = "12"


def former_communes() -> list[Unit]:
    scope = province_scope(PROVINCE)
    units = Unit.objects.valid_on(dt.date(2023, 12, 31)).filter(
        pk__in=scope, level=Level.COMMUNE, source=Source.GSO
    )
    return list(units.order_by("pk"))


def expected_rows(units: list[Unit], year: int, half: bool, scale: float = 1.0) -> tuple[int, int]:
    targets = results = 0
    for unit in units:
        for spec in catalogue_specs().values():
            figures = generate_figures(unit.code, spec, year, 0, scale)
            targets += figures.target is not None
            results += (figures.result is not None) + (half and figures.half is not None)
    return targets, results


def synthetic(model: type[Target] | type[Result], year: int) -> int:
    rows = model.objects.filter(year=year, note=SYNTH_NOTE, unit_id__in=province_scope(PROVINCE))
    return rows.count()


def test_one_province_and_year_gets_the_expected_rows() -> None:
    revisions = Revision.objects.count()
    units = former_communes()
    assert len(units) == 106
    [report] = synthesize([2023], province=PROVINCE)
    targets, results = expected_rows(units, 2023, half=True)
    assert (report.units, report.skipped) == (106, 0)
    assert (report.targets, report.results) == (targets, results)
    assert synthetic(Target, 2023) == targets > 106 * 30
    assert synthetic(Result, 2023) == results
    rows = Target.objects.filter(year=2023, note=SYNTH_NOTE, unit__in=units)
    assert set(rows.values_list("state", "version")) == {(State.ACCEPTED, 1)}
    assert Revision.objects.count() == revisions  # one audit line, no revision per row


def test_stored_figures_are_the_generated_ones() -> None:
    synthesize([2023], province=PROVINCE)
    unit = former_communes()[0]
    spec = catalogue_specs()["state_budget_revenue"]
    figures = generate_figures(unit.code, spec, 2023)
    target = Target.objects.get(unit=unit, year=2023, indicator__code=spec.code)
    assert target.amount == figures.target
    assert target.basis == "assigned" and target.assigned_by_id == unit.parent_id
    if figures.result is not None:
        result = Result.objects.get(
            unit=unit, year=2023, indicator__code=spec.code, period_kind="year"
        )
        assert result.value == figures.result.value and not result.is_estimate


def test_latest_year_adds_six_month_estimates_of_the_units_of_its_first_half() -> None:
    reports = synthesize([2024, 2025], province=PROVINCE)
    assert [r.year for r in reports] == [2024, 2025]
    today = Unit.objects.filter(pk__in=province_scope(PROVINCE), valid_to__isnull=True)
    assert reports[1].units == 106 + today.count() == 106 + 38
    assert not Result.objects.filter(year=2024, period_kind=PeriodKind.HALF.value).exists()
    halves = Result.objects.filter(year=2025, period_kind=PeriodKind.HALF.value, note=SYNTH_NOTE)
    assert halves.filter(unit__valid_to__isnull=True).count() == 0  # today's did not exist
    assert halves.filter(unit__in=former_communes()).count() > 106 * 30
    assert set(halves.values_list("is_estimate", flat=True)) == {True}
    targets_2025 = Target.objects.filter(year=2025, note=SYNTH_NOTE, unit__in=today)
    assert targets_2025.count() == expected_rows(list(today), 2025, False, 3.0)[0]
    assert not Target.objects.filter(year=2025, unit__in=former_communes()).exists()


def test_a_second_run_is_refused_without_replace() -> None:
    synthesize([2023], province=PROVINCE)
    before = synthetic(Target, 2023), synthetic(Result, 2023)
    with pytest.raises(SynthRefused, match="--replace"):
        synthesize([2022, 2023], province=PROVINCE)
    assert (synthetic(Target, 2023), synthetic(Result, 2023)) == before
    assert synthetic(Target, 2022) == 0  # refused before anything was written


def real_target(unit: Unit, code: str, amount: str) -> Target:
    indicator = Indicator.objects.get(code=code)
    return save_target(TargetInput(unit, indicator, 2023, Decimal(amount)), reason="thật")


def test_units_with_real_figures_are_left_alone_and_survive_replace() -> None:
    first, second, *_ = former_communes()
    real = real_target(first, "jobs_created", "120")
    save_result(
        ResultInput(first, real.indicator, Period(2023), value=Decimal("130")), reason="thật"
    )
    [report] = synthesize([2023], province=PROVINCE)
    assert report.skipped == 1
    assert Target.objects.filter(unit=first, year=2023).count() == 1
    # A person corrects a synthetic target: it becomes theirs, without the note.
    edited = real_target(second, "jobs_created", "999")
    assert edited.note == "" and edited.version == 2
    elsewhere = Target.objects.filter(note=SYNTH_NOTE).exclude(unit_id__in=province_scope(PROVINCE))
    outside = elsewhere.count()
    [again] = synthesize([2023], province=PROVINCE, replace=True)
    assert again.deleted > 0 and again.skipped == 2
    assert Target.objects.get(pk=real.pk).amount == Decimal(120)
    assert Result.objects.get(unit=first, year=2023).value == Decimal(130)
    assert list(Target.objects.filter(unit=second, year=2023)) == [edited]
    assert Target.objects.get(pk=edited.pk).amount == Decimal(999)
    assert elsewhere.count() == outside  # other provinces untouched
    assert synthetic(Target, 2023) == report.targets - expected_rows([second], 2023, False)[0]


def test_unknown_province_is_refused_in_vietnamese() -> None:
    with pytest.raises(SynthRefused, match="Không có tỉnh, thành phố hiện hành"):
        synthesize([2023], province="999")


def test_cli_writes_then_refuses_then_replaces() -> None:
    runner = CliRunner()
    args = ["synth", "--province", PROVINCE, "--years", "2023"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "Năm 2023: 106 đơn vị cấp xã" in first.output
    assert "Xong:" in first.output and "dòng/giây" in first.output
    second = runner.invoke(main, args)
    assert second.exit_code == 1
    assert "Đã có số liệu tổng hợp của năm 2023 (tỉnh mã 12)" in second.output
    third = runner.invoke(main, [*args, "--replace"])
    assert third.exit_code == 0, third.output
    assert "đã xóa" in third.output


@pytest.mark.parametrize("years", ["2025-2021", "năm 2023", "1999", "2001-2030"])
def test_cli_refuses_bad_years(years: str) -> None:
    outcome = CliRunner().invoke(main, ["synth", "--years", years])
    assert outcome.exit_code == 2
    assert "năm" in outcome.output.lower()
