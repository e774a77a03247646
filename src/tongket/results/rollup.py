"""A superior unit's figure made from its subordinates' results by each indicator's rule."""

from __future__ import annotations

from decimal import Decimal

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


def subordinate_results(unit: Unit, indicator: Indicator, period: Period) -> list[Result]:
    """Accepted results of `period` of the commune-level units (or sub-units) below `unit`."""
    level = Level.SUBUNIT if unit.level == Level.COMMUNE else Level.COMMUNE
    below = Unit.objects.valid_during(period.start, period.end).filter(level=level)
    if unit.level == Level.PROVINCE:
        below = below.filter(parent__parent=unit) | below.filter(parent=unit)
    else:
        below = below.filter(parent=unit)
    return list(
        Result.objects.filter(
            unit__in=below,
            indicator=indicator,
            year=period.year,
            period_kind=period.kind.value,
            period_number=period.number,
            state=State.ACCEPTED,
        )
    )


def roll_up_result(unit: Unit, indicator: Indicator, period: Period) -> engine.RolledUp:
    """`unit`'s figure made from its subordinates' results by the indicator's rule."""
    parts = [
        engine.Part(
            value=decimal_or_none(r.value),
            numerator=decimal_or_none(r.numerator),
            denominator=decimal_or_none(r.denominator),
        )
        for r in subordinate_results(unit, indicator, period)
    ]
    return engine.roll_up(RollUp(indicator.rollup), parts)
