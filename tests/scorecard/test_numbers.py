from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tongket.scorecard.numbers import exact_sum, format_number, strip_trailing_zeros

from .vietnamese_numbers import parse_vietnamese_number

HUGE = "1.234.567.890.123.456.789.012.345.678.901.234,5"  # beyond Decimal's 28 digits


@pytest.mark.parametrize(
    ("number", "max_decimals", "expected"),
    [
        ("16.1", 2, "16,1"),
        ("124857", 2, "124.857"),
        ("100.00", 2, "100"),
        ("103.125", 2, "103,13"),
        ("103.125", 3, "103,125"),
        ("398.44", 2, "398,44"),
        ("0.5", 2, "0,5"),
        ("999.995", 2, "1.000"),
        ("-1234567.891", 2, "-1.234.567,89"),
        ("-0.001", 2, "0"),
        ("0", 2, "0"),
        ("1E+3", 2, "1.000"),
        ("12.5", 0, "13"),
        (
            "1234567890123456789012345678901234.5",
            1,
            "1.234.567.890.123.456.789.012.345.678.901.234,5",
        ),
    ],
    ids=lambda value: str(value),
)
def test_format_number(number: str, max_decimals: int, expected: str) -> None:
    assert format_number(Decimal(number), max_decimals) == expected


def test_format_number_rejects_floats_and_negative_places() -> None:
    with pytest.raises(TypeError):
        format_number(16.1)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_number(Decimal(1), -1)


@pytest.mark.parametrize(
    ("number", "expected"),
    [("103.12500", "103.125"), ("1E+3", "1000"), ("0.000", "0"), ("-2.50", "-2.5")],
    ids=lambda value: str(value),
)
def test_strip_trailing_zeros(number: str, expected: str) -> None:
    assert str(strip_trailing_zeros(Decimal(number))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("16,1", "16.1"), ("124.857", "124857"), ("-1.000,5", "-1000.5")],
    ids=lambda value: str(value),
)
def test_parser_reads_vietnamese_numbers(text: str, expected: str) -> None:
    assert parse_vietnamese_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["16.1", "1,000", "1.00", "16,10", ""], ids=repr)
def test_parser_rejects_other_writings(text: str) -> None:
    with pytest.raises(ValueError):
        parse_vietnamese_number(text)


finite_decimals = st.decimals(allow_nan=False, allow_infinity=False).filter(
    lambda d: d.adjusted() < 60
)


@given(finite_decimals, st.integers(min_value=0, max_value=6))
def test_format_number_round_trips(number: Decimal, max_decimals: int) -> None:
    text = format_number(number, max_decimals)
    with localcontext() as context:
        context.prec = 100
        expected = number.quantize(Decimal(1).scaleb(-max_decimals), rounding=ROUND_HALF_UP)
    assert parse_vietnamese_number(text) == expected


@given(st.lists(st.decimals(allow_nan=False, allow_infinity=False, places=6), max_size=8))
def test_exact_sum_is_order_independent(numbers: list[Decimal]) -> None:
    assert exact_sum(numbers) == exact_sum(reversed(numbers))
