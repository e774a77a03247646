"""The synthetic figures: deterministic, within the catalogue's bounds, the intended mix."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from functools import cache

import pytest

from tongket import scorecard as engine
from tongket.catalogue import Direction, IndicatorSpec, UnitClass, load_indicators
from tongket.synth.generate import (
    SYNTH_NOTE,
    Figure,
    Figures,
    Intent,
    draws,
    generate_figures,
    has_target,
)
from tongket.synth.profiles import PROFILES, ceiling, profile_for

SPECS = load_indicators()
BY_CODE = {spec.code: spec for spec in SPECS}
UNITS = [str(20000 + 7 * n) for n in range(80)]  # GSO-like commune codes
YEARS = (2021, 2024, 2025)


@cache
def all_figures() -> list[tuple[IndicatorSpec, Figures]]:
    return [
        (spec, generate_figures(code, spec, year))
        for code in UNITS
        for year in YEARS
        for spec in SPECS
    ]


def test_same_seed_gives_the_same_figures() -> None:
    first = [generate_figures(code, spec, 2023, 7) for code in UNITS[:20] for spec in SPECS]
    again = [generate_figures(code, spec, 2023, 7) for code in UNITS[:20] for spec in SPECS]
    assert first == again


def test_draws_depend_only_on_the_key() -> None:
    assert draws("0|21910|jobs_created|2023") == draws("0|21910|jobs_created|2023")
    assert draws("0|21910|jobs_created|2023") != draws("1|21910|jobs_created|2023")
    assert all(0 <= u < 1 for u in draws("any key"))


def test_another_seed_gives_other_figures() -> None:
    spec = BY_CODE["state_budget_revenue"]
    first = [generate_figures(code, spec, 2023, 0).target for code in UNITS[:20]]
    other = [generate_figures(code, spec, 2023, 1).target for code in UNITS[:20]]
    assert first != other


def test_a_unit_keeps_its_scale_from_year_to_year() -> None:
    spec = BY_CODE["state_budget_revenue"]
    targets = [generate_figures("21910", spec, year).target or 0 for year in range(2021, 2025)]
    low, high = min(targets), max(targets)
    assert low > 0
    assert high / low < Decimal("1.4")  # drifts (≈6% a year), never jumps


def test_figures_respect_the_catalogue() -> None:
    for spec, figures in all_figures():
        top = ceiling(spec, profile_for(spec))
        values = [figures.target] if figures.target is not None else []
        values += [f.value for f in (figures.result, figures.half) if f is not None]
        for value in values:
            assert value >= 0, (spec.code, figures)
            if spec.max_value is not None:
                assert value <= spec.max_value, (spec.code, figures)
            if top is not None:
                assert value <= top, (spec.code, figures)
            if spec.unit_class in (UnitClass.COUNT, UnitClass.MONEY):
                assert value == value.to_integral_value(), (spec.code, figures)


def test_rates_carry_whole_numerators_within_their_denominators() -> None:
    for spec, figures in all_figures():
        for figure in (figures.result, figures.half):
            if figure is None or figure.denominator is None:
                continue
            assert figure.numerator is not None
            assert 0 <= figure.numerator <= figure.denominator, (spec.code, figure)
            assert figure.denominator == figure.denominator.to_integral_value()
            assert abs(figure.numerator * 100 / figure.denominator - figure.value) <= Decimal(
                50
            ) / figure.denominator + Decimal("0.01")


def test_money_is_in_dong_with_budget_targets_in_billions() -> None:
    spec = BY_CODE["state_budget_revenue"]
    targets = [generate_figures(code, spec, 2023).target for code in UNITS]
    assert all(t is not None and 10**9 <= t <= 10**12 for t in targets)
    assert all(t % 1_000_000 == 0 for t in targets if t is not None)


def test_todays_communes_are_larger() -> None:
    spec = BY_CODE["production_value"]
    former = sum(generate_figures(c, spec, 2025).target or 0 for c in UNITS)
    today = sum(generate_figures(c, spec, 2025, scale=3.0).target or 0 for c in UNITS)
    assert 2.5 < today / former < 3.5


def evaluate(spec: IndicatorSpec, target: Decimal, result: Figure) -> engine.Status:
    return engine.evaluate_target(
        engine.Target(
            code=spec.code,
            name=spec.name_vi,
            group=spec.group,
            direction=spec.direction,
            unit_class=spec.unit_class,
            amount=target,
        ),
        engine.Result(value=result.value),
    ).status


def test_the_engine_gives_each_result_its_intended_status() -> None:
    expected = {
        Intent.EXCEEDED: engine.Status.EXCEEDED,
        Intent.MET: engine.Status.MET,
        Intent.NOT_MET: engine.Status.NOT_MET,
    }
    for spec, figures in all_figures():
        if figures.intent in expected:
            assert figures.target is not None and figures.result is not None
            assert evaluate(spec, figures.target, figures.result) == expected[figures.intent]
        elif figures.intent is Intent.MISSING:
            assert figures.result is None and figures.half is None
        else:
            assert figures.intent is Intent.UNTARGETED and figures.target is None


def test_status_mix_is_mostly_met_with_about_one_in_eight_not_met() -> None:
    mix = Counter(f.intent for spec, f in all_figures() if has_target(spec))
    total = sum(mix.values())
    share = {intent: mix[intent] / total for intent in Intent}
    assert 0.10 <= share[Intent.NOT_MET] <= 0.15
    assert 0.01 <= share[Intent.MISSING] <= 0.05
    assert 0.25 <= share[Intent.EXCEEDED] <= 0.45
    assert 0.40 <= share[Intent.MET] <= 0.60
    assert share[Intent.UNTARGETED] == 0


def test_indicators_without_direction_get_results_without_targets() -> None:
    undirected = [spec for spec in SPECS if spec.direction is Direction.NONE]
    assert undirected
    for spec in undirected:
        figures = generate_figures("21910", spec, 2023)
        assert figures.target is None
        assert figures.intent in (Intent.UNTARGETED, Intent.MISSING)


def test_official_party_members_are_the_total_less_the_probationary() -> None:
    for code in UNITS[:50]:
        total, official, probationary = (
            generate_figures(code, BY_CODE[name], 2023).result
            for name in (
                "party_members_total",
                "party_members_official",
                "party_members_probationary",
            )
        )
        if total and official and probationary:
            assert official.value == total.value - probationary.value


@pytest.mark.parametrize("code", ["jobs_created", "state_budget_revenue", "new_party_members"])
def test_six_months_of_a_flow_is_about_half_the_year(code: str) -> None:
    for unit in UNITS[:50]:
        figures = generate_figures(unit, BY_CODE[code], 2025)
        if figures.result is not None and figures.half is not None and figures.result.value > 10:
            assert figures.half.value < figures.result.value


@pytest.mark.parametrize("spec", SPECS, ids=[spec.code for spec in SPECS])
def test_every_catalogue_indicator_has_a_profile_within_its_bounds(spec: IndicatorSpec) -> None:
    profile = PROFILES[spec.code]
    if spec.max_value is not None:
        assert profile.high <= spec.max_value
    if spec.unit_class is UnitClass.PERCENT:
        assert profile.high <= 100


def test_the_note_says_the_figures_are_synthetic() -> None:
    assert "tổng hợp ngẫu nhiên" in SYNTH_NOTE and "tongket synth" in SYNTH_NOTE
