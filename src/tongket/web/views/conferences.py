"""Conferences of a unit (hội nghị tổng kết, sơ kết, kỳ họp, buổi làm việc) and the people
who attended them across the years."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, path, reverse

from tongket.cycle.conferences import conference_kind_label, time_of_day_label
from tongket.people.models import Person, Position
from tongket.periods import Period, PeriodError
from tongket.review.models import Attendance, Conference
from tongket.review.services import chairs, save_conference, unit_family
from tongket.units.models import Unit
from tongket.web import conference_form as cf
from tongket.web.access import Need, acting_user, permissions, request_scope, unit_for

ACCEPTED = "accepted"


def when_text(conference: Conference) -> str:
    """ "Sáng ngày 13/12/2023, 7 giờ 30" — the day with its time when known."""
    day = f"ngày {conference.held_on:%d/%m/%Y}"
    text = (
        f"{time_of_day_label(conference.time_of_day)} {day}"
        if conference.time_of_day
        else day.capitalize()
    )
    if conference.starts_at is not None:
        text += f", {conference.starts_at.hour} giờ {conference.starts_at.minute:02d}"
    return text


def reviewed_period(conference: Conference) -> Period | None:
    try:
        return Period.parse(conference.period) if conference.period else None
    except PeriodError:
        return None


def conference_for(request: HttpRequest, pk: int, need: Need = "view") -> Conference:
    """The accepted conference `pk` when its unit is in the user's scope (404 otherwise)."""
    conference = get_object_or_404(Conference, pk=pk, state=ACCEPTED)
    unit_for(request, conference.unit_id, need)
    return conference


def conferences(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = unit_for(request, unit_id)
    found = (
        Conference.objects.filter(unit_id__in=unit_family(unit), state=ACCEPTED)
        .select_related("unit")
        .order_by("-held_on", "-pk")
    )
    rows = [(c, conference_kind_label(c.kind), when_text(c)) for c in found]
    context = {"unit": unit, "rows": rows, **permissions(request, unit)}
    return render(request, "web/review/conferences.html", context)


def recommendations_link(unit_id: int) -> str | None:
    try:
        return reverse("web:recommendations_out", args=[unit_id])
    except NoReverseMatch:
        return None


def conference_detail(request: HttpRequest, pk: int) -> HttpResponse:
    conference = conference_for(request, pk)
    unit = conference.unit
    attendances = list(conference.attendances.select_related("person"))
    context = {
        "unit": unit,
        "conference": conference,
        "kind_label": conference_kind_label(conference.kind),
        "when": when_text(conference),
        "period": reviewed_period(conference),
        "chairs": chairs(conference),
        "attendances": attendances,
        "attachments": conference.attachments.select_related("document"),
        "commendations": conference.commendations.filter(state=ACCEPTED),
        "directions": conference.directions.filter(state=ACCEPTED).prefetch_related(
            "targets__indicator"
        ),
        "recommendation_count": conference.recommendations.filter(state=ACCEPTED).count(),
        "recommendations_url": recommendations_link(unit.pk),
        **permissions(request, unit),
    }
    return render(request, "web/review/conference.html", context)


def conference_new(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = unit_for(request, unit_id, "enter")
    return conference_editor(request, unit, None)


def conference_edit(request: HttpRequest, pk: int) -> HttpResponse:
    conference = conference_for(request, pk, "enter")
    return conference_editor(request, conference.unit, conference)


def conference_editor(
    request: HttpRequest, unit: Unit, conference: Conference | None
) -> HttpResponse:
    """Show the form (GET) or save it (POST): all or nothing, errors beside the fields."""
    available = cf.unit_documents(unit)
    others: dict[str, list[str]] = {}
    if request.method == "POST":
        form = cf.ConferenceForm(request.POST)
        rows = cf.attendee_rows(request.POST)
        chosen = cf.chosen_documents(request.POST)
        row_errors = cf.attendee_errors(rows)
        if form.is_valid() and not row_errors:
            user = acting_user(request)
            data = cf.conference_input(unit, form.cleaned_data, rows, chosen)
            try:
                saved = save_conference(data, user, conference)
            except ValidationError as error:
                others = cf.spread_errors(form, error)
            else:
                verb = "Đã lưu" if conference is None else "Đã sửa"
                messages.success(request, f"{verb} {saved.title}.")
                return HttpResponseRedirect(reverse("web:conference", args=[saved.pk]))
        if row_errors:
            others.setdefault("attendees", []).extend(row_errors)
    elif conference is not None:
        form = cf.ConferenceForm(initial=cf.initial_of(conference))
        rows, chosen = cf.rows_of(conference), cf.documents_of(conference)
    else:
        form = cf.ConferenceForm(initial={"kind": "review"})
        rows, chosen = [], {}
    context = {
        "unit": unit,
        "conference": conference,
        "form": form,
        "rows": cf.rows_for_display(rows),
        "parts": cf.Part.choices,
        "documents": cf.document_choices(available, chosen),
        "roles": cf.AttachmentRole.choices,
        "errors": others,
    }
    return render(request, "web/review/conference_form.html", context)


@dataclass(frozen=True)
class RoleRow:
    """One line of a person's history: a title held, where, and at which conference."""

    day: dt.date | None
    day_text: str
    title: str
    place: str
    conference: Conference | None = None
    part: str = ""


def span_text(position: Position) -> str:
    if position.since is None and position.until is None:
        return f"ngày {position.attested_on:%d/%m/%Y}" if position.attested_on else ""
    since = f"từ {position.since:%d/%m/%Y}" if position.since else "từ trước"
    until = f"đến {position.until:%d/%m/%Y}" if position.until else "đến nay"
    return f"{since} {until}"


def role_rows(attendances: list[Attendance], positions: list[Position]) -> list[RoleRow]:
    """Oldest first. A position known only from a conference (no unit, no span) is shown
    once, as the attendance."""
    seen = {(a.conference.held_on, a.title) for a in attendances}
    rows = [
        RoleRow(
            a.conference.held_on,
            f"{a.conference.held_on:%d/%m/%Y}",
            a.title,
            a.conference.unit.full_name,
            a.conference,
            a.get_part_display(),
        )
        for a in attendances
    ]
    for p in positions:
        only_attested = p.unit is None and p.since is None and p.until is None
        if only_attested and (p.attested_on, p.title) in seen:
            continue
        place = p.unit.full_name if p.unit else ""
        rows.append(RoleRow(p.since or p.attested_on, span_text(p), p.title, place))
    return sorted(rows, key=lambda row: (row.day or dt.date.min, row.title))


def position_units(position: Position) -> list[Unit]:
    """Where a position was held or read: its unit, else its source document's unit."""
    if position.unit is not None:
        return [position.unit]
    return [position.document.unit] if position.document is not None else []


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Visible when one of the person's conferences or positions is at a unit in scope;
    only those are listed."""
    person = get_object_or_404(Person, pk=pk)
    scope = request_scope(request)
    attendances = [
        a
        for a in person.attendances.filter(conference__state=ACCEPTED).select_related(
            "conference__unit__parent__parent__parent"
        )
        if scope.can_view(a.conference.unit)
    ]
    positions = [
        p
        for p in person.positions.select_related("unit__parent__parent__parent", "document__unit")
        if scope.is_admin or any(scope.can_view(u) for u in position_units(p))
    ]
    if not attendances and not positions and not scope.is_admin:
        raise Http404("Không tìm thấy người này.")
    context = {"person": person, "rows": role_rows(attendances, positions)}
    return render(request, "web/review/person.html", context)


urlpatterns = [
    path("don-vi/<int:unit_id>/hoi-nghi/", conferences, name="conferences"),
    path("don-vi/<int:unit_id>/hoi-nghi/moi/", conference_new, name="conference_new"),
    path("hoi-nghi/<int:pk>/", conference_detail, name="conference"),
    path("hoi-nghi/<int:pk>/sua/", conference_edit, name="conference_edit"),
    path("nguoi/<int:pk>/", person_detail, name="person"),
]
