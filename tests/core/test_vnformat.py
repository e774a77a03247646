"""Reading numbers as offices type them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tongket.vnformat import parse_decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("124.857", "124857"),
        ("16,1", "16.1"),
        ("2.317,8", "2317.8"),
        ("1.234.567", "1234567"),
        ("98.5", "98.5"),
        ("  7 ", "7"),
        ("-2,5", "-2.5"),
        ("12\u00a0000", "12000"),
    ],
)
def test_parse_decimal(text: str, expected: str) -> None:
    assert parse_decimal(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "--1"])
def test_parse_decimal_refuses_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        parse_decimal(text)
