"""The entry grid's cells: reading what was typed, telling what changed, describing conflicts.

Each row of the grid is one indicator; its inputs are named ``i<indicator id>-<field>``.
A row carries the tokens (``<pk>:<version>``) of the target and result it was rendered
from; a section of the row (target or result) is part of a submission only when its token
field is, so read-only sections are never mistaken for cleared ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

from tongket.catalogue import Direction
from tongket.indicators.models import Indicator
from tongket.results.models import Assessment, Comparator, Result, Revision, State, Target
from tongket.scorecard import natural_comparator
from tongket.scorecard.numbers import format_number
from tongket.vnformat import parse_decimal
from tongket.web.presenters import COMPARATOR_SIGNS, format_figure

MONEY_INPUT_SCALE = Decimal(10) ** 6
MONEY_INPUT_UNIT = "triệu đồng"
EXACT_DECIMALS = 12  # enough to show any stored figure exactly, even scaled to millions
STORED_PLACES = 6  # decimal places of stored amounts and values
PERCENT_PLACES = 4  # decimal places of a stored percent of plan
MAX_MAGNITUDE = Decimal(10) ** 17

TARGET_FIELDS = ("comparator", "amount", "maintain")
RESULT_FIELDS = ("value", "percent", "estimate", "assessed", "note")
TARGET_TOKEN = "tv"
RESULT_TOKEN = "rv"
ROW_TARGET = "target"  # errors of a target that no single cell holds
ROW_RESULT = "result"

ASSESSMENT_CHOICES = (("", "—"), *((a.value, str(a.label)) for a in Assessment))


def field_name(indicator: Indicator, name: str) -> str:
    return f"i{indicator.pk}-{name}"


def input_scale(indicator: Indicator) -> Decimal:
    """Money is typed in millions of đồng and stored in đồng; other figures as they are."""
    return MONEY_INPUT_SCALE if indicator.is_money else Decimal(1)


def input_unit(indicator: Indicator) -> str:
    return MONEY_INPUT_UNIT if indicator.is_money else indicator.display_unit


def input_text(number: Decimal | None, indicator: Indicator) -> str:
    """A stored figure as the user types it, exactly: 124857000000 đồng → "124.857"."""
    if number is None:
        return ""
    return format_number(Decimal(number) / input_scale(indicator), EXACT_DECIMALS)


def percent_text(number: Decimal | None) -> str:
    return "" if number is None else format_number(Decimal(number), EXACT_DECIMALS)


def comparator_choices(indicator: Indicator) -> tuple[tuple[str, str], ...]:
    natural = natural_comparator(Direction(indicator.direction)).symbol
    signs = tuple((c.value, c.value.replace(">=", "≥").replace("<=", "≤")) for c in Comparator)
    return (("", f"mặc định ({natural})"), *signs)


class NumberError(ValueError):
    """A typed number that cannot be stored; the message is Vietnamese, for users."""


def read_number(
    text: str, *, scale: Decimal = Decimal(1), places: int = STORED_PLACES
) -> Decimal | None:
    """The stored figure for `text` typed in units of `scale`; None for an empty cell."""
    if not text.strip():
        return None
    try:
        typed = parse_decimal(text)
    except ValueError as error:
        raise NumberError(
            f"“{text.strip()}” không phải là số; hãy nhập kiểu 124.857 hoặc 16,1."
        ) from error
    if not typed.is_finite():
        raise NumberError(f"“{text.strip()}” không phải là số; hãy nhập kiểu 124.857 hoặc 16,1.")
    number = typed * scale
    if abs(number) >= MAX_MAGNITUDE:
        raise NumberError(f"Số {format_number(typed)} quá lớn.")
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        allowed = places + scale.adjusted()
        raise NumberError(f"Chỉ nhận tối đa {allowed} chữ số sau dấu phẩy.")
    return number


@dataclass(frozen=True)
class Token:
    pk: int
    version: int

    @property
    def text(self) -> str:
        return f"{self.pk}:{self.version}"


def record_token(record: Target | Result | None) -> Token | None:
    return None if record is None else Token(record.pk, record.version)


def parse_token(text: str) -> Token | None:
    if not text:
        return None
    pk, _, version = text.partition(":")
    if not (pk.isdigit() and version.isdigit()):
        raise SuspiciousOperation(f"malformed version token {text!r}")
    return Token(int(pk), int(version))


@dataclass(frozen=True)
class TargetCells:
    comparator: str = ""
    amount: Decimal | None = None
    maintain: bool = False

    @property
    def is_empty(self) -> bool:
        """No target: neither an amount nor a maintain target (a comparator alone is none)."""
        return self.amount is None and not self.maintain


@dataclass(frozen=True)
class ResultCells:
    value: Decimal | None = None
    percent: Decimal | None = None
    estimate: bool = False
    assessed: str = ""
    note: str = ""

    @property
    def is_empty(self) -> bool:
        return self.value is None and self.percent is None and not self.assessed


def target_cells(record: Target | None) -> TargetCells:
    if record is None:
        return TargetCells()
    return TargetCells(record.comparator, record.amount, record.maintain)


def result_cells(record: Result | None) -> ResultCells:
    if record is None:
        return ResultCells()
    return ResultCells(
        record.value,
        record.percent_of_plan,
        record.is_estimate,
        record.assessed,
        record.note.strip(),
    )


def decimal_in(snapshot: Mapping[str, Any], key: str) -> Decimal | None:
    value = snapshot.get(key)
    return None if value is None else Decimal(str(value))


def target_cells_from(snapshot: Mapping[str, Any]) -> TargetCells:
    """The target cells of a revision snapshot ({} is an empty slot)."""
    return TargetCells(
        snapshot.get("comparator", ""),
        decimal_in(snapshot, "amount"),
        bool(snapshot.get("maintain", False)),
    )


def result_cells_from(snapshot: Mapping[str, Any]) -> ResultCells:
    return ResultCells(
        decimal_in(snapshot, "value"),
        decimal_in(snapshot, "percent_of_plan"),
        bool(snapshot.get("is_estimate", False)),
        snapshot.get("assessed", ""),
        str(snapshot.get("note", "")).strip(),
    )


@dataclass
class RowPost:
    """What one row of a submitted grid holds; `errors` are keyed by cell or row section."""

    indicator: Indicator
    texts: dict[str, str]
    has_target: bool
    has_result: bool
    target_token: Token | None = None
    result_token: Token | None = None
    target: TargetCells | None = None
    result: ResultCells | None = None
    reason: str = ""
    errors: dict[str, list[str]] = field(default_factory=dict)


def read_row(data: Mapping[str, Any], indicator: Indicator) -> RowPost:
    """Read one row of a submitted grid; malformed cells become messages in `errors`."""

    def text(name: str) -> str:
        return str(data.get(field_name(indicator, name), "")).strip()

    names = (*TARGET_FIELDS, *RESULT_FIELDS, "reason")
    row = RowPost(
        indicator=indicator,
        texts={name: text(name) for name in names},
        has_target=field_name(indicator, TARGET_TOKEN) in data,
        has_result=field_name(indicator, RESULT_TOKEN) in data,
        reason=text("reason"),
    )
    if row.has_target:
        row.target_token = parse_token(text(TARGET_TOKEN))
        comparator = text("comparator")
        if comparator not in {"", *Comparator.values}:
            row.errors["comparator"] = ["Cách so sánh không hợp lệ."]
            comparator = ""
        amount = number_cell(row, "amount", input_scale(indicator), STORED_PLACES)
        row.target = TargetCells(comparator, amount, bool(text("maintain")))
    if row.has_result:
        row.result_token = parse_token(text(RESULT_TOKEN))
        assessed = text("assessed")
        if assessed not in {"", *Assessment.values}:
            row.errors["assessed"] = ["Đánh giá không hợp lệ."]
            assessed = ""
        value = number_cell(row, "value", input_scale(indicator), STORED_PLACES)
        percent = number_cell(row, "percent", Decimal(1), PERCENT_PLACES)
        row.result = ResultCells(value, percent, bool(text("estimate")), assessed, text("note"))
    return row


def number_cell(row: RowPost, name: str, scale: Decimal, places: int) -> Decimal | None:
    try:
        return read_number(row.texts[name], scale=scale, places=places)
    except NumberError as error:
        row.errors.setdefault(name, []).append(str(error))
        return None


def has_result_fields(data: Mapping[str, Any], indicator: Indicator) -> bool:
    return any(field_name(indicator, n) in data for n in (RESULT_TOKEN, *RESULT_FIELDS))


# Conflicts: what another person changed since the grid was rendered.

CHANGE_LABELS = {
    "state": "Trạng thái",
    "comparator": "So sánh",
    "amount": "Mức kế hoạch",
    "maintain": "Duy trì",
    "basis": "Căn cứ",
    "value": "Kết quả",
    "percent_of_plan": "% kế hoạch",
    "is_estimate": "Ước tính",
    "assessed": "Đánh giá",
    "numerator": "Tử số",
    "denominator": "Mẫu số",
    "note": "Ghi chú",
}
STATE_WORDS = {State.ACCEPTED: "đã duyệt", State.REJECTED: "đã xóa", State.DRAFT: "chờ duyệt"}
BASIS_WORDS = {"assigned": "cấp trên giao", "resolution": "nghị quyết của đơn vị"}
EMPTY_WORD = "(trống)"


def describe_value(key: str, value: Any, indicator: Indicator) -> str:
    """One stored value as a person reads it: "124.857 triệu đồng", "≥", "có"."""
    if key == "state":
        return STATE_WORDS.get(value, "chưa có")
    if key == "comparator":
        return COMPARATOR_SIGNS.get(str(value or ""), str(value)).strip() or (
            "=" if value else "mặc định"
        )
    if value is None or value == "":
        return EMPTY_WORD
    if key in ("amount", "value"):
        return format_figure(Decimal(str(value)), indicator)
    if key == "percent_of_plan":
        return f"{format_number(Decimal(str(value)))}%"
    if key in ("numerator", "denominator"):
        return format_number(Decimal(str(value)))
    if isinstance(value, bool):
        return "có" if value else "không"
    if key == "assessed":
        return str(Assessment(value).label).lower() if value in Assessment.values else str(value)
    if key == "basis":
        return BASIS_WORDS.get(value, str(value))
    return f"“{value}”"


def describe_changes(changes: Mapping[str, tuple[Any, Any]], indicator: Indicator) -> list[str]:
    """ "Kết quả: 15 đảng viên → 17 đảng viên", in a stable order, for the keys people know."""
    lines = []
    for key, label in CHANGE_LABELS.items():
        if key in changes:
            before, after = changes[key]
            shown_before = describe_value(key, before, indicator)
            shown_after = describe_value(key, after, indicator)
            if shown_before != shown_after:
                lines.append(f"{label}: {shown_before} → {shown_after}")
    return lines


def describe_author(revision: Revision | None) -> str:
    """Who made `revision` and when: "Cán bộ văn phòng (vanphong), 10:32 22/11/2025"."""
    if revision is None:
        return "một người khác"
    when = timezone.localtime(revision.created_at).strftime("%H:%M %d/%m/%Y")
    user = revision.user
    if user is None:
        return f"hệ thống, {when}"
    name = user.get_full_name() or user.first_name
    who = f"{name} ({user.get_username()})" if name else user.get_username()
    return f"{who}, {when}"
