"""Raising recommendations, moving them through their statuses, and finding what is overdue.

Every change is recorded as a `Change`. Who may do what is decided here for every caller
(web, CLI, API): the addressed body's side answers; the raising unit follows up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet

from tongket.access.scope import Scope
from tongket.cycle.workflow import (
    Status,
    WorkflowError,
    allowed_next,
    check_deadline,
    check_transition,
    status_label,
)
from tongket.people.models import Body
from tongket.recommendations.models import Change, Recommendation
from tongket.results.services import recorded_user
from tongket.review.models import Conference
from tongket.units.lookup import lineage_successors
from tongket.units.models import Unit

OPEN_STATUSES = (Status.NEW.value, Status.IN_PROGRESS.value)
ANSWERING = frozenset({Status.IN_PROGRESS.value, Status.ANSWERED.value, Status.RESOLVED.value})
FOLLOWING_UP = frozenset({Status.IN_PROGRESS.value, Status.RESOLVED.value})
NOT_ADDRESSED = "Kiến nghị này không gửi đến cơ quan của bạn: bạn không thể trả lời hay xử lý."


@dataclass(frozen=True)
class RecommendationInput:
    unit: Unit
    raised_on: dt.date
    addressee: Body
    topic: str
    text: str
    assignee: Body | None = None
    deadline: dt.date | None = None
    report_back_to: Body | None = None
    conference: Conference | None = None


def units_above(unit: Unit) -> set[int]:
    """Ids of the units above `unit` and above the units it became."""
    above: set[int] = set()
    for node in lineage_successors(unit):
        above |= {ancestor.pk for ancestor in node.ancestors()}
    return above


def validate(data: RecommendationInput) -> None:
    errors: dict[str, str] = {}
    if not data.topic.strip():
        errors["topic"] = "Chủ đề kiến nghị không được để trống."
    if not data.text.strip():
        errors["text"] = "Nội dung kiến nghị không được để trống."
    try:
        check_deadline(data.raised_on, data.deadline)
    except WorkflowError as error:
        errors["deadline"] = str(error)
    if data.addressee.unit_id not in units_above(data.unit):
        errors["addressee"] = (
            f"Kiến nghị phải gửi đến cơ quan cấp trên của {data.unit.full_name}; "
            f"{data.addressee.name} không phải cơ quan cấp trên."
        )
    if data.conference is not None and data.conference.unit_id != data.unit.pk:
        errors["conference"] = "Hội nghị không phải của đơn vị kiến nghị."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def raise_recommendation(
    data: RecommendationInput, user: User | None = None, **provenance: object
) -> Recommendation:
    validate(data)
    recommendation = Recommendation.objects.create(
        unit=data.unit,
        raised_on=data.raised_on,
        addressee=data.addressee,
        topic=data.topic.strip(),
        text=data.text.strip(),
        assignee=data.assignee,
        deadline=data.deadline,
        report_back_to=data.report_back_to,
        conference=data.conference,
        entered_by=recorded_user(user),
        **provenance,
    )
    record_change(recommendation, Change.Action.RAISED, user, to_status=recommendation.status)
    return recommendation


def record_change(
    recommendation: Recommendation,
    action: str,
    user: User | None,
    *,
    from_status: str = "",
    to_status: str = "",
    note: str = "",
    details: dict[str, object] | None = None,
) -> Change:
    return Change.objects.create(
        recommendation=recommendation,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
        details=details or {},
        user=recorded_user(user),
    )


def may_answer(scope: Scope, recommendation: Recommendation) -> bool:
    """The addressed body's side: a role over the body's unit, other than the raising unit's."""
    if scope.is_admin:
        return True
    body_unit = recommendation.addressee.unit
    return bool(scope.roles_over(body_unit)) and body_unit.pk != recommendation.unit_id


def may_follow_up(scope: Scope, recommendation: Recommendation) -> bool:
    """The raising unit's side: confirm an answer as resolved, or reopen it."""
    return scope.can_enter(recommendation.unit)


def allowed_statuses(scope: Scope, recommendation: Recommendation) -> list[str]:
    choices: set[str] = set()
    if may_answer(scope, recommendation):
        choices |= ANSWERING
    if may_follow_up(scope, recommendation) and recommendation.status == Status.ANSWERED.value:
        choices |= FOLLOWING_UP
    return [s.value for s in allowed_next(recommendation.status) if s.value in choices]


@transaction.atomic
def change_status(
    recommendation: Recommendation,
    new_status: str,
    scope: Scope,
    user: User | None = None,
    *,
    answer: str = "",
    answered_on: dt.date | None = None,
    note: str = "",
) -> Recommendation:
    """Move `recommendation` to `new_status` if the workflow and the user's side allow it."""
    locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if not may_answer(scope, locked) and not may_follow_up(scope, locked):
        raise PermissionDenied(NOT_ADDRESSED)
    if new_status == locked.status:
        raise ValidationError(f"Kiến nghị đã ở tình trạng “{status_label(new_status)}”.")
    if new_status == Status.ANSWERED.value and answered_on is None:
        answered_on = dt.date.today()
    try:
        check_transition(
            locked.status,
            new_status,
            answer=answer,
            answered_on=answered_on,
            raised_on=locked.raised_on,
        )
    except WorkflowError as error:
        raise ValidationError(str(error)) from error
    if new_status not in allowed_statuses(scope, locked):
        if not may_answer(scope, locked):
            raise PermissionDenied(NOT_ADDRESSED)
        raise PermissionDenied(
            f"Bạn không thể chuyển kiến nghị sang “{status_label(new_status)}”: "
            "việc này thuộc về cơ quan được kiến nghị hoặc đơn vị kiến nghị."
        )
    before = locked.status
    details: dict[str, object] = {}
    if new_status == Status.ANSWERED.value:
        locked.answer = answer.strip()
        locked.answered_on = answered_on
        details = {
            "answer": locked.answer,
            "answered_on": answered_on.isoformat() if answered_on else None,
        }
    locked.status = new_status
    locked.version += 1
    locked.save()
    record_change(
        locked,
        Change.Action.STATUS,
        user,
        from_status=before,
        to_status=new_status,
        note=note.strip(),
        details=details,
    )
    return locked


@transaction.atomic
def forward(
    recommendation: Recommendation,
    body: Body,
    scope: Scope,
    user: User | None = None,
    note: str = "",
) -> Recommendation:
    """Send `recommendation` on to another body (the one now competent, e.g. after a merger)."""
    locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if not may_answer(scope, locked):
        raise PermissionDenied(NOT_ADDRESSED)
    if locked.status == Status.RESOLVED.value:
        raise ValidationError("Kiến nghị đã giải quyết xong, không chuyển được nữa.")
    if body.unit_id not in units_above(locked.unit):
        raise ValidationError(f"{body.name} không phải cơ quan cấp trên của đơn vị kiến nghị.")
    before = locked.addressee
    locked.addressee = body
    locked.version += 1
    locked.save()
    record_change(
        locked,
        Change.Action.FORWARDED,
        user,
        from_status=locked.status,
        to_status=locked.status,
        note=note.strip(),
        details={"from": before.name, "to": body.name},
    )
    return locked


def overdue(queryset: QuerySet[Recommendation], today: dt.date) -> QuerySet[Recommendation]:
    """Open recommendations whose deadline has passed (the same rule as `is_overdue`)."""
    return queryset.filter(status__in=OPEN_STATUSES, deadline__lt=today)


def accepted() -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(state="accepted").select_related(
        "unit", "addressee__unit", "assignee", "report_back_to"
    )


def inbox(unit: Unit) -> QuerySet[Recommendation]:
    """Addressed to the bodies of `unit`."""
    return accepted().filter(addressee__unit=unit)


def outbox(unit_ids: set[int]) -> QuerySet[Recommendation]:
    """Raised by any of `unit_ids` (a unit with its sub-units and the units merged into it)."""
    return accepted().filter(unit_id__in=unit_ids)


def visible(scope: Scope, queryset: QuerySet[Recommendation]) -> list[Recommendation]:
    """Those the user may see: raised by a unit in scope, or addressed to one."""
    return [r for r in queryset if scope.can_view(r.unit) or scope.can_view(r.addressee.unit)]


def search_filter(text: str) -> Q:
    return Q(topic__icontains=text) | Q(text__icontains=text)
