"""Seeding the catalogue tables from the default catalogue data files."""

from __future__ import annotations

from django.db import transaction

from tongket.catalogue import load_groups, load_indicators
from tongket.indicators.models import Indicator, IndicatorGroup


@transaction.atomic
def load_default_catalogue() -> tuple[int, int]:
    """Create or update the built-in groups and indicators; returns (created, updated)."""
    groups = {}
    for spec in load_groups():
        group, _ = IndicatorGroup.objects.update_or_create(
            code=spec.code, defaults={"name": spec.name_vi, "order": spec.order}
        )
        groups[spec.code] = group
    created = updated = 0
    for order, ind in enumerate(load_indicators()):
        _, was_created = Indicator.objects.update_or_create(
            code=ind.code,
            defaults={
                "name": ind.name_vi,
                "group": groups[ind.group],
                "unit_class": ind.unit_class.value,
                "unit": ind.unit,
                "direction": ind.direction.value,
                "rollup": ind.rollup.value,
                "max_value": ind.max_value,
                "phrases": "\n".join(ind.phrases),
                "is_builtin": True,
                "order": order,
            },
        )
        created += was_created
        updated += not was_created
    return created, updated
