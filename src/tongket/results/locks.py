"""Locking a period (chốt số liệu): its figures stay read-only until a leader unlocks it."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tongket.periods import Period
from tongket.results.models import LockEvent, PeriodLock
from tongket.units.models import Unit


def covering_slugs(period: Period) -> list[str]:
    """The lock slugs that cover `period`: its own and its year's."""
    year = Period(period.year)
    return [year.slug] if period == year else [period.slug, year.slug]


def lock_covering(unit: Unit, period: Period) -> PeriodLock | None:
    locks = PeriodLock.objects.filter(unit=unit, period__in=covering_slugs(period))
    return locks.select_related("locked_by").first()


def check_open(unit: Unit, period: Period) -> None:
    """Refuse a change to figures of `unit` in `period` while a lock covers it."""
    lock = lock_covering(unit, period)
    if lock is None:
        return
    who = lock.locked_by.get_username() if lock.locked_by else "lãnh đạo"
    locked = Period.parse(lock.period)
    raise ValidationError(
        {
            "period": (
                f"Số liệu {locked.label.lower()} của {unit.full_name} đã được chốt "
                f"({who}, {lock.locked_at:%d/%m/%Y}); cần lãnh đạo mở khóa trước khi sửa."
            )
        }
    )


@transaction.atomic
def lock_period(unit: Unit, period: Period, user: User | None, reason: str = "") -> PeriodLock:
    if PeriodLock.objects.filter(unit=unit, period=period.slug).exists():
        raise ValidationError({"period": f"{period.label} đã được chốt số liệu."})
    try:
        with transaction.atomic():
            lock = PeriodLock.objects.create(unit=unit, period=period.slug, locked_by=user)
    except IntegrityError as error:
        raise ValidationError({"period": f"{period.label} đã được chốt số liệu."}) from error
    LockEvent.objects.create(
        unit=unit, period=period.slug, action=LockEvent.Action.LOCK, user=user, reason=reason
    )
    return lock


@transaction.atomic
def unlock_period(unit: Unit, period: Period, user: User | None, reason: str) -> None:
    if not reason.strip():
        raise ValidationError({"reason": "Cần ghi lý do mở khóa số liệu đã chốt."})
    deleted, _ = PeriodLock.objects.filter(unit=unit, period=period.slug).delete()
    if not deleted:
        raise ValidationError({"period": f"{period.label} chưa được chốt số liệu."})
    LockEvent.objects.create(
        unit=unit, period=period.slug, action=LockEvent.Action.UNLOCK, user=user, reason=reason
    )
