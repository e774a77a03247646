"""A superior unit's figure made from its subordinates' results by each indicator's rule."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import QuerySet

from tongket import scorecard as engine
from tongket.catalogue import RollUp
from tongket.indicators.models import Indicator
from tongket.periods import Period
from tongket.results.models import Result, State
from tongket.scorecard.numbers import strip_trailing_zeros
from tongket.units.models import Level, Unit


def decimal_or_none(number: Decimal | None) -> Decimal | None:
    """A stored figure as the engine wants it: an exact Decimal without storage zeros."""
    return None if number is None else strip_trailing_zeros(Decimal(number))


def subordinates(unit: Unit, period: Period) -> QuerySet[Unit]:
    """The commune-level units (or sub-units of a commune) below `unit` during `period`."""
    level = Level.SUBUNIT if unit.level == Level.COMMUNE else Level.COMMUNE
    below = Unit.objects.valid_during(period.start, period.end).filter(level=level)
    if unit.level == Level.PROVINCE:
        return below.filter(parent__parent=unit) | below.filter(parent=unit)
    return below.filter(parent=unit)


def subordinate_results(
    unit: Unit, indicators: Iterable[Indicator], period: Period
) -> dict[int, list[Result]]:
    """Accepted results of `period` of the units below `unit`, by indicator id (one query)."""
    found: dict[int, list[Result]] = {}
    for result in Result.objects.filter(
        unit__in=subordinates(unit, period),
        indicator__in=list(indicators),
        year=period.year,
        period_kind=period.kind.value,
        period_number=period.number,
        state=State.ACCEPTED,
    ):
        found.setdefault(result.indicator_id, []).append(result)
    return found


def roll_up(indicator: Indicator, results: Iterable[Result]) -> engine.RolledUp:
    parts = [
        engine.Part(
            value=decimal_or_none(r.value),
            numerator=decimal_or_none(r.numerator),
            denominator=decimal_or_none(r.denominator),
        )
        for r in results
    ]
    return engine.roll_up(RollUp(indicator.rollup), parts)


def roll_up_results(
    unit: Unit, indicators: Iterable[Indicator], period: Period
) -> dict[int, engine.RolledUp]:
    """`unit`'s figure of each indicator made from its subordinates' results by the
    indicator's rule, keyed by indicator id."""
    chosen = list(indicators)
    has_parts = bool(chosen) and (
        unit.level != Level.COMMUNE or Unit.objects.filter(parent=unit).exists()
    )  # most communes have no sub-units: a cheap check spares the join
    found = subordinate_results(unit, chosen, period) if has_parts else {}
    return {i.pk: roll_up(i, found.get(i.pk, [])) for i in chosen}


def roll_up_result(unit: Unit, indicator: Indicator, period: Period) -> engine.RolledUp:
    """`unit`'s figure of one indicator made from its subordinates' results."""
    return roll_up_results(unit, [indicator], period)[indicator.pk]
