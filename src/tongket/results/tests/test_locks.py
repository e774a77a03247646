"""Locked periods are read-only until a leader unlocks them, with a recorded reason."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from tongket.indicators.models import Indicator
from tongket.periods import Period
from tongket.results.locks import check_open, lock_covering, lock_period, unlock_period
from tongket.results.models import LockEvent
from tongket.results.services import ResultInput, TargetInput, save_result, save_target
from tongket.units.lookup import resolve_unit

pytestmark = pytest.mark.django_db


def leader() -> User:
    return get_user_model().objects.get(username="lanhdao")


def test_locking_a_year_freezes_its_targets_and_all_its_results() -> None:
    unit = resolve_unit("phường Đập Đá", 2023)
    indicator = Indicator.objects.get(code="new_party_members")
    lock_period(unit, Period(2023), leader())
    with pytest.raises(ValidationError, match="đã được chốt"):
        save_target(TargetInput(unit, indicator, 2023, Decimal(20)))
    with pytest.raises(ValidationError, match="đã được chốt"):
        save_result(ResultInput(unit, indicator, Period.parse("2023-h1"), value=Decimal(5)))
    save_target(TargetInput(unit, indicator, 2024, Decimal(20)))  # another year is open


def test_locking_a_half_year_leaves_the_year_open() -> None:
    unit = resolve_unit("phường Đập Đá", 2023)
    indicator = Indicator.objects.get(code="new_party_members")
    lock_period(unit, Period.parse("2023-h1"), leader())
    assert lock_covering(unit, Period.parse("2023-h1")) is not None
    assert lock_covering(unit, Period(2023)) is None
    save_result(ResultInput(unit, indicator, Period(2023), value=Decimal(16)))


def test_unlock_needs_a_reason_and_is_recorded() -> None:
    unit = resolve_unit("phường Đập Đá", 2023)
    lock_period(unit, Period(2023), leader(), "Chốt số liệu cả năm")
    with pytest.raises(ValidationError, match="lý do"):
        unlock_period(unit, Period(2023), leader(), " ")
    unlock_period(unit, Period(2023), leader(), "Sửa số thu ngân sách theo quyết toán")
    check_open(unit, Period(2023))
    actions = list(
        LockEvent.objects.filter(unit=unit).order_by("id").values_list("action", "reason")
    )
    assert actions == [
        ("lock", "Chốt số liệu cả năm"),
        ("unlock", "Sửa số thu ngân sách theo quyết toán"),
    ]


def test_a_period_cannot_be_locked_twice_or_unlocked_when_open() -> None:
    unit = resolve_unit("phường Đập Đá", 2023)
    lock_period(unit, Period(2023), leader())
    with pytest.raises(ValidationError, match="đã được chốt"):
        lock_period(unit, Period(2023), leader())
    with pytest.raises(ValidationError, match="chưa được chốt"):
        unlock_period(unit, Period(2022), leader(), "lý do")
