"""Clearing an accepted target or result keeps a trace: rejected, with a DELETE revision."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from tongket.indicators.models import Indicator
from tongket.periods import Period
from tongket.results.locks import lock_period
from tongket.results.models import Result, Revision, State, Target
from tongket.results.services import (
    ConflictError,
    ResultInput,
    TargetInput,
    remove_accepted,
    save_result,
    save_target,
)
from tongket.units.lookup import resolve_unit
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward() -> Unit:
    """Phường An Nhơn (valid from 1/7/2025) with no figures for 2025, whatever the demo holds."""
    unit = resolve_unit("21910")
    for model in (Target, Result):
        for record in model.objects.filter(unit=unit, year=2025, state=State.ACCEPTED):
            remove_accepted(record)
    return unit


@pytest.fixture
def office() -> User:
    return User.objects.get(username="vanphong")


def indicator(code: str) -> Indicator:
    return Indicator.objects.get(code=code)


def test_removed_result_is_rejected_with_a_delete_revision(ward: Unit, office: User) -> None:
    result = save_result(ResultInput(ward, indicator("jobs_created"), Period(2025), Decimal(40)))
    removed = remove_accepted(result, office, expected_version=1, reason="Nhập nhầm đơn vị")
    assert removed.pk == result.pk
    assert removed.state == State.REJECTED
    assert removed.version == 2
    revision = Revision.objects.filter(record_type="result", record_id=result.pk).first()
    assert revision is not None
    assert revision.action == Revision.Action.DELETE
    assert revision.before is not None and revision.before["value"] == "40"
    assert revision.before["state"] == State.ACCEPTED
    assert revision.after is None
    assert revision.user == office
    assert revision.reason == "Nhập nhầm đơn vị"
    assert not Result.objects.filter(unit=ward, year=2025, state=State.ACCEPTED).exists()


def test_slot_is_free_again_after_removal(ward: Unit) -> None:
    code = indicator("new_party_members")
    first = save_target(TargetInput(ward, code, 2025, Decimal(10)))
    remove_accepted(first)
    second = save_target(TargetInput(ward, code, 2025, Decimal(12)))
    assert second.pk != first.pk
    assert second.version == 1
    assert Target.objects.get(pk=first.pk).state == State.REJECTED


def test_stale_version_refuses_the_removal(ward: Unit) -> None:
    code = indicator("jobs_created")
    save_result(ResultInput(ward, code, Period(2025), Decimal(40)))
    updated = save_result(ResultInput(ward, code, Period(2025), Decimal(45)), expected_version=1)
    with pytest.raises(ConflictError) as caught:
        remove_accepted(updated, expected_version=1)
    assert caught.value.changes["value"] == ("40", "45")
    assert Result.objects.get(pk=updated.pk).state == State.ACCEPTED
    assert not Revision.objects.filter(record_id=updated.pk, action="delete").exists()


def test_removing_twice_is_refused(ward: Unit) -> None:
    target = save_target(TargetInput(ward, indicator("jobs_created"), 2025, Decimal(100)))
    remove_accepted(target)
    with pytest.raises(ValidationError, match="Chỉ xóa được số liệu đã duyệt"):
        remove_accepted(target)
    with pytest.raises(ConflictError):
        remove_accepted(target, expected_version=1)


def test_locked_period_refuses_the_removal(ward: Unit, office: User) -> None:
    target = save_target(TargetInput(ward, indicator("jobs_created"), 2025, Decimal(100)))
    lock_period(ward, Period(2025), office)
    with pytest.raises(ValidationError, match="đã được chốt"):
        remove_accepted(target, office, expected_version=1)
    assert Target.objects.get(pk=target.pk).state == State.ACCEPTED
