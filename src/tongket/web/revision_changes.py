"""What a revision changed, in words: "Kết quả: 16,1% → 16,2%", "Trạng thái: Chờ duyệt → Đã duyệt".

Revisions keep whole snapshots of a target or result (`before`, `after`); a reader wants
only the fields that changed, each under its Vietnamese label, numbers written the
Vietnamese way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import TextChoices

from tongket.indicators.models import Indicator
from tongket.results.models import PERIOD_CHOICES, Assessment, Basis, Comparator, State
from tongket.scorecard.numbers import format_number
from tongket.web.presenters import format_figure

TARGET_FIELDS = (
    ("state", "Trạng thái"),
    ("amount", "Mức chỉ tiêu"),
    ("comparator", "So sánh"),
    ("maintain", "Duy trì"),
    ("basis", "Căn cứ"),
    ("assigned_by", "Đơn vị giao"),
    ("year", "Năm"),
    ("note", "Ghi chú"),
)
RESULT_FIELDS = (
    ("state", "Trạng thái"),
    ("value", "Kết quả"),
    ("percent_of_plan", "Đạt % kế hoạch"),
    ("numerator", "Tử số"),
    ("denominator", "Mẫu số"),
    ("is_estimate", "Ước tính"),
    ("assessed", "Đánh giá"),
    ("year", "Năm"),
    ("period_kind", "Kỳ"),
    ("period_number", "Số kỳ"),
    ("note", "Ghi chú"),
)
FIELDS = {"target": TARGET_FIELDS, "result": RESULT_FIELDS}
FIGURES = frozenset({"amount", "value"})
NUMBERS = frozenset({"numerator", "denominator"})
CHOICES: dict[str, type[TextChoices]] = {
    "state": State,
    "comparator": Comparator,
    "basis": Basis,
    "assessed": Assessment,
}
PERIOD_LABELS = dict(PERIOD_CHOICES)
# What identifies the record rather than describes it: shown only when it changes.
IDENTITY = frozenset({"year", "period_kind", "period_number"})


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


def describe_changes(
    record_type: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    indicator: Indicator | None,
    unit_names: Mapping[int, str] | None = None,
) -> list[Change]:
    """The fields that differ between two snapshots; a creation lists the figures it set
    (not the slot it fills, nor its first state), a deletion those it removed."""
    names = unit_names or {}
    changes = []
    for field, label in FIELDS.get(record_type, ()):
        old = before.get(field) if before else None
        new = after.get(field) if after else None
        if before is not None and after is not None and old == new:
            continue
        if before is None and (is_blank(new) or field in IDENTITY or field == "state"):
            continue
        if after is None and is_blank(old):
            continue
        changes.append(
            Change(label, show(field, old, indicator, names), show(field, new, indicator, names))
        )
    return changes


def is_blank(value: object) -> bool:
    return value is None or value == "" or value is False


def show(field: str, value: Any, indicator: Indicator | None, names: Mapping[int, str]) -> str:
    """One snapshot value as a person reads it."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if field in FIGURES or field in NUMBERS or field == "percent_of_plan":
        number = as_decimal(value)
        if number is None:
            return str(value)
        if field == "percent_of_plan":
            return f"{format_number(number)}%"
        if field in FIGURES and indicator is not None:
            return format_figure(number, indicator)
        return format_number(number)
    if field in CHOICES:
        return choice_label(CHOICES[field], value)
    if field == "period_kind":
        return PERIOD_LABELS.get(value, str(value))
    if field == "assigned_by":
        return names.get(value, f"đơn vị #{value}")
    return str(value)


def as_decimal(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def choice_label(choices: type[TextChoices], value: Any) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)
