"""Turning figures into the text a Vietnamese reader expects: "124.857 triệu đồng", "16,1%"."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from tongket.results.models import Assessment
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


class TargetFigures(Protocol):
    @property
    def amount(self) -> Decimal | None: ...
    @property
    def comparator(self) -> str: ...
    @property
    def maintain(self) -> bool: ...


class ResultFigures(Protocol):
    @property
    def value(self) -> Decimal | None: ...
    @property
    def percent_of_plan(self) -> Decimal | None: ...
    @property
    def assessed(self) -> str: ...


def amount_text(target: TargetFigures, figure: Callable[[Decimal], str]) -> str:
    """ "≥ 15 đảng viên": the target's amount with its comparator ("" without an amount)."""
    if target.amount is None:
        return ""
    return COMPARATOR_SIGNS.get(target.comparator, "") + figure(Decimal(target.amount))


def target_figures_text(target: TargetFigures, figure: Callable[[Decimal], str]) -> str:
    """ "≥ 15 đảng viên", "duy trì 100%"; `figure` writes an amount in its unit."""
    text = amount_text(target, figure)
    return f"duy trì {text}".strip() if target.maintain else text


def result_figures_text(result: ResultFigures, figure: Callable[[Decimal], str]) -> str:
    """ "16,1%, 105% KH", or the assessment in words when no number was given."""
    parts = []
    if result.value is not None:
        parts.append(figure(Decimal(result.value)))
    if result.percent_of_plan is not None:
        parts.append(f"{format_number(Decimal(result.percent_of_plan))}% KH")
    if not parts and result.assessed:
        parts.append(Assessment(result.assessed).label.lower())
    return ", ".join(parts)


def row_figures(row: ScorecardRow) -> tuple[str, str]:
    """(target text, result text) of a scorecard row."""

    def figure(amount: Decimal) -> str:
        return format_figure(amount, row.indicator)

    target_text = "" if row.target is None else target_figures_text(row.target, figure)
    result_text = "" if row.result is None else result_figures_text(row.result, figure)
    return target_text, result_text


def achievement_width(evaluation: object) -> int | None:
    """Width in percent (0–100) of a row's achievement bar; None without an achievement."""
    achievement = getattr(evaluation, "achievement", None)
    if achievement is None:
        return None
    return max(0, min(100, int(achievement)))
