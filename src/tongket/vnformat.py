"""Reading numbers as Vietnamese offices type them: "124.857", "16,1", "2.317,8".

Formatting lives in `tongket.scorecard.numbers.format_number`.
"""

from __future__ import annotations

from decimal import Decimal


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
