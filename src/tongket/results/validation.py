"""Checks of targets and results before anything is written; messages are Vietnamese."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError

from tongket.catalogue import UnitClass
from tongket.indicators.models import Indicator
from tongket.periods import MAX_YEAR, MIN_YEAR, Period
from tongket.scorecard.numbers import format_number
from tongket.units.models import Level, Unit

MAX_PERCENT_OF_PLAN = Decimal(100000)


def check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            {"year": f"Năm {year} không hợp lệ: chỉ nhận từ {MIN_YEAR} đến {MAX_YEAR}."}
        )


def check_unit_existed(unit: Unit, period: Period) -> None:
    if unit.level == Level.SUBUNIT:
        return
    if not unit.was_valid_during(period.start, period.end):
        raise ValidationError(
            {
                "unit": (
                    f"{unit.full_name} không tồn tại trong kỳ {period.label.lower()} "
                    f"(hiệu lực {validity_text(unit)})."
                )
            }
        )


def validity_text(unit: Unit) -> str:
    start = f"từ {unit.valid_from:%d/%m/%Y}" if unit.valid_from else "từ trước"
    end = f"đến {unit.valid_to:%d/%m/%Y}" if unit.valid_to else "đến nay"
    return f"{start} {end}"


def amount_problem(indicator: Indicator, amount: Decimal) -> str | None:
    """Why `amount` cannot be a figure of `indicator`, or None when it can."""
    unit_class = UnitClass(indicator.unit_class)
    if unit_class in (UnitClass.COUNT, UnitClass.MONEY) and amount < 0:
        noun = "số tiền" if unit_class == UnitClass.MONEY else "số lượng"
        return f"{noun.capitalize()} không được âm (nhận được {format_number(amount)})."
    if indicator.max_value is not None and not 0 <= amount <= indicator.max_value:
        return (
            f"Tỷ lệ “{indicator.name}” phải nằm trong khoảng 0–"
            f"{format_number(Decimal(indicator.max_value))}"
            f"{'%' if unit_class == UnitClass.PERCENT else ''} "
            f"(nhận được {format_number(amount)})."
        )
    return None


def check_amount(field: str, indicator: Indicator, amount: Decimal | None) -> None:
    if amount is None:
        return
    problem = amount_problem(indicator, amount)
    if problem:
        raise ValidationError({field: problem})


def check_percent_of_plan(percent: Decimal | None) -> None:
    if percent is not None and not 0 <= percent <= MAX_PERCENT_OF_PLAN:
        raise ValidationError(
            {"percent_of_plan": f"Tỷ lệ % kế hoạch {format_number(percent)} không hợp lệ."}
        )


def collect_errors(*checks: tuple[object, ...]) -> None:
    """Run every check and raise one ValidationError holding all their messages."""
    errors: dict[str, list[str]] = {}
    for check, *args in checks:
        try:
            check(*args)  # type: ignore[operator]
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def require_some_figure() -> None:
    raise ValidationError(
        {"value": "Cần nhập giá trị, tỷ lệ % kế hoạch hoặc đánh giá đạt/không đạt."}
    )
