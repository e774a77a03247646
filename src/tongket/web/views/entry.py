"""Page 2 "Nhập liệu": a unit's targets and results as one editable grid.

A POST saves every changed row in one transaction: any malformed number, refused value,
locked period or concurrent change (a stale version) refuses the whole save, and the grid
comes back with the messages beside the cells and the typed values kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, SuspiciousOperation, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path

from tongket.indicators.models import Indicator
from tongket.periods import Period, PeriodError
from tongket.results import locks
from tongket.results.models import (
    Basis,
    LockEvent,
    PeriodLock,
    Result,
    Revision,
    State,
    Target,
)
from tongket.results.scorecards import build_scorecard
from tongket.results.services import (
    ConflictError,
    ResultInput,
    TargetInput,
    check_version,
    remove_accepted,
    save_result,
    save_target,
    seen_snapshot,
    snapshot,
)
from tongket.units.models import Level, Unit
from tongket.web import entry_forms as forms
from tongket.web.access import REFUSALS, acting_user, request_scope, unit_for
from tongket.web.entry_grid import ConflictNote, GridContext, build_groups
from tongket.web.views.pages import period_options

RESULTS_REFUSAL = "Cấp trên chỉ giao chỉ tiêu; không được sửa kết quả của đơn vị cấp dưới."
TARGET, RESULT = "target", "result"


@dataclass(frozen=True)
class Rights:
    targets: bool  # office, leader, admin; or a superior assigning targets
    results: bool  # office, leader, admin
    lock: bool
    assigner: Unit | None  # a superior's unit: the targets it saves are assigned by it


def rights_of(request: HttpRequest, unit: Unit) -> Rights:
    scope = request_scope(request)
    enter, assign = scope.can_enter(unit), scope.can_assign(unit)
    assigner = scope.superior_unit_over(unit) if assign and not enter else None
    return Rights(enter or assign, enter, scope.can_lock(unit), assigner)


@dataclass(frozen=True)
class Sheet:
    """What the database holds for the grid: one query each, whatever the number of rows."""

    unit: Unit
    period: Period
    indicators: list[Indicator]
    targets: dict[int, Target]
    results: dict[int, Result]
    locks: dict[str, PeriodLock]  # by period slug: the year's and the results' period's

    @property
    def year(self) -> Period:
        return Period(self.period.year)

    @property
    def year_lock(self) -> PeriodLock | None:
        return self.locks.get(self.year.slug)

    @property
    def period_lock(self) -> PeriodLock | None:
        """The lock covering the results' period: its own or the year's."""
        return self.locks.get(self.period.slug) or self.year_lock

    def existed(self, period: Period) -> bool:
        unit = self.unit
        return unit.level == Level.SUBUNIT or unit.was_valid_during(period.start, period.end)

    def current(self, kind: str, indicator: Indicator) -> Target | Result | None:
        records = self.targets if kind == TARGET else self.results
        return records.get(indicator.pk)


def load_sheet(unit: Unit, period: Period) -> Sheet:
    indicators = list(
        Indicator.objects.select_related("group").order_by(
            "group__order", "group__name", "order", "code"
        )
    )
    targets = Target.objects.filter(unit=unit, year=period.year, state=State.ACCEPTED)
    results = Result.objects.filter(
        unit=unit,
        year=period.year,
        period_kind=period.kind.value,
        period_number=period.number,
        state=State.ACCEPTED,
    )
    held = PeriodLock.objects.filter(unit=unit, period__in=locks.covering_slugs(period))
    return Sheet(
        unit=unit,
        period=period,
        indicators=indicators,
        targets={t.indicator_id: t for t in targets.select_related("assigned_by")},
        results={r.indicator_id: r for r in results},
        locks={lock.period: lock for lock in held.select_related("locked_by")},
    )


def chosen_period(request: HttpRequest, year: int) -> Period:
    """The results' period: `?ky=<slug>` within `year`, the whole year by default."""
    try:
        period = Period.parse(request.GET.get("ky") or str(year))
    except PeriodError as error:
        raise Http404(str(error)) from error
    if period.year != year:
        raise Http404("Kỳ không thuộc năm đang nhập.")
    return period


def entry(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    unit = unit_for(request, unit_id, "view")
    sheet = load_sheet(unit, chosen_period(request, year))
    rights = rights_of(request, unit)
    if request.method == "POST":
        return save_grid(request, sheet, rights)
    return render_grid(request, sheet, rights)


def grid_context(sheet: Sheet, rights: Rights) -> GridContext:
    return GridContext(
        indicators=sheet.indicators,
        targets=sheet.targets,
        results=sheet.results,
        targets_open=rights.targets and sheet.year_lock is None and sheet.existed(sheet.year),
        results_open=rights.results and sheet.period_lock is None and sheet.existed(sheet.period),
    )


def render_grid(
    request: HttpRequest,
    sheet: Sheet,
    rights: Rights,
    posts: dict[int, forms.RowPost] | None = None,
    conflicts: list[ConflictNote] | None = None,
    notice: str = "",
    status: int = 200,
) -> HttpResponse:
    unit, period = sheet.unit, sheet.period
    card = build_scorecard(unit, period)
    grid = grid_context(sheet, rights)
    groups = build_groups(grid, card, posts or {}, conflicts or [])
    lockable = [sheet.year] if period == sheet.year else [sheet.year, period]
    events = LockEvent.objects.filter(unit=unit, period__startswith=str(period.year))
    context = {
        "unit": unit,
        "period": period,
        "year": sheet.year,
        "periods": period_options(period.year),
        "years": [str(y) for y in range(period.year + 1, period.year - 4, -1)],
        "groups": groups,
        "card": card,
        "grid": grid,
        "rights": rights,
        "existed": sheet.existed(period),
        "lock_states": [(p, sheet.locks.get(p.slug)) for p in lockable],
        "lock_events": [
            (event, Period.parse(event.period).label) for event in events.select_related("user")
        ],
        "notice": notice,
        "conflicts": conflicts or [],
    }
    return render(request, "web/entry.html", context, status=status)


def save_grid(request: HttpRequest, sheet: Sheet, rights: Rights) -> HttpResponse:
    if not rights.targets:
        raise PermissionDenied(REFUSALS["enter"])
    if not rights.results and any(
        forms.has_result_fields(request.POST, ind) for ind in sheet.indicators
    ):
        raise PermissionDenied(RESULTS_REFUSAL)
    posts = {ind.pk: forms.read_row(request.POST, ind) for ind in sheet.indicators}
    refusal = lock_refusal(sheet, posts.values())
    if refusal:
        return render_grid(request, sheet, rights, notice=refusal, status=409)
    changes, conflicts = plan_changes(sheet, posts.values())
    user = acting_user(request)
    refused = bool(conflicts) or any(p.errors for p in posts.values())
    saved, late_conflicts = apply_changes(sheet, rights, changes, user, refused)
    conflicts += late_conflicts
    if conflicts:
        notice = (
            "Số liệu đã bị người khác thay đổi; chưa lưu gì. Hãy xem lại các dòng được đánh dấu."
        )
        return render_grid(request, sheet, rights, posts, conflicts, notice, status=409)
    if any(p.errors for p in posts.values()):
        notice = "Có ô chưa hợp lệ; chưa lưu thay đổi nào. Hãy sửa các ô được đánh dấu."
        return render_grid(request, sheet, rights, posts, notice=notice)
    if saved:
        messages.success(request, f"Đã lưu {saved} thay đổi.")
    else:
        messages.info(request, "Không có thay đổi nào để lưu.")
    return HttpResponseRedirect(request.get_full_path())


def lock_refusal(sheet: Sheet, posts: Iterable[forms.RowPost]) -> str:
    """The lock message when the submission touches a locked period, else ""."""
    rows = list(posts)
    touched = []
    if sheet.year_lock is not None and any(row.has_target for row in rows):
        touched.append(sheet.year)
    if sheet.period_lock is not None and any(row.has_result for row in rows):
        touched.append(sheet.period)
    for period in touched:
        try:
            locks.check_open(sheet.unit, period)
        except ValidationError as error:
            return " ".join(error.messages)
    return ""


@dataclass(frozen=True)
class Change:
    row: forms.RowPost
    kind: str
    current: Target | Result | None
    remove: bool
    expected_version: int


def posted_cells(row: forms.RowPost, kind: str) -> forms.TargetCells | forms.ResultCells | None:
    return row.target if kind == TARGET else row.result


def cells_of(kind: str, record: Target | Result | None) -> forms.TargetCells | forms.ResultCells:
    if kind == TARGET:
        return forms.target_cells(record if isinstance(record, Target) else None)
    return forms.result_cells(record if isinstance(record, Result) else None)


def plan_changes(
    sheet: Sheet, rows: Iterable[forms.RowPost]
) -> tuple[list[Change], list[ConflictNote]]:
    """The sections the user changed, and those someone else changed since the render."""
    changes: list[Change] = []
    conflicts: list[ConflictNote] = []
    for row in rows:
        if row.errors:
            continue  # nothing will be saved; its messages are enough for this row
        for kind in (TARGET, RESULT):
            cells = posted_cells(row, kind)
            if cells is None:
                continue
            token = row.target_token if kind == TARGET else row.result_token
            current = sheet.current(kind, row.indicator)
            seen = seen_cells(sheet, kind, token, current)
            if seen is not None and cells == seen:
                continue  # untouched by this user
            if token == forms.record_token(current):
                stored = cells_of(kind, current)
                remove = current is not None and cells.is_empty and not stored.is_empty
                version = token.version if token is not None else 0
                changes.append(Change(row, kind, current, remove, version))
            else:
                error = stale_conflict(sheet, kind, token, current)
                conflicts.append(conflict_note(row, kind, error))
    return changes, conflicts


def record_model(kind: str) -> type[Target] | type[Result]:
    return Target if kind == TARGET else Result


def old_record(sheet: Sheet, kind: str, token: forms.Token) -> Target | Result:
    record = record_model(kind).objects.filter(pk=token.pk, unit=sheet.unit).first()
    if record is None:
        raise SuspiciousOperation(f"unknown {kind} {token.pk} of unit {sheet.unit.pk}")
    return record


def seen_cells(
    sheet: Sheet, kind: str, token: forms.Token | None, current: Target | Result | None
) -> forms.TargetCells | forms.ResultCells | None:
    """The cells as the user saw them when the grid was rendered; None when unknown."""
    if token == forms.record_token(current):
        return cells_of(kind, current)
    if token is None:
        return cells_of(kind, None)
    seen = seen_snapshot(old_record(sheet, kind, token), token.version)
    if not seen:
        return None
    return forms.target_cells_from(seen) if kind == TARGET else forms.result_cells_from(seen)


def stale_conflict(
    sheet: Sheet, kind: str, token: forms.Token | None, current: Target | Result | None
) -> ConflictError:
    """What changed between the version the user saw and the slot's record now."""
    if current is not None and token is not None and token.pk == current.pk:
        try:
            check_version(current, token.version)
        except ConflictError as error:
            return error
    old = old_record(sheet, kind, token) if token is not None else None
    before = seen_snapshot(old, token.version) if old is not None and token is not None else {}
    if token is not None and not before:
        before = {"state": State.ACCEPTED}
    after = snapshot(current) if current is not None else {"state": State.REJECTED}
    changes = {
        key: (before.get(key), after.get(key))
        for key in {*before, *after}
        if before.get(key) != after.get(key)
    }
    record = current if current is not None else old
    assert record is not None  # a token or a current record differs from the other
    return ConflictError(record, changes)


def conflict_note(row: forms.RowPost, kind: str, error: ConflictError) -> ConflictNote:
    record = error.record
    revision = (
        Revision.objects.filter(record_type=kind, record_id=record.pk)
        .select_related("user")
        .first()
    )
    return ConflictNote(
        indicator_id=row.indicator.pk,
        kind=kind,
        author=forms.describe_author(revision),
        lines=tuple(forms.describe_changes(error.changes, row.indicator)),
        typed=row.texts,
    )


class Rollback(Exception):
    """Undo every write of a submission that is refused."""


def apply_changes(
    sheet: Sheet, rights: Rights, changes: list[Change], user: User | None, refused: bool
) -> tuple[int, list[ConflictNote]]:
    """Write every change or none; refused ones add messages to their rows.

    The changes are tried even when the submission is already `refused`, so that every
    problem is reported at once; nothing is kept.
    """
    conflicts: list[ConflictNote] = []
    saved = 0
    try:
        with transaction.atomic():
            for change in changes:
                try:
                    write_change(sheet, rights, change, user)
                    saved += 1
                except ValidationError as error:
                    add_service_errors(change, error)
                except ConflictError as error:
                    conflicts.append(conflict_note(change.row, change.kind, error))
            if refused or conflicts or any(change.row.errors for change in changes):
                raise Rollback
    except Rollback:
        return 0, conflicts
    return saved, conflicts


def write_change(sheet: Sheet, rights: Rights, change: Change, user: User | None) -> None:
    row, current, version = change.row, change.current, change.expected_version
    reason = row.reason
    if change.remove and current is not None:
        remove_accepted(current, user, expected_version=version, reason=reason)
    elif change.kind == TARGET:
        assert row.target is not None
        if current is None and row.target.is_empty:
            raise ValidationError({"amount": "Cần nhập mức chỉ tiêu hoặc đánh dấu duy trì."})
        target = target_input(sheet, rights, row.indicator, row.target, current)
        save_target(target, user, expected_version=version, reason=reason)
    else:
        assert row.result is not None
        result = result_input(sheet, row.indicator, row.result, current)
        save_result(result, user, expected_version=version, reason=reason)


def target_input(
    sheet: Sheet,
    rights: Rights,
    indicator: Indicator,
    cells: forms.TargetCells,
    current: Target | Result | None,
) -> TargetInput:
    """The target to save; what the grid does not show (note, basis, spans) is kept."""
    old = current if isinstance(current, Target) else None
    basis = old.basis if old is not None else Basis.RESOLUTION
    assigned_by = old.assigned_by if old is not None else None
    if rights.assigner is not None:
        basis, assigned_by = Basis.ASSIGNED, rights.assigner
    return TargetInput(
        unit=sheet.unit,
        indicator=indicator,
        year=sheet.period.year,
        amount=cells.amount,
        comparator=cells.comparator,
        maintain=cells.maintain,
        basis=basis,
        assigned_by=assigned_by,
        note=old.note if old is not None else "",
        spans=old.spans if old is not None else (),
    )


def result_input(
    sheet: Sheet, indicator: Indicator, cells: forms.ResultCells, current: Target | Result | None
) -> ResultInput:
    """The result to save; numerator, denominator and source spans are kept."""
    old = current if isinstance(current, Result) else None
    return ResultInput(
        unit=sheet.unit,
        indicator=indicator,
        period=sheet.period,
        value=cells.value,
        percent_of_plan=cells.percent,
        is_estimate=cells.estimate,
        assessed=cells.assessed,
        numerator=old.numerator if old is not None else None,
        denominator=old.denominator if old is not None else None,
        note=cells.note,
        spans=old.spans if old is not None else (),
    )


SERVICE_FIELDS = {
    TARGET: {"amount": "amount", "comparator": "comparator"},
    RESULT: {"value": "value", "percent_of_plan": "percent", "assessed": "assessed"},
}
SECTION_WORDS = {TARGET: "Kế hoạch", RESULT: "Kết quả"}


def add_service_errors(change: Change, error: ValidationError) -> None:
    """Put a service's messages beside their cells, or on the row with the section named."""
    cells = SERVICE_FIELDS[change.kind]
    for key, texts in error.message_dict.items():
        if key in cells:
            change.row.errors.setdefault(cells[key], []).extend(texts)
        else:
            row_texts = [f"{SECTION_WORDS[change.kind]}: {text}" for text in texts]
            change.row.errors.setdefault(change.kind, []).extend(row_texts)


urlpatterns = [
    path("don-vi/<int:unit_id>/nhap-lieu/<int:year>/", entry, name="entry"),
]
