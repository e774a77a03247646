"""Party work of a unit: ratings of chi bộ and members under the rules of the year,
membership counts, admissions, and the figures they give the scorecard."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from tongket.cycle.ratings import (
    GradeCounts,
    RatingError,
    RatingRules,
    check_period_kind,
    grade_abbreviation,
    grade_choices,
    grade_label,
    party_summary_sentence,
    rules_for_year,
)
from tongket.party.models import Admission, MemberCount, Rating, Subject, Tally
from tongket.party.services import (
    add_admission,
    feed_scorecard,
    period_kind,
    record_member_count,
    save_ratings,
    year_tally,
)
from tongket.periods import Period, PeriodError, PeriodKind
from tongket.scorecard.numbers import format_number
from tongket.units.models import Unit
from tongket.web import party_forms as pf
from tongket.web.access import acting_user, permissions, unit_for
from tongket.web.presenters import format_figure

ACCEPTED = "accepted"
NOUNS = {Subject.ORGANISATION: "chi bộ", Subject.MEMBER: "đảng viên"}


def rating_period(period: str) -> Period:
    """A year or a quarter; other periods are not rating periods (404)."""
    try:
        parsed = Period.parse(period)
    except PeriodError as error:
        raise Http404(str(error)) from error
    if parsed.kind not in (PeriodKind.YEAR, PeriodKind.QUARTER):
        raise Http404("Chỉ xếp loại theo năm hoặc theo quý.")
    return parsed


def tally_sentence(tally: Tally | None, subject: str) -> str:
    if tally is None:
        return ""
    counts = GradeCounts(tally.excellent, tally.good, tally.done, tally.failed)
    return party_summary_sentence(counts, NOUNS[Subject(subject)])


def party_scorecard_line(unit: Unit, year: int) -> str:
    """The scorecard's line on chi bộ ratings ("13/13 chi bộ …"); "" without a tally."""
    return tally_sentence(year_tally(unit, year, Subject.ORGANISATION), Subject.ORGANISATION)


@dataclass(frozen=True)
class RatedRow:
    name: str
    label: str
    abbreviation: str
    score: str


@dataclass
class SubjectBlock:
    """One subject's tally, ratings and grid (as typed after a refused save)."""

    subject: str
    label: str
    sentence: str
    rated: list[RatedRow]
    grid: list[pf.GridRow]
    errors: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or any(row.errors for row in self.grid)


def rated_row(rating: Rating) -> RatedRow:
    score = "" if rating.score is None else format_number(Decimal(rating.score))
    return RatedRow(rating.name, grade_label(rating.grade), grade_abbreviation(rating.grade), score)


def subject_blocks(
    unit: Unit, period: Period, typed: tuple[str, list[pf.GridRow], list[str]] | None
) -> list[SubjectBlock]:
    tallies = {
        t.subject: t for t in Tally.objects.filter(unit=unit, period=period.slug, state=ACCEPTED)
    }
    ratings = list(Rating.objects.filter(unit=unit, period=period.slug).order_by("name"))
    blocks = []
    for subject in Subject:
        mine = [r for r in ratings if r.subject == subject]
        block = SubjectBlock(
            subject.value,
            subject.label,
            tally_sentence(tallies.get(subject), subject),
            [rated_row(r) for r in mine],
            pf.rows_of(mine),
        )
        if typed is not None and typed[0] == subject:
            block.grid, block.errors = typed[1], typed[2]
        block.grid = pf.with_blank_rows(block.grid)
        blocks.append(block)
    return blocks


def rules_facts(period: Period) -> tuple[RatingRules | None, str]:
    """The rules of the period's year and, when they refuse the period, why."""
    try:
        rules = rules_for_year(period.year)
    except RatingError as error:
        return None, str(error)
    try:
        check_period_kind(rules, period_kind(period))
    except RatingError as error:
        return rules, str(error)
    return rules, ""


def party_page(
    request: HttpRequest,
    unit: Unit,
    period: Period,
    *,
    typed: tuple[str, list[pf.GridRow], list[str]] | None = None,
    count_form: pf.MemberCountForm | None = None,
    admission_form: pf.AdmissionForm | None = None,
) -> HttpResponse:
    rules, refusal = rules_facts(period)
    year = period.year
    context = {
        "unit": unit,
        "period": period,
        "year_period": Period(year),
        "quarters": [Period(year, PeriodKind.QUARTER, n) for n in range(1, 5)],
        "rules": rules,
        "refusal": refusal,
        "blocks": subject_blocks(unit, period, typed),
        "grades": grade_choices(),
        "counts": MemberCount.objects.filter(unit=unit, counted_on__year=year, state=ACCEPTED),
        "admissions": Admission.objects.filter(unit=unit, admitted_on__year=year),
        "count_form": count_form or pf.MemberCountForm(),
        "admission_form": admission_form or pf.AdmissionForm(),
        **permissions(request, unit),
    }
    return render(request, "web/review/party.html", context)


def party(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    unit = unit_for(request, unit_id)
    return party_page(request, unit, rating_period(period))


def back_to(unit: Unit, period: Period) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("web:party", args=[unit.pk, period.slug]))


@require_POST
def party_ratings(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    """Replace the ratings of one subject by the grid, all or nothing."""
    unit = unit_for(request, unit_id, "enter")
    wanted = rating_period(period)
    subject = request.POST.get("subject", "")
    if subject not in Subject.values:
        messages.error(request, "Chưa chọn xếp loại tổ chức đảng hay đảng viên.")
        return party_page(request, unit, wanted)
    rows = pf.grid_rows(request.POST)
    known = {
        r.name.lower(): r
        for r in Rating.objects.filter(unit=unit, period=wanted.slug, subject=subject)
    }
    entries = pf.rating_entries(rows, known)
    general: list[str] = []
    if not rows:
        general = ["Chưa có dòng xếp loại nào."]
    elif entries:
        try:
            tally = save_ratings(unit, wanted, subject, entries, acting_user(request))
        except ValidationError as error:
            general = pf.spread_row_errors(rows, list(error.messages))
        else:
            sentence = tally_sentence(tally, subject)
            messages.success(request, f"Đã lưu xếp loại {wanted.label.lower()}: {sentence}.")
            return back_to(unit, wanted)
    return party_page(request, unit, wanted, typed=(subject, rows, general))


@require_POST
def party_counts(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    unit = unit_for(request, unit_id, "enter")
    wanted = rating_period(period)
    form = pf.MemberCountForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            count = record_member_count(
                unit,
                data["counted_on"],
                data["official"],
                data["probationary"],
                acting_user(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, f"Đã ghi {count.total} đảng viên tính đến {count.counted_on:%d/%m/%Y}."
            )
            return back_to(unit, wanted)
    return party_page(request, unit, wanted, count_form=form)


@require_POST
def party_admission(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    unit = unit_for(request, unit_id, "enter")
    wanted = rating_period(period)
    form = pf.AdmissionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            admitted = add_admission(
                unit, data["name"], data["admitted_on"], data["cell"], acting_user(request)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Đã ghi kết nạp đảng viên {admitted.name}.")
            return back_to(unit, wanted)
    return party_page(request, unit, wanted, admission_form=form)


@require_POST
def party_feed(request: HttpRequest, unit_id: int, period: str) -> HttpResponse:
    """Write the year's Party figures into the scorecard, then show it."""
    unit = unit_for(request, unit_id, "enter")
    year = rating_period(period).year
    try:
        saved = feed_scorecard(unit, year, acting_user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return back_to(unit, Period(year))
    if not saved:
        messages.warning(request, f"Chưa có số liệu đảng nào của năm {year} để ghi.")
        return back_to(unit, Period(year))
    written = "; ".join(f"{r.indicator.name}: {format_figure(r.value, r.indicator)}" for r in saved)
    messages.success(request, f"Đã ghi vào bảng kết quả năm {year}: {written}.")
    return HttpResponseRedirect(reverse("web:scorecard", args=[unit.pk, str(year)]))


urlpatterns = [
    path("don-vi/<int:unit_id>/dang/<str:period>/", party, name="party"),
    path("don-vi/<int:unit_id>/dang/<str:period>/xep-loai/", party_ratings, name="party_ratings"),
    path("don-vi/<int:unit_id>/dang/<str:period>/so-luong/", party_counts, name="party_counts"),
    path(
        "don-vi/<int:unit_id>/dang/<str:period>/ket-nap/", party_admission, name="party_admission"
    ),
    path(
        "don-vi/<int:unit_id>/dang/<str:period>/cap-nhat-bang-ket-qua/",
        party_feed,
        name="party_feed",
    ),
]
