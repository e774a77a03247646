"""Turning figures into the text a Vietnamese reader expects: "124.857 triệu đồng", "16,1%"."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from tongket.scorecard.numbers import format_number

if TYPE_CHECKING:
    from tongket.indicators.models import Indicator
    from tongket.results.scorecards import ScorecardRow

COMPARATOR_SIGNS = {">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< ", "=": ""}
MONEY_SCALES = ((Decimal(10) ** 9, "tỷ đồng", 1), (Decimal(10) ** 6, "triệu đồng", 2))


def format_amount(amount: Decimal | None, unit: str) -> str:
    if amount is None:
        return ""
    if unit == "%":
        return f"{format_number(amount)}%"
    return f"{format_number(amount)} {unit}".strip()


def format_money(amount: Decimal) -> str:
    """In the unit a person would write: "2.317,8 tỷ đồng", "124.857 triệu đồng".

    Billions when the figure needs at most one decimal there, else millions when it needs
    at most two, else plain đồng.
    """
    for scale, word, decimals in MONEY_SCALES:
        scaled = amount / scale
        if abs(scaled) >= 1 and decimal_places(scaled) <= decimals:
            return f"{format_number(scaled, decimals)} {word}"
    return f"{format_number(amount, 0)} đồng"


def decimal_places(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_figure(amount: Decimal | None, indicator: Indicator) -> str:
    if amount is None:
        return ""
    if indicator.is_money:
        return format_money(Decimal(amount))
    return format_amount(Decimal(amount), indicator.display_unit)


def row_figures(row: ScorecardRow) -> tuple[str, str]:
    """(target text, result text) of a scorecard row."""
    target_text = ""
    if row.target is not None:
        target = row.target
        if target.amount is not None:
            sign = COMPARATOR_SIGNS.get(target.comparator, "")
            target_text = sign + format_figure(target.amount, row.indicator)
        if target.maintain:
            target_text = f"duy trì {target_text}".strip()
    result_text = ""
    if row.result is not None:
        result = row.result
        parts = []
        if result.value is not None:
            parts.append(format_figure(result.value, row.indicator))
        if result.percent_of_plan is not None:
            parts.append(f"{format_number(Decimal(result.percent_of_plan))}% KH")
        if not parts and result.assessed:
            parts.append(result.get_assessed_display().lower())
        result_text = ", ".join(parts)
    return target_text, result_text


def achievement_width(evaluation: object) -> int | None:
    """Width in percent (0–100) of a row's achievement bar; None without an achievement."""
    achievement = getattr(evaluation, "achievement", None)
    if achievement is None:
        return None
    return max(0, min(100, int(achievement)))
