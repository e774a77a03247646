"""Invariants of evaluate_target and summarize, checked on generated targets and results."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from tongket.catalogue import Direction, UnitClass
from tongket.scorecard import Comparator, Result, Status, Target, evaluate_target, summarize

# Two decimal places and a bounded size keep every product in the tests exact.
figures = st.decimals(min_value=-(10**6), max_value=10**6, places=2)
maybe_figures = st.none() | figures
factors = st.decimals(min_value=Decimal("0.01"), max_value=1000, places=2)

targets = st.builds(
    Target,
    code=st.just("indicator"),
    name=st.just("Chỉ tiêu"),
    group=st.just("test"),
    direction=st.sampled_from(Direction),
    unit_class=st.sampled_from(UnitClass),
    amount=maybe_figures,
    comparator=st.none() | st.sampled_from(Comparator),
    maintain=st.booleans(),
)
results = st.builds(
    Result,
    value=maybe_figures,
    percent_of_plan=st.none() | st.decimals(min_value=0, max_value=1000, places=2),
    is_estimate=st.booleans(),
    assessed=st.none() | st.sampled_from(Status),
    baseline=maybe_figures,
)

RANK = {Status.NOT_MET: 0, Status.MET: 1, Status.EXCEEDED: 2}
MIRRORED_DIRECTION = {
    Direction.HIGHER: Direction.LOWER,
    Direction.LOWER: Direction.HIGHER,
    Direction.NONE: Direction.NONE,
}


def negate(number: Decimal | None) -> Decimal | None:
    return None if number is None else -number


def scale(number: Decimal | None, factor: Decimal) -> Decimal | None:
    return None if number is None else number * factor


def has_usable_data(target: Target, result: Result | None) -> bool:
    """Written from the rules, not from the code: something that can decide a verdict."""
    if result is None:
        return False
    compares_with_amount = result.value is not None and target.amount is not None
    compares_with_baseline = (
        target.maintain and result.value is not None and result.baseline is not None
    )
    has_judgement = result.assessed is not None and result.assessed is not Status.NO_DATA
    return (
        compares_with_amount
        or compares_with_baseline
        or result.percent_of_plan is not None
        or has_judgement
    )


@given(targets, st.none() | results)
def test_no_data_exactly_when_nothing_is_usable(target: Target, result: Result | None) -> None:
    evaluation = evaluate_target(target, result)
    assert (evaluation.status is Status.NO_DATA) == (not has_usable_data(target, result))
    assert evaluation.is_estimate == (result is not None and result.is_estimate)
    assert evaluation.reason


@given(st.lists(st.tuples(targets, st.none() | results), max_size=30))
def test_summary_of_evaluations_adds_up(pairs: list[tuple[Target, Result | None]]) -> None:
    evaluations = [evaluate_target(target, result) for target, result in pairs]
    summary = summarize(evaluations)
    assert summary.total == len(pairs)
    assert summary.achieved + len(summary.unmet) + len(summary.no_data) == summary.total
    assert summary.estimates == sum(r is not None and r.is_estimate for _, r in pairs)


@given(targets, results)
def test_mirroring_direction_and_negating_figures_keeps_the_verdict(
    target: Target, result: Result
) -> None:
    mirrored_target = replace(
        target,
        direction=MIRRORED_DIRECTION[target.direction],
        comparator=None if target.comparator is None else target.comparator.mirrored,
        amount=negate(target.amount),
    )
    mirrored_result = replace(result, value=negate(result.value), baseline=negate(result.baseline))

    original = evaluate_target(target, result)
    mirrored = evaluate_target(mirrored_target, mirrored_result)

    assert mirrored.status is original.status


@given(targets, results, factors)
def test_scaling_the_figures_keeps_the_verdict(
    target: Target, result: Result, factor: Decimal
) -> None:
    scaled_target = replace(target, amount=scale(target.amount, factor))
    scaled_result = replace(
        result, value=scale(result.value, factor), baseline=scale(result.baseline, factor)
    )

    original = evaluate_target(target, result)
    scaled = evaluate_target(scaled_target, scaled_result)

    assert scaled.status is original.status
    if original.achievement is not None and result.value is not None and target.amount:
        assert scaled.achievement == original.achievement


@given(
    targets.map(lambda t: replace(t, direction=Direction.HIGHER)),
    st.none() | st.sampled_from([Comparator.GE, Comparator.GT]),
    results.filter(lambda r: r.value is not None),
    st.decimals(min_value=0, max_value=10**6, places=2),
)
def test_raising_a_higher_is_better_value_never_worsens_the_status(
    target: Target, comparator: Comparator | None, result: Result, rise: Decimal
) -> None:
    target = replace(target, comparator=comparator)
    assert result.value is not None
    before = evaluate_target(target, result).status
    after = evaluate_target(target, replace(result, value=result.value + rise)).status

    if before is Status.NO_DATA:
        assert after is Status.NO_DATA
    else:
        assert RANK[after] >= RANK[before]


@given(
    st.sampled_from([Direction.HIGHER, Direction.LOWER]),
    st.decimals(min_value=Decimal("0.01"), max_value=10**6, places=2),
    st.decimals(min_value=Decimal("0.01"), max_value=10**6, places=2),
)
def test_achievement_above_100_exactly_when_a_natural_target_is_exceeded(
    direction: Direction, amount: Decimal, value: Decimal
) -> None:
    target = Target("x", "x", "test", direction, UnitClass.COUNT, amount)
    evaluation = evaluate_target(target, Result(value=value))

    assert evaluation.achievement is not None
    assert (evaluation.achievement > 100) == (evaluation.status is Status.EXCEEDED)
    assert (evaluation.achievement == 100) == (evaluation.status is Status.MET)


@given(targets, results)
def test_percent_of_plan_alone_is_judged_against_100(target: Target, result: Result) -> None:
    assume(result.percent_of_plan is not None)
    result = replace(result, value=None)
    evaluation = evaluate_target(target, result)
    assert result.percent_of_plan is not None
    if result.percent_of_plan < 100:
        assert evaluation.status is Status.NOT_MET
    if result.percent_of_plan > 100:
        assert evaluation.status.is_achieved == (target.effective_comparator is not Comparator.EQ)
    assert evaluation.achievement == result.percent_of_plan
