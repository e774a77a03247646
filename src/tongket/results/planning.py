"""Targets handed down: a superior assigns targets to its subordinates, a unit splits one
among its sub-units."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from tongket.catalogue import RollUp
from tongket.indicators.models import Indicator
from tongket.results.models import Basis, Target
from tongket.results.services import TargetInput, save_target
from tongket.scorecard.numbers import format_number
from tongket.units.models import Unit


def is_below(unit: Unit, superior: Unit) -> bool:
    return any(ancestor.pk == superior.pk for ancestor in unit.ancestors())


@transaction.atomic
def assign_targets(
    superior: Unit,
    indicator: Indicator,
    year: int,
    amounts: Mapping[Unit, Decimal],
    user: User | None = None,
) -> list[Target]:
    """The superior's targets for its subordinates; all are written or none."""
    outsiders = [u.full_name for u in amounts if not is_below(u, superior)]
    if outsiders:
        raise ValidationError(
            {"unit": f"{', '.join(outsiders)} không trực thuộc {superior.full_name}."}
        )
    return [
        save_target(
            TargetInput(
                unit=unit,
                indicator=indicator,
                year=year,
                amount=amount,
                basis=Basis.ASSIGNED,
                assigned_by=superior,
            ),
            user,
            reason=f"{superior.full_name} giao chỉ tiêu",
        )
        for unit, amount in amounts.items()
    ]


@transaction.atomic
def split_target(
    target: Target, shares: Mapping[Unit, Decimal], user: User | None = None
) -> list[Target]:
    """Split `target` among sub-units of its unit; summed indicators must add up to it."""
    strangers = [u.full_name for u in shares if u.parent_id != target.unit_id]
    if strangers:
        raise ValidationError(
            {"unit": f"{', '.join(strangers)} không phải đơn vị trực thuộc {target.unit}."}
        )
    if target.indicator.rollup == RollUp.SUM and target.amount is not None:
        total = sum(shares.values(), Decimal(0))
        if total != target.amount:
            raise ValidationError(
                {
                    "amount": (
                        f"Tổng phân bổ {format_number(total)} khác mức chỉ tiêu "
                        f"{format_number(target.amount)}."
                    )
                }
            )
    created = []
    for unit, amount in shares.items():
        share = save_target(
            TargetInput(
                unit=unit,
                indicator=target.indicator,
                year=target.year,
                amount=amount,
                comparator=target.comparator,
                basis=Basis.ASSIGNED,
                assigned_by=target.unit,
            ),
            user,
            reason=f"Phân bổ từ chỉ tiêu của {target.unit.full_name}",
        )
        share.split_from = target
        share.save(update_fields=["split_from"])
        created.append(share)
    return created
