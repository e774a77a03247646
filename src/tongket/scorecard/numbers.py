"""Vietnamese number formatting: "124.857" (thousands "."), "16,1" (decimals ",").

Rounding is half-up to at most `max_decimals` places (the way reports round by
hand), and trailing zeros are dropped: 100 → "100", not "100,00". Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import MAX_PREC, ROUND_HALF_UP, Decimal, localcontext

THOUSANDS_SEPARATOR = "."
DECIMAL_SEPARATOR = ","


def strip_trailing_zeros(number: Decimal) -> Decimal:
    """The same number without trailing fractional zeros, never in exponent form.

    Decimal("103.12500") → Decimal("103.125"); Decimal("1E+3") → Decimal("1000").
    """
    if number == 0:
        return Decimal(0)
    with localcontext() as context:
        context.prec = max(number.adjusted() + 1, len(number.as_tuple().digits)) + 2
        if number == number.to_integral_value():
            return number.quantize(Decimal(1))
        return number.normalize()


def exact_sum(numbers: Iterable[Decimal]) -> Decimal:
    """The sum without rounding, whatever the context's precision: order never matters."""
    with localcontext() as context:
        context.prec = MAX_PREC
        return sum(numbers, Decimal(0))


def round_half_up(number: Decimal, max_decimals: int) -> Decimal:
    """`number` rounded half-up to `max_decimals` places, exactly (no precision limit)."""
    if max_decimals < 0:
        raise ValueError("max_decimals must not be negative")
    if not number.is_finite():
        raise ValueError(f"cannot round {number}")
    with localcontext() as context:
        context.prec = max(number.adjusted(), 0) + max_decimals + 2
        return number.quantize(Decimal(1).scaleb(-max_decimals), rounding=ROUND_HALF_UP)


def format_number(number: Decimal, max_decimals: int = 2) -> str:
    """Write `number` the Vietnamese way: format_number(Decimal("124857.5")) == "124.857,5"."""
    if not isinstance(number, Decimal):
        raise TypeError(f"expected a Decimal, got {type(number).__name__}")
    rounded = strip_trailing_zeros(round_half_up(number, max_decimals))
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{rounded.copy_abs():f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sign + THOUSANDS_SEPARATOR.join(groups)
    return f"{text}{DECIMAL_SEPARATOR}{fraction}" if fraction else text
