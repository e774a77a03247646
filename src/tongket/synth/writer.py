"""Writing synthetic figures into the database in bulk, one transaction per year.

Which units get figures, for a year Y:
- the commune-level units of the official list (GSO) in office on 31/12/Y: for years
  before 2025 the former communes (10,051), from 2025 today's (3,321, drawn three times
  the size of a former commune); they get targets and whole-year results;
- for the latest year asked, the units in office on 30/06/Y also get 6-month estimates
  ("ước thực hiện 6 tháng"); in 2025 these are the former communes, which existed until
  30/06/2025, and they get the estimates only (their successors hold the year's figures).
A unit that already has figures of its own for a year (any target or result not made
here) is left alone for that year: real data is never overwritten.

Every row is accepted, version 1, entered by nobody, and carries `SYNTH_NOTE`; that note
is how synthetic rows are found again (`--replace` deletes only them). No `Revision` is
written per row (there would be millions); one audit line is logged per run instead.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from django.db import connection, transaction
from django.db.models import Q

from tongket.catalogue import IndicatorSpec
from tongket.indicators.models import Indicator
from tongket.periods import PeriodKind
from tongket.results.models import Basis, Result, State, Target
from tongket.scorecard.numbers import format_number
from tongket.synth.generate import SYNTH_NOTE, Figure, catalogue_specs, generate_figures
from tongket.synth.insert import RowInsert
from tongket.units.lookup import lineage_predecessor_ids
from tongket.units.models import Level, Source, Unit

logger = logging.getLogger("tongket.synth")

MERGED_SCALE = 3.0  # a commune of today is about three former ones
ASSIGNED_BY_SUPERIOR = frozenset({"state_budget_revenue", "military_recruitment"})
UNITS_PER_CHUNK = 200

Progress = Callable[[str], None]
OnExisting = Literal["refuse", "skip"]


class SynthRefused(Exception):
    """The run cannot go ahead; the message is Vietnamese, for users."""


@dataclass(frozen=True)
class UnitRow:
    pk: int
    code: str
    parent_id: int | None
    scale: float


@dataclass(frozen=True)
class YearReport:
    year: int
    units: int  # units given figures
    skipped: int  # units left alone: they have figures of their own
    targets: int
    results: int
    deleted: int  # synthetic rows removed first (--replace)
    seconds: float
    existed: bool = False  # synthetic figures were there already and were kept

    @property
    def rows(self) -> int:
        return self.targets + self.results


def vn(number: int) -> str:
    """12345 → "12.345"."""
    return format_number(Decimal(number))


def province_scope(code: str) -> set[int]:
    """Ids of today's communes of province `code` and of the former communes that became
    them."""
    province = Unit.objects.current().filter(code=code, level=Level.PROVINCE).first()
    if province is None:
        raise SynthRefused(f"Không có tỉnh, thành phố hiện hành nào mang mã “{code}”.")
    current = set(
        Unit.objects.current()
        .filter(Q(parent=province) | Q(parent__parent=province), level=Level.COMMUNE)
        .values_list("pk", flat=True)
    )
    return current | lineage_predecessor_ids(current)


def units_on(day: dt.date, scope: set[int] | None) -> list[UnitRow]:
    units = Unit.objects.valid_on(day).filter(level=Level.COMMUNE, source=Source.GSO)
    if scope is not None:
        units = units.filter(pk__in=scope)
    return [
        UnitRow(pk, code, parent_id, MERGED_SCALE if valid_to is None else 1.0)
        for pk, code, parent_id, valid_to in units.order_by("pk").values_list(
            "pk", "code", "parent_id", "valid_to"
        )
    ]


def year_end_units(year: int, scope: set[int] | None) -> list[UnitRow]:
    return units_on(dt.date(year, 12, 31), scope)


def mid_year_units(year: int, scope: set[int] | None) -> list[UnitRow]:
    return units_on(dt.date(year, 6, 30), scope)


def has_synthetic(year: int, scope: set[int] | None) -> bool:
    for model in (Target, Result):
        rows = model.objects.filter(year=year, note=SYNTH_NOTE)
        if scope is not None:
            rows = rows.filter(unit_id__in=scope)
        if rows.exists():
            return True
    return False


def delete_synthetic(year: int, scope: set[int] | None) -> int:
    """Delete the synthetic targets and results of `year` (in `scope`); nothing else."""
    targets = Target.objects.filter(year=year, note=SYNTH_NOTE)
    results = Result.objects.filter(year=year, note=SYNTH_NOTE)
    if scope is not None:
        targets, results = targets.filter(unit_id__in=scope), results.filter(unit_id__in=scope)
    if Target.objects.filter(split_from__in=targets).exclude(note=SYNTH_NOTE).exists():
        raise SynthRefused(
            f"Có chỉ tiêu thật được phân bổ từ chỉ tiêu tổng hợp năm {year}; "
            "không thể xóa số liệu tổng hợp của năm này."
        )
    # Plain DELETEs: no row points at these (checked above), and the collector of
    # QuerySet.delete() would load every row first.
    return targets._raw_delete(connection.alias) + results._raw_delete(connection.alias)


def units_with_own_figures(year: int) -> set[int]:
    """Units that have figures of `year` not made here (real data, any state)."""
    own: set[int] = set()
    for model in (Target, Result):
        rows = model.objects.filter(year=year).exclude(note=SYNTH_NOTE)
        own.update(rows.values_list("unit_id", flat=True).distinct())
    return own


@dataclass(frozen=True)
class Catalogue:
    specs: tuple[IndicatorSpec, ...]
    ids: dict[str, int]


def catalogue_in_database() -> Catalogue:
    """The catalogue's indicators present in the database, in catalogue order."""
    ids = dict(Indicator.objects.filter(code__in=catalogue_specs()).values_list("code", "pk"))
    if not ids:
        raise SynthRefused(
            "Chưa có danh mục chỉ tiêu trong cơ sở dữ liệu: chạy “tongket setup” trước."
        )
    specs = tuple(spec for code, spec in catalogue_specs().items() if code in ids)
    return Catalogue(specs, ids)


TARGET_COLUMNS = ("unit", "indicator", "year", "amount", "basis", "assigned_by")
RESULT_COLUMNS = (
    "unit",
    "indicator",
    "year",
    "period_kind",
    "value",
    "numerator",
    "denominator",
    "is_estimate",
)
FIXED = {"state": State.ACCEPTED.value, "version": 1, "note": SYNTH_NOTE}

Row = tuple[Any, ...]
YEAR, HALF = PeriodKind.YEAR.value, PeriodKind.HALF.value


def unit_rows(
    unit: UnitRow, catalogue: Catalogue, year: int, seed: int, *, whole_year: bool, half: bool
) -> tuple[list[Row], list[Row]]:
    """Target and result rows (in TARGET_COLUMNS and RESULT_COLUMNS order) of one unit
    and year: targets and year results, and/or 6-month estimates."""
    targets: list[Row] = []
    results: list[Row] = []
    for spec in catalogue.specs:
        figures = generate_figures(unit.code, spec, year, seed, unit.scale)
        indicator = catalogue.ids[spec.code]
        if whole_year and figures.target is not None:
            assigned = spec.code in ASSIGNED_BY_SUPERIOR and unit.parent_id is not None
            basis = Basis.ASSIGNED.value if assigned else Basis.RESOLUTION.value
            by = unit.parent_id if assigned else None
            targets.append((unit.pk, indicator, year, figures.target, basis, by))
        if whole_year and (figure := figures.result) is not None:
            results.append((unit.pk, indicator, year, YEAR, figure.value, *parts(figure), False))
        if half and (figure := figures.half) is not None:
            results.append((unit.pk, indicator, year, HALF, figure.value, *parts(figure), True))
    return targets, results


def parts(figure: Figure) -> tuple[Decimal | None, Decimal | None]:
    return figure.numerator, figure.denominator


@dataclass(frozen=True)
class UnitPlan:
    unit: UnitRow
    whole_year: bool
    half: bool


def plan_year(
    year: int, latest: bool, scope: set[int] | None, exclude: frozenset[int] = frozenset()
) -> tuple[list[UnitPlan], int]:
    """What to write for each unit in `year`, and how many units are left alone (those
    with figures of their own, and `exclude`)."""
    own = units_with_own_figures(year) | exclude
    plans = {u.pk: UnitPlan(u, whole_year=True, half=False) for u in year_end_units(year, scope)}
    if latest:
        for unit in mid_year_units(year, scope):
            plans[unit.pk] = UnitPlan(unit, whole_year=unit.pk in plans, half=True)
    kept = [plan for pk, plan in sorted(plans.items()) if pk not in own]
    return kept, len(plans) - len(kept)


def chunks(plans: Sequence[UnitPlan], size: int) -> Iterator[Sequence[UnitPlan]]:
    for start in range(0, len(plans), size):
        yield plans[start : start + size]


def write_year(
    year: int,
    catalogue: Catalogue,
    *,
    seed: int,
    latest: bool,
    scope: set[int] | None,
    exclude: frozenset[int],
    replace: bool,
    progress: Progress,
) -> YearReport:
    """All of one year's synthetic rows, or none of them."""
    started = time.perf_counter()
    with transaction.atomic():
        deleted = delete_synthetic(year, scope) if replace else 0
        if deleted:
            progress(f"Năm {year}: đã xóa {vn(deleted)} dòng số liệu tổng hợp cũ.")
        plans, skipped = plan_year(year, latest, scope, exclude)
        note = f" (bỏ qua {vn(skipped)} đơn vị đã có số liệu thật)" if skipped else ""
        progress(f"Năm {year}: {vn(len(plans))} đơn vị cấp xã{note}…")
        target_insert = RowInsert(Target, TARGET_COLUMNS, FIXED)
        result_insert = RowInsert(Result, RESULT_COLUMNS, {**FIXED, "period_number": 0})
        targets = results = 0
        for number, chunk in enumerate(chunks(plans, UNITS_PER_CHUNK), start=1):
            chunk_targets: list[Row] = []
            chunk_results: list[Row] = []
            for plan in chunk:
                t, r = unit_rows(
                    plan.unit, catalogue, year, seed, whole_year=plan.whole_year, half=plan.half
                )
                chunk_targets += t
                chunk_results += r
            targets += target_insert.write(chunk_targets)
            results += result_insert.write(chunk_results)
            if number % 10 == 0:
                rate = (targets + results) / (time.perf_counter() - started)
                progress(f"  … {vn(targets + results)} dòng ({vn(round(rate))} dòng/giây)")
    seconds = time.perf_counter() - started
    return YearReport(year, len(plans), skipped, targets, results, deleted, seconds)


def synthesize(
    years: Sequence[int],
    *,
    province: str | None = None,
    seed: int = 0,
    replace: bool = False,
    exclude: frozenset[int] = frozenset(),
    on_existing: OnExisting = "refuse",
    progress: Progress = lambda _: None,
) -> list[YearReport]:
    """Synthetic targets and results for `years` (of one province's communes, or all;
    never of the units in `exclude`).

    Years that already hold synthetic figures are refused (nothing is written), kept
    (`on_existing="skip"`), or replaced (`replace=True`).
    """
    if not Unit.objects.filter(source=Source.GSO, level=Level.COMMUNE).exists():
        raise SynthRefused("Chưa nạp danh mục đơn vị: chạy “tongket setup” trước.")
    catalogue = catalogue_in_database()
    if connection.vendor == "sqlite":
        # SQLite's default page cache (2 MB) makes index updates of a national run read
        # and write the same pages over and over; 128 MB for this connection.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -131072")
    scope = province_scope(province) if province is not None else None
    existing = [] if replace else [y for y in years if has_synthetic(y, scope)]
    if existing and on_existing == "refuse":
        listed = ", ".join(str(y) for y in existing)
        raise SynthRefused(
            f"Đã có số liệu tổng hợp của năm {listed}"
            f"{f' (tỉnh mã {province})' if province else ''}; "
            "chạy lại với --replace để xóa và tạo lại."
        )
    reports = []
    for year in sorted(years):
        if year in existing:
            progress(f"Năm {year}: đã có số liệu tổng hợp, giữ nguyên.")
            reports.append(YearReport(year, 0, 0, 0, 0, 0, 0.0, existed=True))
            continue
        reports.append(
            write_year(
                year,
                catalogue,
                seed=seed,
                latest=year == max(years),
                scope=scope,
                exclude=exclude,
                replace=replace,
                progress=progress,
            )
        )
    written = [r for r in reports if not r.existed]
    if not written:
        return reports
    logger.warning(
        "synthetic data written (tongket synth): years=%s province=%s seed=%s "
        "targets=%d results=%d deleted=%d",
        ",".join(str(r.year) for r in written),
        province or "all",
        seed,
        sum(r.targets for r in written),
        sum(r.results for r in written),
        sum(r.deleted for r in written),
    )
    return reports
