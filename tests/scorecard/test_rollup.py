from __future__ import annotations

from decimal import Decimal
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tongket.catalogue import RollUp
from tongket.scorecard import Part, RolledUp, roll_up

D = Decimal


def rate_part(numerator: str | None, denominator: str | None) -> Part:
    return Part(
        value=None,
        numerator=None if numerator is None else D(numerator),
        denominator=None if denominator is None else D(denominator),
    )


@pytest.mark.parametrize(
    ("rule", "parts", "expected"),
    [
        (RollUp.SUM, [Part(D("12")), Part(D("3.5")), Part(None)], RolledUp(D("15.5"), 2, 1)),
        (RollUp.SUM, [Part(D("0.10")), Part(D("0.20"))], RolledUp(D("0.3"), 2, 0)),
        (RollUp.SUM, [Part(None), Part(None)], RolledUp(None, 0, 2)),
        (RollUp.SUM, [], RolledUp(None, 0, 0)),
        (
            RollUp.RATE,
            [rate_part("45", "50"), rate_part("90", "100")],
            RolledUp(D("90"), 2, 0),
        ),
        (
            # a hamlet at 100% and a ward at 50%: 60/110, not the average 75%
            RollUp.RATE,
            [rate_part("10", "10"), rate_part("50", "100"), rate_part("7", None)],
            RolledUp(D(6000) / D(110), 2, 1),
        ),
        (RollUp.RATE, [rate_part("0", "0"), rate_part("0", "0")], RolledUp(None, 2, 0)),
        (RollUp.RATE, [Part(D("98.4")), rate_part(None, "10")], RolledUp(None, 0, 2)),
        (RollUp.RATE, [], RolledUp(None, 0, 0)),
        (RollUp.NONE, [Part(D("16.1")), Part(D("7"))], RolledUp(None, 0, 2)),
    ],
    ids=[
        "sum_skips_missing",
        "sum_is_exact",
        "sum_of_nothing",
        "sum_empty",
        "rate_same_rates",
        "rate_weighs_by_denominator",
        "rate_zero_denominator",
        "rate_needs_both",
        "rate_empty",
        "none_does_not_roll_up",
    ],
)
def test_roll_up(rule: RollUp, parts: list[Part], expected: RolledUp) -> None:
    assert roll_up(rule, parts) == expected


def test_rate_rejects_negative_counts() -> None:
    with pytest.raises(ValueError):
        roll_up(RollUp.RATE, [rate_part("5", "-10")])


amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=3)
sum_parts = st.lists(st.builds(Part, st.none() | amounts), max_size=20)


@given(sum_parts, st.randoms(use_true_random=False))
def test_sum_is_the_sum_of_the_parts_in_any_order(parts: list[Part], random: Random) -> None:
    rolled = roll_up(RollUp.SUM, parts)
    values = [part.value for part in parts if part.value is not None]

    assert rolled.parts_used == len(values)
    assert rolled.parts_used + rolled.parts_missing == len(parts)
    assert rolled.value == (sum(values, D(0)) if values else None)
    shuffled = list(parts)
    random.shuffle(shuffled)
    assert roll_up(RollUp.SUM, shuffled) == rolled


counts = st.decimals(min_value=0, max_value=10**6, places=0)


@st.composite
def rate_parts(draw: st.DrawFn) -> Part:
    denominator = draw(counts.filter(lambda d: d > 0))
    numerator = draw(st.decimals(min_value=0, max_value=denominator, places=0))
    return Part(value=None, numerator=numerator, denominator=denominator)


def part_rate(part: Part) -> Decimal:
    assert part.numerator is not None and part.denominator is not None
    return part.numerator * 100 / part.denominator


@given(st.lists(rate_parts(), min_size=1, max_size=20))
def test_rate_lies_between_the_part_rates(parts: list[Part]) -> None:
    rolled = roll_up(RollUp.RATE, parts)
    rates = [part_rate(part) for part in parts]

    assert rolled.value is not None
    assert min(rates) <= rolled.value <= max(rates)
    assert (rolled.parts_used, rolled.parts_missing) == (len(parts), 0)
    assert roll_up(RollUp.RATE, list(reversed(parts))) == rolled
