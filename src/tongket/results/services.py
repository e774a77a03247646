"""Writing targets and results: validated, versioned, audited, all-or-nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict

from tongket.indicators.models import Indicator
from tongket.periods import Period
from tongket.results import locks, validation
from tongket.results.models import Basis, Result, Revision, State, Target
from tongket.scorecard.numbers import strip_trailing_zeros
from tongket.units.models import Unit


def recorded_user(user: User | None) -> User | None:
    """The user to record as having made a change (None for the CLI and anonymous callers)."""
    return user if user is not None and user.is_authenticated else None


class ConflictError(Exception):
    """The record changed since the caller read it; `changes` says how."""

    def __init__(self, record: Target | Result, changes: dict[str, tuple[Any, Any]]) -> None:
        self.record = record
        self.changes = changes
        super().__init__(f"{type(record).__name__} {record.pk} changed since it was read")


def snapshot(record: Target | Result) -> dict[str, Any]:
    data = model_to_dict(record, exclude=["id"])
    return {
        key: plain(value) if isinstance(value, Decimal) else value for key, value in data.items()
    }


def plain(number: Decimal) -> str:
    """ "98.500000" → "98.5", "100.000000" → "100": the same text whatever the storage scale."""
    return format(strip_trailing_zeros(number), "f")


def write_revision(
    record: Target | Result,
    action: str,
    before: dict[str, Any] | None,
    user: User | None,
    reason: str = "",
) -> None:
    Revision.objects.create(
        record_type="target" if isinstance(record, Target) else "result",
        record_id=record.pk,
        unit=record.unit,
        action=action,
        before=before,
        after=snapshot(record) if action != Revision.Action.DELETE else None,
        user=recorded_user(user),
        reason=reason,
    )


@dataclass(frozen=True)
class TargetInput:
    unit: Unit
    indicator: Indicator
    year: int
    amount: Decimal | None
    comparator: str = ""
    maintain: bool = False
    basis: str = Basis.RESOLUTION
    assigned_by: Unit | None = None
    note: str = ""
    spans: Sequence[Sequence[int]] = field(default_factory=tuple)


@dataclass(frozen=True)
class ResultInput:
    unit: Unit
    indicator: Indicator
    period: Period
    value: Decimal | None = None
    percent_of_plan: Decimal | None = None
    is_estimate: bool = False
    assessed: str = ""
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    note: str = ""
    spans: Sequence[Sequence[int]] = field(default_factory=tuple)


def validate_target(data: TargetInput) -> None:
    period = Period(data.year) if validation.MIN_YEAR <= data.year <= validation.MAX_YEAR else None
    checks: list[tuple[object, ...]] = [(validation.check_year, data.year)]
    if period is not None:
        checks.append((validation.check_unit_existed, data.unit, period))
    checks.append((validation.check_amount, "amount", data.indicator, data.amount))
    validation.collect_errors(*checks)


def validate_result(data: ResultInput) -> None:
    checks: list[tuple[object, ...]] = [
        (validation.check_unit_existed, data.unit, data.period),
        (validation.check_amount, "value", data.indicator, data.value),
        (validation.check_percent_of_plan, data.percent_of_plan),
    ]
    if data.value is None and data.percent_of_plan is None and not data.assessed:
        checks.append((validation.require_some_figure,))
    validation.collect_errors(*checks)


def check_version(record: Target | Result, expected_version: int | None) -> None:
    """Refuse to overwrite a record that changed since the caller read `expected_version`."""
    if expected_version is None or record.version == expected_version:
        return
    seen = seen_snapshot(record, expected_version)
    current = snapshot(record)
    changes = {
        key: (seen.get(key), value)
        for key, value in current.items()
        if key not in IGNORED_IN_CONFLICTS and seen.get(key) != value
    }
    raise ConflictError(record, changes)


IGNORED_IN_CONFLICTS = frozenset({"version", "entered_by", "spans"})


def seen_snapshot(record: Target | Result, version: int) -> dict[str, Any]:
    """The record as it was at `version`, from its revisions ({} when unknown)."""
    record_type = "target" if isinstance(record, Target) else "result"
    for revision in Revision.objects.filter(record_type=record_type, record_id=record.pk):
        if revision.after and revision.after.get("version") == version:
            return dict(revision.after)
    return {}


def target_fields(data: TargetInput) -> dict[str, Any]:
    return {
        "amount": data.amount,
        "comparator": data.comparator,
        "maintain": data.maintain,
        "basis": data.basis,
        "assigned_by": data.assigned_by,
        "note": data.note,
    }


def result_fields(data: ResultInput) -> dict[str, Any]:
    return {
        "value": data.value,
        "percent_of_plan": data.percent_of_plan,
        "is_estimate": data.is_estimate,
        "assessed": data.assessed,
        "numerator": data.numerator,
        "denominator": data.denominator,
        "note": data.note,
    }


def target_slot(unit: Unit, indicator: Indicator, year: int) -> dict[str, Any]:
    """What identifies a target: at most one accepted target holds each slot."""
    return {"unit": unit, "indicator": indicator, "year": year}


def result_slot(unit: Unit, indicator: Indicator, period: Period) -> dict[str, Any]:
    """What identifies a result: at most one accepted result holds each slot."""
    return {
        "unit": unit,
        "indicator": indicator,
        "year": period.year,
        "period_kind": period.kind.value,
        "period_number": period.number,
    }


def accepted_in_slot_of(record: Target | Result) -> Target | Result | None:
    """The accepted record (locked) in the slot `record` would take, other than itself."""
    if isinstance(record, Target):
        slot = target_slot(record.unit, record.indicator, record.year)
        targets = Target.objects.select_for_update().filter(**slot, state=State.ACCEPTED)
        return targets.exclude(pk=record.pk).first()
    slot = result_slot(record.unit, record.indicator, record.period)
    results = Result.objects.select_for_update().filter(**slot, state=State.ACCEPTED)
    return results.exclude(pk=record.pk).first()


def record_period(record: Target | Result) -> Period:
    return Period(record.year) if isinstance(record, Target) else record.period


def change_state(
    record: Target | Result, state: str, action: str, user: User | None, reason: str
) -> None:
    """Move `record` to `state` as a new version, with its revision."""
    if State.ACCEPTED in (state, record.state):
        locks.check_open(record.unit, record_period(record))
    before = snapshot(record)
    record.state = state
    record.version += 1
    record.save()
    write_revision(record, action, before, user, reason)


@transaction.atomic
def save_target(
    data: TargetInput,
    user: User | None = None,
    *,
    expected_version: int | None = None,
    reason: str = "",
) -> Target:
    """Create or update the accepted target of (unit, indicator, year)."""
    validate_target(data)
    locks.check_open(data.unit, Period(data.year))
    slot = target_slot(data.unit, data.indicator, data.year)
    fields = {**target_fields(data), "spans": [list(s) for s in data.spans]}
    return save_accepted(Target, slot, fields, user, expected_version, reason)


@transaction.atomic
def save_result(
    data: ResultInput,
    user: User | None = None,
    *,
    expected_version: int | None = None,
    reason: str = "",
) -> Result:
    """Create or update the accepted result of (unit, indicator, period)."""
    validate_result(data)
    locks.check_open(data.unit, data.period)
    slot = result_slot(data.unit, data.indicator, data.period)
    fields = {**result_fields(data), "spans": [list(s) for s in data.spans]}
    return save_accepted(Result, slot, fields, user, expected_version, reason)


R = TypeVar("R", Target, Result)


def save_accepted(
    model: type[R],
    slot: dict[str, Any],
    fields: dict[str, Any],
    user: User | None,
    expected_version: int | None,
    reason: str,
) -> R:
    """The accepted record of `slot`, created with `fields` or updated to them."""
    existing = model.objects.select_for_update().filter(**slot, state=State.ACCEPTED).first()
    if existing is None:
        entered_by = recorded_user(user)
        record = model.objects.create(**slot, **fields, entered_by=entered_by)
        write_revision(record, Revision.Action.CREATE, None, user, reason)
        return record
    return update_record(existing, fields, user, expected_version, reason)


def update_record(
    record: R,
    fields: dict[str, Any],
    user: User | None,
    expected_version: int | None,
    reason: str,
) -> R:
    check_version(record, expected_version)
    before = snapshot(record)
    for name, value in fields.items():
        setattr(record, name, value)
    record.version += 1
    if user is not None and user.is_authenticated:
        record.entered_by = user
    record.save()
    write_revision(record, Revision.Action.UPDATE, before, user, reason)
    return record


@transaction.atomic
def remove_accepted(
    record: Target | Result,
    user: User | None = None,
    *,
    expected_version: int | None = None,
    reason: str = "",
) -> Target | Result:
    """Clear the accepted `record` from its slot, keeping a trace.

    The record is not deleted: it becomes rejected as a new version, and a DELETE revision
    keeps what it held, who cleared it and why. A stale `expected_version` raises
    `ConflictError`; a locked period refuses the change.
    """
    current = type(record).objects.select_for_update().select_related("unit").get(pk=record.pk)
    check_version(current, expected_version)
    if current.state != State.ACCEPTED:
        raise ValidationError(
            {"state": "Chỉ xóa được số liệu đã duyệt; số liệu này đã bị loại hoặc đang chờ duyệt."}
        )
    change_state(current, State.REJECTED, Revision.Action.DELETE, user, reason)
    return current
