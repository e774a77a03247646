"""Adding units by hand: sub-units under a commune, and earlier units with their lineage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources

from django.core.exceptions import ValidationError
from django.db import transaction

from tongket.units.models import Level, Source, Succession, SuccessionKind, Unit

CHILD_LEVEL = {Level.PROVINCE: Level.DISTRICT, Level.DISTRICT: Level.COMMUNE}


@cache
def subunit_kinds() -> frozenset[str]:
    text = resources.files("tongket.units").joinpath("data", "subunit_kinds.csv").read_text("utf-8")
    return frozenset(line.split(",")[0] for line in text.splitlines()[1:] if line.strip())


@dataclass(frozen=True)
class UnitSpec:
    parent: Unit
    kind: str
    name: str
    code: str = ""
    valid_to: dt.date | None = None
    successor: Unit | None = None
    succession_date: dt.date | None = None
    basis: str = ""


def child_level(parent: Unit, kind: str) -> str:
    if kind in subunit_kinds():
        if parent.level not in (Level.COMMUNE, Level.SUBUNIT):
            raise ValidationError(
                {"kind": f"“{kind}” chỉ thêm được dưới một đơn vị cấp xã, không dưới {parent}."}
            )
        return Level.SUBUNIT
    if parent.level in CHILD_LEVEL:
        return CHILD_LEVEL[Level(parent.level)]
    raise ValidationError({"kind": f"Không thể thêm “{kind}” dưới {parent}."})


@transaction.atomic
def add_unit(spec: UnitSpec) -> Unit:
    kind = spec.kind.strip().lower()
    name = spec.name.strip()
    if not name:
        raise ValidationError({"name": "Tên đơn vị không được để trống."})
    level = child_level(spec.parent, kind)
    if spec.parent.children.filter(kind=kind, name__iexact=name).exists():
        raise ValidationError({"name": f"{spec.parent} đã có {kind} {name}."})
    if spec.successor is not None and spec.succession_date is None:
        raise ValidationError({"succession_date": "Cần ngày sáp nhập vào đơn vị mới."})
    valid_to = spec.valid_to
    if spec.successor is not None and spec.succession_date is not None and valid_to is None:
        valid_to = spec.succession_date - dt.timedelta(days=1)
    unit = Unit(
        code=spec.code.strip(),
        kind=kind,
        name=name,
        level=level,
        parent=spec.parent,
        valid_from=spec.parent.valid_from if level == Level.SUBUNIT else None,
        valid_to=valid_to if level != Level.SUBUNIT else spec.parent.valid_to,
        source=Source.USER,
    )
    unit.full_clean(exclude=["name_folded"])
    unit.save()
    if spec.successor is not None and spec.succession_date is not None:
        Succession.objects.create(
            predecessor=unit,
            successor=spec.successor,
            date=spec.succession_date,
            kind=SuccessionKind.MERGE,
            basis=spec.basis,
        )
    return unit
