"""Vietnamese number formatting for messages and pages: "124.857", "16,1"."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def format_decimal(number: Decimal | int | float, max_decimals: int = 2) -> str:
    """Group thousands with ".", decimals with ","; no trailing zeros ("100" not "100,00")."""
    value = Decimal(str(number)) if not isinstance(number, Decimal) else number
    quantum = Decimal(1).scaleb(-max_decimals)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP) if max_decimals >= 0 else value
    sign = "-" if rounded < 0 else ""
    text = f"{abs(rounded):f}"
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def parse_decimal(text: str) -> Decimal:
    """Read "124.857", "16,1", "2.317,8" or "1234.5"; raises ValueError otherwise."""
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    if not raw:
        raise ValueError("empty number")
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif raw.count(".") > 1 or (raw.count(".") == 1 and len(raw.rsplit(".", 1)[1]) == 3):
        raw = raw.replace(".", "")
    try:
        return Decimal(raw)
    except ArithmeticError as error:
        raise ValueError(f"not a number: {text!r}") from error
