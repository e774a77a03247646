"""Rating Party organisations and members under the rules of the year, and feeding the
scorecard with the counts ("13/13 chi bộ hoàn thành tốt nhiệm vụ trở lên").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from tongket.cycle.ratings import (
    GradeCounts,
    RatingError,
    check_excellent_share,
    check_rating,
    count_grades,
    rules_for_year,
)
from tongket.indicators.models import Indicator
from tongket.party.models import Admission, MemberCount, Rating, Subject, Tally
from tongket.people.models import Person
from tongket.periods import Period, PeriodKind
from tongket.results.models import Result
from tongket.results.services import ResultInput, recorded_user, save_result
from tongket.units.models import Unit

FED_NOTE = "Tính từ đánh giá, xếp loại đảng"


@dataclass(frozen=True)
class RatingInput:
    name: str
    grade: str
    score: Decimal | None = None
    subject_unit: Unit | None = None
    person: Person | None = None
    note: str = ""


def period_kind(period: Period) -> str:
    """The rules' word for a period: "year" or "quarter" (others are not rating periods)."""
    return {PeriodKind.YEAR: "year", PeriodKind.QUARTER: "quarter"}.get(period.kind, period.kind)


def rules_of(period: Period) -> str:
    try:
        return rules_for_year(period.year).code
    except RatingError as error:
        raise ValidationError(str(error)) from error


def check_entries(period: Period, entries: Sequence[RatingInput]) -> None:
    """Every entry on the scale of the year's rules, names unique, the HTXSNV share kept."""
    try:
        rules = rules_for_year(period.year)
    except RatingError as error:
        raise ValidationError(str(error)) from error
    errors: list[str] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        name = " ".join(entry.name.split())
        if not name:
            errors.append(f"Dòng {number}: chưa có tên.")
        elif name.lower() in seen:
            errors.append(f"Dòng {number}: {name} được xếp loại hai lần.")
        seen.add(name.lower())
        try:
            check_rating(rules, entry.grade, entry.score, period_kind(period))
        except RatingError as error:
            errors.append(f"Dòng {number} ({name}): {error}")
    if not errors:
        try:
            check_excellent_share(rules, [entry.grade for entry in entries])
        except RatingError as error:
            errors.append(str(error))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_ratings(
    unit: Unit,
    period: Period,
    subject: str,
    entries: Sequence[RatingInput],
    user: User | None = None,
) -> Tally:
    """Replace the ratings of (unit, period, subject) by `entries`, all or none."""
    check_entries(period, entries)
    rules = rules_of(period)
    Rating.objects.filter(unit=unit, period=period.slug, subject=subject).delete()
    entered_by = recorded_user(user)
    Rating.objects.bulk_create(
        Rating(
            unit=unit,
            period=period.slug,
            year=period.year,
            subject=subject,
            name=" ".join(e.name.split()),
            subject_unit=e.subject_unit,
            person=e.person,
            grade=e.grade,
            score=e.score,
            rules=rules,
            note=e.note,
            entered_by=entered_by,
        )
        for e in entries
    )
    counts = count_grades([entry.grade for entry in entries])
    return store_tally(unit, period, subject, counts, user, computed=True)


def check_tally(period: Period, counts: GradeCounts) -> None:
    grades = (
        ["htxsnv"] * counts.excellent
        + ["httnv"] * counts.good
        + ["htnv"] * counts.done
        + ["khtnv"] * counts.failed
    )
    try:
        check_excellent_share(rules_for_year(period.year), grades)
    except RatingError as error:
        raise ValidationError(str(error)) from error


def tally_counts(total: int, excellent: int, good: int, done: int, failed: int) -> GradeCounts:
    """Counts as entered or read ("13/13 chi bộ HTTNV, trong đó 02 HTXSNV"), checked to add up."""
    if min(total, excellent, good, done, failed) < 0:
        raise ValidationError("Số lượng không được âm.")
    if excellent + good + done + failed != total:
        raise ValidationError(
            f"Tổng số ({total}) không bằng tổng các mức xếp loại "
            f"({excellent} + {good} + {done} + {failed})."
        )
    return GradeCounts(excellent=excellent, good=good, done=done, failed=failed)


@transaction.atomic
def store_tally(
    unit: Unit,
    period: Period,
    subject: str,
    counts: GradeCounts,
    user: User | None = None,
    *,
    computed: bool = False,
    **provenance: object,
) -> Tally:
    """The accepted tally of (unit, period, subject), created or replaced."""
    rules_of(period)
    check_tally(period, counts)
    fields = {
        "total": counts.total,
        "excellent": counts.excellent,
        "good": counts.good,
        "done": counts.done,
        "failed": counts.failed,
        "computed": computed,
        "year": period.year,
        **provenance,
    }
    tally = Tally.objects.filter(
        unit=unit, period=period.slug, subject=subject, state="accepted"
    ).first()
    if tally is None:
        entered_by = recorded_user(user)
        return Tally.objects.create(
            unit=unit, period=period.slug, subject=subject, entered_by=entered_by, **fields
        )
    for key, value in fields.items():
        setattr(tally, key, value)
    tally.version += 1
    tally.save()
    return tally


def record_member_count(
    unit: Unit,
    counted_on: dt.date,
    official: int,
    probationary: int,
    user: User | None = None,
    **provenance: object,
) -> MemberCount:
    if official < 0 or probationary < 0:
        raise ValidationError("Số đảng viên không được âm.")
    entered_by = recorded_user(user)
    count, _ = MemberCount.objects.update_or_create(
        unit=unit,
        counted_on=counted_on,
        state="accepted",
        defaults={
            "official": official,
            "probationary": probationary,
            "entered_by": entered_by,
            **provenance,
        },
    )
    return count


def add_admission(
    unit: Unit, name: str, admitted_on: dt.date, cell: str = "", user: User | None = None
) -> Admission:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("Họ và tên đảng viên mới không được để trống.")
    if admitted_on > dt.date.today():
        raise ValidationError("Ngày kết nạp không được sau hôm nay.")
    entered_by = recorded_user(user)
    return Admission.objects.create(
        unit=unit, name=cleaned, admitted_on=admitted_on, cell=cell.strip(), entered_by=entered_by
    )


def year_tally(unit: Unit, year: int, subject: str) -> Tally | None:
    return Tally.objects.filter(
        unit=unit, period=str(year), subject=subject, state="accepted"
    ).first()


def year_member_count(unit: Unit, year: int) -> MemberCount | None:
    """The last count of `year`."""
    return (
        MemberCount.objects.filter(unit=unit, counted_on__year=year, state="accepted")
        .order_by("-counted_on")
        .first()
    )


def percent(part: int, whole: int) -> Decimal:
    return (Decimal(100) * part / whole).quantize(Decimal("0.01")) if whole else Decimal(0)


def scorecard_figures(unit: Unit, year: int) -> dict[str, Decimal]:
    """Indicator code → value, from the year's tallies, last member count and admissions."""
    figures: dict[str, Decimal] = {}
    cells = year_tally(unit, year, Subject.ORGANISATION)
    if cells is not None and cells.total:
        figures["party_cells_good"] = Decimal(cells.good_or_better)
        figures["party_cells_excellent"] = Decimal(cells.excellent)
        figures["party_org_good_rate"] = percent(cells.good_or_better, cells.total)
    members = year_tally(unit, year, Subject.MEMBER)
    if members is not None and members.total:
        figures["party_members_good_rate"] = percent(members.good_or_better, members.total)
    count = year_member_count(unit, year)
    if count is not None:
        figures["party_members_total"] = Decimal(count.total)
        figures["party_members_official"] = Decimal(count.official)
        figures["party_members_probationary"] = Decimal(count.probationary)
    admitted = Admission.objects.filter(unit=unit, admitted_on__year=year).count()
    if admitted:
        figures["new_party_members"] = Decimal(admitted)
    return figures


@transaction.atomic
def feed_scorecard(unit: Unit, year: int, user: User | None = None) -> list[Result]:
    """Write the Party figures of `year` as results of the year (through `save_result`:
    validated, lock-checked and revisioned). Indicators missing from the catalogue are skipped.
    """
    figures = scorecard_figures(unit, year)
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=figures)}
    saved: list[Result] = []
    for code, value in figures.items():
        if code in indicators:
            data = ResultInput(unit, indicators[code], Period(year), value=value, note=FED_NOTE)
            saved.append(save_result(data, user, reason=FED_NOTE))
    return saved
