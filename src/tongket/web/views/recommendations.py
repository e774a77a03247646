"""Recommendation pages: sent and received lists, overdue ones, detail, raising, answering."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from tongket.access.scope import Scope
from tongket.cycle.workflow import OVERDUE_LABEL, Status, days_overdue, is_overdue, status_label
from tongket.people.models import Body
from tongket.recommendations import services
from tongket.recommendations.models import Change, Recommendation
from tongket.units.lookup import lineage_predecessor_ids
from tongket.units.models import Unit
from tongket.web.access import acting_user, request_scope, unit_for
from tongket.web.recommendation_forms import (
    FilterForm,
    ForwardForm,
    NewRecommendationForm,
    StatusForm,
    add_service_errors,
    bodies_of,
)

PAGE_SIZE = 50
DETAIL_LABELS = {
    "from": "Từ cơ quan",
    "to": "Đến cơ quan",
    "answer": "Nội dung trả lời",
    "answered_on": "Ngày trả lời",
}


@dataclass(frozen=True)
class Row:
    """A recommendation as a list shows it."""

    recommendation: Recommendation
    status_label: str
    overdue_days: int  # > 0 only while open and past the deadline


def row_of(recommendation: Recommendation, today: dt.date) -> Row:
    late = is_overdue(recommendation.status, recommendation.deadline, today)
    days = days_overdue(recommendation.status, recommendation.deadline, today) if late else 0
    return Row(recommendation, status_label(recommendation.status), days)


def raising_unit_ids(unit: Unit) -> set[int]:
    """The unit, its sub-units, the units merged into these and their sub-units."""
    ids = {unit.pk, *unit.children.values_list("pk", flat=True)}
    merged = lineage_predecessor_ids(ids)
    below_merged = Unit.objects.filter(parent__in=merged).values_list("pk", flat=True)
    return ids | merged | set(below_merged)


def list_page(
    request: HttpRequest, base: QuerySet[Recommendation], context: dict[str, Any]
) -> HttpResponse:
    today = timezone.localdate()
    form = FilterForm(request.GET or None, base=base)
    chosen = form.apply(base, today) if request.GET else base
    page = Paginator(chosen, PAGE_SIZE).get_page(request.GET.get("trang"))
    context |= {
        "form": form,
        "page": page,
        "rows": [row_of(r, today) for r in page],
        "open_count": base.filter(status__in=services.OPEN_STATUSES).count(),
        "overdue_count": services.overdue(base, today).count(),
        "overdue_label": OVERDUE_LABEL,
        "filtered": bool(request.GET.keys() - {"trang"}),
    }
    return render(request, "web/recommendations/list.html", context)


def recommendations_out(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = unit_for(request, unit_id)
    base = services.outbox(raising_unit_ids(unit))
    context = {
        "unit": unit,
        "box": "out",
        "title": f"Kiến nghị đã gửi — {unit.full_name}",
        "can_enter": request_scope(request).can_enter(unit),
    }
    return list_page(request, base, context)


def recommendations_in(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = unit_for(request, unit_id)
    context = {"unit": unit, "box": "in", "title": f"Kiến nghị nhận — {unit.full_name}"}
    return list_page(request, services.inbox(unit), context)


def in_scope(scope: Scope, queryset: QuerySet[Recommendation]) -> list[Recommendation]:
    """Raised or addressed in the user's scope (narrowed in the database first)."""
    if scope.is_admin:
        return list(queryset)
    units = Unit.objects.filter(scope.visible_filter())
    narrowed = queryset.filter(Q(unit__in=units) | Q(addressee__unit__in=units))
    return services.visible(scope, narrowed)


def recommendations_overdue(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    late = services.overdue(services.accepted(), today).order_by("deadline", "raised_on", "pk")
    page = Paginator(in_scope(request_scope(request), late), PAGE_SIZE).get_page(
        request.GET.get("trang")
    )
    context = {"page": page, "rows": [row_of(r, today) for r in page], "today": today}
    return render(request, "web/recommendations/overdue.html", context)


def recommendation_for(request: HttpRequest, pk: int) -> Recommendation:
    """The recommendation if raised or addressed in the user's scope; 404 otherwise."""
    recommendation = (
        Recommendation.objects.select_related(
            "unit__parent__parent",
            "addressee__unit",
            "assignee__unit",
            "report_back_to__unit",
            "conference",
            "document",
            "entered_by",
        )
        .filter(pk=pk)
        .first()
    )
    scope = request_scope(request)
    if recommendation is None or not (
        scope.can_view(recommendation.unit) or scope.can_view(recommendation.addressee.unit)
    ):
        raise Http404("Không tìm thấy kiến nghị.")
    return recommendation


def forward_targets(recommendation: Recommendation) -> tuple[QuerySet[Body], QuerySet[Unit]]:
    above = services.units_above(recommendation.unit)
    bodies = bodies_of(above).exclude(pk=recommendation.addressee_id)
    return bodies, Unit.objects.filter(pk__in=above).order_by("level")


def may_forward(scope: Scope, recommendation: Recommendation) -> bool:
    return services.may_answer(scope, recommendation) and (
        recommendation.status != Status.RESOLVED.value
    )


def change_rows(recommendation: Recommendation) -> list[tuple[Change, str, str, list[Any]]]:
    """(change, from label, to label, [(detail label, value)]) oldest first."""
    rows = []
    for change in recommendation.changes.select_related("user"):
        before = status_label(change.from_status) if change.from_status else ""
        after = status_label(change.to_status) if change.to_status else ""
        details = [
            (DETAIL_LABELS.get(key, key), detail_text(key, value))
            for key, value in (change.details or {}).items()
            if value not in (None, "")
        ]
        rows.append((change, before, after, details))
    return rows


def detail_text(key: str, value: object) -> str:
    if key == "answered_on" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)


def conference_url(recommendation: Recommendation) -> str:
    """The conference page once it exists (another family adds it), else ""."""
    if recommendation.conference_id is None:
        return ""
    try:
        return reverse("web:conference", args=[recommendation.conference_id])
    except NoReverseMatch:
        return ""


def detail_page(
    request: HttpRequest,
    recommendation: Recommendation,
    status_form: StatusForm | None = None,
    forward_form: ForwardForm | None = None,
    http_status: int = 200,
) -> HttpResponse:
    scope = request_scope(request)
    today = timezone.localdate()
    statuses = services.allowed_statuses(scope, recommendation)
    if status_form is None and statuses:
        status_form = StatusForm(statuses=statuses, initial={"answered_on": today})
    elif status_form is not None:
        status_form.offer(statuses)
    if forward_form is None and may_forward(scope, recommendation):
        bodies, units = forward_targets(recommendation)
        forward_form = ForwardForm(bodies=bodies, units=units)
    context = {
        "rec": recommendation,
        "row": row_of(recommendation, today),
        "late_answer_days": days_overdue(
            recommendation.status, recommendation.deadline, today, recommendation.answered_on
        ),
        "conference_url": conference_url(recommendation),
        "changes": change_rows(recommendation),
        "status_form": status_form,
        "offers_answer": Status.ANSWERED.value in statuses,
        "forward_form": forward_form,
        "overdue_label": OVERDUE_LABEL,
    }
    return render(request, "web/recommendations/detail.html", context, status=http_status)


def recommendation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return detail_page(request, recommendation_for(request, pk))


@require_POST
def recommendation_status(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = recommendation_for(request, pk)
    scope = request_scope(request)
    if not (
        services.may_answer(scope, recommendation) or services.may_follow_up(scope, recommendation)
    ):
        raise PermissionDenied(services.NOT_ADDRESSED)
    form = StatusForm(request.POST, statuses=[s.value for s in Status])
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.change_status(
                recommendation,
                data["status"],
                scope,
                acting_user(request),
                answer=data["answer"],
                answered_on=data["answered_on"],
                note=data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error, status_error_field(data))
        else:
            messages.success(request, f"Đã chuyển kiến nghị sang “{status_label(data['status'])}”.")
            return redirect("web:recommendation", recommendation.pk)
    return detail_page(request, recommendation, status_form=form, http_status=400)


def status_error_field(data: dict[str, Any]) -> str:
    """Where a refused change's message belongs: the answer, its date, or the status."""
    if data["status"] != Status.ANSWERED.value:
        return "status"
    return "answered_on" if data["answer"].strip() else "answer"


@require_POST
def recommendation_forward(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = recommendation_for(request, pk)
    scope = request_scope(request)
    if not services.may_answer(scope, recommendation):
        raise PermissionDenied(services.NOT_ADDRESSED)
    bodies, units = forward_targets(recommendation)
    form = ForwardForm(request.POST, bodies=bodies, units=units)
    if form.is_valid():
        try:
            with transaction.atomic():
                body = form.chosen_body()
                note = form.cleaned_data["note"]
                services.forward(recommendation, body, scope, acting_user(request), note=note)
        except ValidationError as error:
            add_service_errors(form, error, "body")
        else:
            messages.success(request, f"Đã chuyển kiến nghị đến {body.name}.")
            return redirect("web:recommendation", recommendation.pk)
    return detail_page(request, recommendation, forward_form=form, http_status=400)


def recommendation_new(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = unit_for(request, unit_id, "enter")
    above = services.units_above(unit)
    if request.method != "POST":
        form = NewRecommendationForm(
            unit=unit, above=above, initial={"raised_on": timezone.localdate()}
        )
        return render(request, "web/recommendations/new.html", {"unit": unit, "form": form})
    form = NewRecommendationForm(request.POST, unit=unit, above=above)
    if form.is_valid():
        try:
            with transaction.atomic():
                recommendation = services.raise_recommendation(
                    form.recommendation_input(), acting_user(request)
                )
        except ValidationError as error:
            add_service_errors(form, error, None)
        else:
            messages.success(request, "Đã gửi kiến nghị.")
            return redirect("web:recommendation", recommendation.pk)
    context = {"unit": unit, "form": form}
    return render(request, "web/recommendations/new.html", context, status=400)


urlpatterns = [
    path("don-vi/<int:unit_id>/kien-nghi/", recommendations_out, name="recommendations_out"),
    path("don-vi/<int:unit_id>/kien-nghi/nhan/", recommendations_in, name="recommendations_in"),
    path("don-vi/<int:unit_id>/kien-nghi/moi/", recommendation_new, name="recommendation_new"),
    path("kien-nghi/qua-han/", recommendations_overdue, name="recommendations_overdue"),
    path("kien-nghi/<int:pk>/", recommendation_detail, name="recommendation"),
    path("kien-nghi/<int:pk>/tinh-trang/", recommendation_status, name="recommendation_status"),
    path("kien-nghi/<int:pk>/chuyen/", recommendation_forward, name="recommendation_forward"),
]
