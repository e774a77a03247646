"""A unit's scorecard for a period: its targets judged against its results by the engine."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from tongket import scorecard as engine
from tongket.catalogue import Direction, UnitClass
from tongket.indicators.models import Indicator, IndicatorGroup
from tongket.periods import Period, PeriodKind
from tongket.results.models import Result, State, Target
from tongket.results.rollup import decimal_or_none, roll_up_results
from tongket.units.models import Level, Unit

# When a year has no whole-year result yet, the most complete partial one stands in.
PARTIAL_PREFERENCE = {
    PeriodKind.NINE_MONTHS.value: 3,
    PeriodKind.HALF.value: 2,
    PeriodKind.QUARTER.value: 1,
    PeriodKind.MONTH.value: 0,
}


@dataclass(frozen=True)
class ScorecardRow:
    indicator: Indicator
    target: Target | None
    result: Result | None
    evaluation: engine.Evaluation | None  # None for a figure that has no target
    rolled_up: engine.RolledUp | None = None  # the subordinates' figure, when no own result

    @property
    def result_is_partial(self) -> bool:
        return self.result is not None and self.result.period_kind != PeriodKind.YEAR.value


@dataclass(frozen=True)
class ScorecardGroup:
    group: IndicatorGroup
    rows: tuple[ScorecardRow, ...]


@dataclass(frozen=True)
class Scorecard:
    unit: Unit
    period: Period
    groups: tuple[ScorecardGroup, ...]
    summary: engine.Summary

    @property
    def rows(self) -> list[ScorecardRow]:
        return [row for group in self.groups for row in group.rows]

    @property
    def unmet_rows(self) -> list[ScorecardRow]:
        return [
            r
            for r in self.rows
            if r.evaluation is not None and r.evaluation.status == engine.Status.NOT_MET
        ]


def to_engine_target(target: Target) -> engine.Target:
    indicator = target.indicator
    return engine.Target(
        code=indicator.code,
        name=indicator.name,
        group=indicator.group.code,
        direction=Direction(indicator.direction),
        unit_class=UnitClass(indicator.unit_class),
        amount=decimal_or_none(target.amount),
        comparator=engine.Comparator(target.comparator) if target.comparator else None,
        maintain=target.maintain,
    )


def to_engine_result(result: Result, baseline: Decimal | None) -> engine.Result:
    return engine.Result(
        value=decimal_or_none(result.value),
        percent_of_plan=decimal_or_none(result.percent_of_plan),
        is_estimate=result.is_estimate or result.period_kind != PeriodKind.YEAR.value,
        assessed=engine.Status(result.assessed) if result.assessed else None,
        baseline=baseline,
    )


WHOLE_YEAR = (99, 99)


def year_standing(kind: str, number: int) -> tuple[int, int]:
    """How complete a figure of a year is: the whole year, then 9 months, 6 months, …"""
    return (
        WHOLE_YEAR if kind == PeriodKind.YEAR.value else (PARTIAL_PREFERENCE.get(kind, -1), number)
    )


def pick_results(results: Iterable[Result], period: Period) -> dict[int, Result]:
    """For each indicator, the result of `period`, or for a year its best partial result."""
    if period.kind != PeriodKind.YEAR:
        return {r.indicator_id: r for r in results if r.period == period}
    chosen: dict[int, Result] = {}
    for result in results:
        if result.year != period.year:
            continue
        standing = year_standing(result.period_kind, result.period_number)
        held = chosen.get(result.indicator_id)
        if held is None or standing > year_standing(held.period_kind, held.period_number):
            chosen[result.indicator_id] = result
    return chosen


def catalogue_by_id() -> dict[int, Indicator]:
    return {i.pk: i for i in Indicator.objects.select_related("group")}


def previous_values(unit: Unit, year: int) -> dict[int, Decimal | None]:
    """Each indicator's value in `year`: the whole-year one, else the most complete partial."""
    rows = Result.objects.filter(unit=unit, year=year, state=State.ACCEPTED).values_list(
        "indicator_id", "value", "period_kind", "period_number"
    )
    best: dict[int, tuple[tuple[int, int], Decimal | None]] = {}
    for indicator_id, value, kind, number in rows:
        standing = year_standing(kind, number)
        if indicator_id not in best or standing > best[indicator_id][0]:
            best[indicator_id] = (standing, value)
    return {key: decimal_or_none(value) for key, (_, value) in best.items()}


def build_scorecard(unit: Unit, period: Period) -> Scorecard:
    indicators = catalogue_by_id()
    targets: dict[int, Target] = {}
    for found in Target.objects.filter(unit=unit, year=period.year, state=State.ACCEPTED):
        found.indicator = indicators[found.indicator_id]
        targets[found.indicator_id] = found
    year_results = list(Result.objects.filter(unit=unit, year=period.year, state=State.ACCEPTED))
    for each in year_results:
        each.indicator = indicators[each.indicator_id]
    current = pick_results(year_results, period)
    previous = previous_values(unit, period.year - 1)
    without_result = [t.indicator for key, t in targets.items() if key not in current]
    rolled_up = roll_up_results(unit, without_result, period) if unit.level != Level.SUBUNIT else {}
    rows: list[ScorecardRow] = []
    for indicator_id in {*targets, *current}:
        target, result = targets.get(indicator_id), current.get(indicator_id)
        indicator = target.indicator if target is not None else current[indicator_id].indicator
        evaluation, rolled = None, None
        if target is not None:
            baseline = previous.get(indicator_id)
            outcome = to_engine_result(result, baseline) if result is not None else None
            rolled = rolled_up.get(indicator_id)
            if outcome is None and rolled is not None and rolled.value is not None:
                outcome = engine.Result(value=rolled.value, baseline=baseline)
            evaluation = engine.evaluate_target(to_engine_target(target), outcome)
        rows.append(ScorecardRow(indicator, target, result, evaluation, rolled))
    summary = engine.summarize(r.evaluation for r in rows if r.evaluation is not None)
    return Scorecard(unit=unit, period=period, groups=group_rows(rows), summary=summary)


def group_rows(rows: list[ScorecardRow]) -> tuple[ScorecardGroup, ...]:
    by_group: dict[int, list[ScorecardRow]] = {}
    groups: dict[int, IndicatorGroup] = {}
    for row in rows:
        groups[row.indicator.group_id] = row.indicator.group
        by_group.setdefault(row.indicator.group_id, []).append(row)
    ordered = sorted(groups.values(), key=lambda g: (g.order, g.name))
    return tuple(
        ScorecardGroup(
            group=g,
            rows=tuple(
                sorted(
                    by_group[g.pk],
                    key=lambda r: (r.target is None, r.indicator.order, r.indicator.code),
                )
            ),
        )
        for g in ordered
    )


def has_data(unit: Unit, year: int) -> bool:
    return (
        Target.objects.filter(unit=unit, year=year, state=State.ACCEPTED).exists()
        or Result.objects.filter(unit=unit, year=year, state=State.ACCEPTED).exists()
    )
