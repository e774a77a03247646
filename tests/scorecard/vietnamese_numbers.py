"""A reader of Vietnamese numbers, written apart from the formatter it checks."""

from __future__ import annotations

import re
from decimal import Decimal

VIETNAMESE_NUMBER = re.compile(r"-?\d{1,3}(\.\d{3})*(,\d*[1-9])?")


def parse_vietnamese_number(text: str) -> Decimal:
    """'-1.234.567,89' → Decimal('-1234567.89'); rejects anything not written that way."""
    if not VIETNAMESE_NUMBER.fullmatch(text):
        raise ValueError(f"not a Vietnamese number: {text!r}")
    return Decimal(text.replace(".", "").replace(",", "."))
