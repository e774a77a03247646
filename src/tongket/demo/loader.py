"""Loading the demo data set into the configured database."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from tongket.access.models import Membership, Role
from tongket.demo.review_cycle import load_review_cycle
from tongket.indicators.models import Indicator
from tongket.indicators.services import load_default_catalogue
from tongket.periods import Period
from tongket.results.models import Basis, Target
from tongket.results.services import ResultInput, TargetInput, save_result, save_target
from tongket.synth.writer import synthesize
from tongket.units.loading import load_official_units
from tongket.units.lookup import lineage_predecessor_ids
from tongket.units.models import Level, Source, Succession, SuccessionKind, Unit
from tongket.units.text import folded_full_name

DEMO_REASON = "Dữ liệu mẫu"
DEMO_PASSWORD = "tongket-demo-2025"
# (username, role label, role, unit the role is over: GSO code of a current unit)
DEMO_LOGINS = (
    ("quantri", "Quản trị", Role.ADMIN, None),
    ("vanphong", "Cán bộ văn phòng phường An Nhơn", Role.OFFICE, "21910"),
    ("lanhdao", "Lãnh đạo phường An Nhơn", Role.LEADER, "21910"),
    ("captren", "Cấp trên — tỉnh Gia Lai", Role.SUPERIOR, "52"),
)


# captren's province gets synthetic figures so its comparison pages have content. Only
# 2024 and 2025, so the seed wards' own years (2021, 2023) keep real figures alone; and
# never for the demo logins' own ward (phường An Nhơn and the wards that became it: its
# office enters real figures) nor for namesakes of the seed wards (phường Tây Sơn of
# Pleiku and An Khê), so that "phường Tây Sơn" still finds the seed ward by its data.
DEMO_SYNTH_PROVINCE = "52"
DEMO_SYNTH_YEARS = (2024, 2025)


@dataclass(frozen=True)
class DemoReport:
    wards: tuple[tuple[str, int], ...]
    targets: int
    results: int
    synthetic: int = 0  # synthetic rows written for DEMO_SYNTH_PROVINCE


def read_demo_data() -> dict[str, Any]:
    text = resources.files("tongket.demo").joinpath("data", "seed_wards.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def find_legacy_unit(kind: str, name: str, parent_name: str | None = None) -> Unit:
    units = Unit.objects.filter(name_folded=folded_full_name(kind, name), valid_to__isnull=False)
    if parent_name is not None:
        units = units.filter(parent__name=parent_name)
    found = list(units[:2])
    if len(found) != 1:
        raise LookupError(f"demo unit {kind} {name} ({parent_name}) matched {len(found)} units")
    return found[0]


def ensure_custom_units(specs: list[dict[str, Any]]) -> None:
    for spec in specs:
        parent = find_legacy_unit(spec["parent"]["kind"], spec["parent"]["name"])
        unit, _ = Unit.objects.get_or_create(
            kind=spec["kind"],
            name=spec["name"],
            parent=parent,
            defaults={
                "level": Level.COMMUNE,
                "valid_to": dt.date.fromisoformat(spec["valid_to"]),
                "source": Source.USER,
                "note": spec["note"],
            },
        )
        successor = find_legacy_unit(spec["successor"]["kind"], spec["successor"]["name"])
        Succession.objects.get_or_create(
            predecessor=unit,
            successor=successor,
            defaults={
                "date": dt.date.fromisoformat(spec["succession_date"]),
                "kind": SuccessionKind.MERGE,
                "basis": spec["basis"],
            },
        )


def decimal_from_text(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def load_entry(
    unit: Unit, year: int, entry: dict[str, Any], notes: dict[str, str]
) -> tuple[int, int]:
    indicator = Indicator.objects.get(code=entry["indicator"])
    year = entry.get("year", year)
    result = entry.get("result")
    targets = results = 0
    if not entry.get("result_only"):
        spec = entry.get("target", {})
        amount = decimal_from_text(spec.get("amount"))
        note = spec.get("note", "")
        if entry.get("implied"):
            amount, note = decimal_from_text(result["value"]) if result else None, notes["implied"]
        if entry.get("illustrative"):
            note = notes["illustrative"]
        save_target(
            TargetInput(
                unit=unit,
                indicator=indicator,
                year=year,
                amount=amount,
                comparator=spec.get("comparator", ""),
                maintain=spec.get("maintain", False),
                basis=entry.get("basis", Basis.RESOLUTION),
                note=note,
            ),
            reason=DEMO_REASON,
        )
        targets += 1
    if result:
        save_result(
            ResultInput(
                unit=unit,
                indicator=indicator,
                period=Period(year),
                value=decimal_from_text(result.get("value")),
                percent_of_plan=decimal_from_text(result.get("percent_of_plan")),
                is_estimate=result.get("is_estimate", False),
                assessed=result.get("assessed", ""),
                note=result.get("note", notes["illustrative"] if entry.get("illustrative") else ""),
            ),
            reason=DEMO_REASON,
        )
        results += 1
    return targets, results


@transaction.atomic
def load_demo() -> DemoReport:
    """Units, catalogue, the seed wards' data and demo logins; safe to run twice."""
    if not Unit.objects.filter(source=Source.GSO).exists():
        load_official_units()
    load_default_catalogue()
    data = read_demo_data()
    ensure_custom_units(data["custom_units"])
    notes = {"implied": data["implied_note"], "illustrative": data["illustrative_note"]}
    wards, targets, results = [], 0, 0
    for ward in data["wards"]:
        spec = ward["unit"]
        unit = find_legacy_unit(spec["kind"], spec["name"], spec.get("parent"))
        wards.append((unit.full_name, ward["year"]))
        if Target.objects.filter(unit=unit, year=ward["year"]).exists():
            continue
        for entry in ward["entries"]:
            t, r = load_entry(unit, ward["year"], entry, notes)
            targets, results = targets + t, results + r
    create_demo_logins()
    load_review_cycle()
    synthetic = load_demo_synthetic()
    return DemoReport(wards=tuple(wards), targets=targets, results=results, synthetic=synthetic)


def load_demo_synthetic() -> int:
    """Synthetic targets and results of tỉnh Gia Lai's communes (today's for 2025, the
    former ones that became them for 2024 and the first half of 2025), each row marked
    with the synthetic note; units with real figures are left alone, and years already
    filled are kept. Returns the number of rows written."""
    reports = synthesize(
        DEMO_SYNTH_YEARS,
        province=DEMO_SYNTH_PROVINCE,
        exclude=demo_units_left_alone(),
        on_existing="skip",
    )
    return sum(report.rows for report in reports)


def demo_units_left_alone() -> frozenset[int]:
    """The demo logins' own wards with the wards that became them, and every namesake
    of a seed ward."""
    codes = {code for _, _, role, code in DEMO_LOGINS if role in (Role.OFFICE, Role.LEADER)}
    own = list(Unit.objects.current().filter(code__in=codes).values_list("pk", flat=True))
    names = [
        folded_full_name(w["unit"]["kind"], w["unit"]["name"]) for w in read_demo_data()["wards"]
    ]
    namesakes = Unit.objects.filter(name_folded__in=names).values_list("pk", flat=True)
    return frozenset({*own, *lineage_predecessor_ids(own), *namesakes})


def create_demo_logins() -> None:
    users = get_user_model()
    for username, label, role, unit_code in DEMO_LOGINS:
        if users.objects.filter(username=username).exists():
            continue
        is_admin = role == Role.ADMIN
        user = users(username=username, first_name=label, is_staff=is_admin, is_superuser=is_admin)
        user.set_password(DEMO_PASSWORD)
        user.save()
        unit = None if unit_code is None else Unit.objects.current().get(code=unit_code)
        Membership.objects.create(user=user, role=role, unit=unit)


def demo_logins_in_use() -> list[tuple[str, str, str]]:
    """The demo logins whose password is still the demo one: (username, password, role)."""
    users = get_user_model()
    found = []
    for username, role, _, _ in DEMO_LOGINS:
        user = users.objects.filter(username=username).first()
        if user is not None and user.check_password(DEMO_PASSWORD):
            found.append((username, DEMO_PASSWORD, role))
    return found
