"""Recording conferences with their people, directions for next year, and commendations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from tongket.cycle.awards import AwardCount, form_label, tally
from tongket.cycle.conferences import conference_kind_label
from tongket.documents.models import Document
from tongket.people.services import person_named, record_position
from tongket.periods import Period, PeriodError
from tongket.results.models import Target
from tongket.results.services import recorded_user
from tongket.review.models import (
    Attendance,
    Commendation,
    Conference,
    ConferenceDocument,
    Direction,
    Part,
)
from tongket.units.lookup import lineage_predecessor_ids
from tongket.units.models import Unit


@dataclass(frozen=True)
class AttendeeInput:
    name: str
    title: str = ""
    part: str = Part.GUEST


@dataclass(frozen=True)
class ConferenceInput:
    unit: Unit
    kind: str
    title: str
    held_on: dt.date
    time_of_day: str = ""
    starts_at: dt.time | None = None
    place: str = ""
    period: str = ""
    opinions_count: int | None = None
    bodies_present: tuple[str, ...] = ()
    conclusions: str = ""
    reported_summaries: tuple[tuple[int, int], ...] = ()
    attendees: tuple[AttendeeInput, ...] = ()
    documents: tuple[tuple[Document, str], ...] = ()


def unit_family(unit: Unit) -> set[int]:
    """`unit` and the units that became it: their documents are the unit's documents."""
    return lineage_predecessor_ids([unit.pk]) | {unit.pk}


def validate_conference(data: ConferenceInput) -> None:
    errors: dict[str, str] = {}
    try:
        conference_kind_label(data.kind)
    except (KeyError, ValueError):
        errors["kind"] = "Loại hội nghị không hợp lệ."
    if not data.title.strip():
        errors["title"] = "Tên hội nghị không được để trống."
    if data.held_on > dt.date.today() + dt.timedelta(days=366):
        errors["held_on"] = "Ngày họp quá xa trong tương lai."
    if data.period:
        try:
            Period.parse(data.period)
        except PeriodError as error:
            errors["period"] = str(error)
    if data.opinions_count is not None and data.opinions_count < 0:
        errors["opinions_count"] = "Số ý kiến không được âm."
    if any(not 0 <= achieved <= total or total == 0 for achieved, total in data.reported_summaries):
        errors["reported_summaries"] = "Số chỉ tiêu đạt phải từ 0 đến tổng số chỉ tiêu."
    names = [" ".join(a.name.split()) for a in data.attendees]
    if any(not name for name in names):
        errors["attendees"] = "Mỗi người dự phải có họ và tên."
    elif len(set(names)) != len(names):
        errors["attendees"] = "Một người được ghi hai lần trong danh sách người dự."
    family = unit_family(data.unit)
    if any(document.unit_id not in family for document, _ in data.documents):
        errors["documents"] = "Tài liệu đính kèm thuộc đơn vị khác."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_conference(
    data: ConferenceInput,
    user: User | None = None,
    conference: Conference | None = None,
    **provenance: object,
) -> Conference:
    """Create `conference` (or replace its fields and people), all or nothing.

    Each attendee becomes (or is found as) a `Person`, and their title that day is kept
    both on the attendance and in their role history.
    """
    validate_conference(data)
    fields = {
        "unit": data.unit,
        "kind": data.kind,
        "title": " ".join(data.title.split()),
        "held_on": data.held_on,
        "time_of_day": data.time_of_day,
        "starts_at": data.starts_at,
        "place": data.place.strip(),
        "period": data.period,
        "opinions_count": data.opinions_count,
        "bodies_present": [b.strip() for b in data.bodies_present if b.strip()],
        "conclusions": data.conclusions.strip(),
        "reported_summaries": [list(pair) for pair in data.reported_summaries],
        **provenance,
    }
    if conference is None:
        entered_by = recorded_user(user)
        conference = Conference.objects.create(entered_by=entered_by, **fields)
    else:
        for key, value in fields.items():
            setattr(conference, key, value)
        conference.version += 1
        conference.save()
        conference.attendances.all().delete()
        conference.attachments.all().delete()
    document = provenance.get("document")
    for order, attendee in enumerate(data.attendees):
        person = person_named(attendee.name, data.unit)
        Attendance.objects.create(
            conference=conference,
            person=person,
            title=" ".join(attendee.title.split()),
            part=attendee.part,
            order=order,
        )
        record_position(
            person,
            attendee.title,
            attested_on=data.held_on,
            document=document if isinstance(document, Document) else None,
        )
    for attached, role in data.documents:
        ConferenceDocument.objects.create(conference=conference, document=attached, role=role)
    return conference


def chairs(conference: Conference) -> list[Attendance]:
    return [a for a in conference.attendances.all() if a.part == Part.CHAIR]


@transaction.atomic
def save_directions(
    unit: Unit,
    year: int,
    texts: Sequence[str],
    user: User | None = None,
    conference: Conference | None = None,
    **provenance: object,
) -> list[Direction]:
    """Add the items of "phương hướng, nhiệm vụ năm `year`" after those already recorded."""
    items = [" ".join(text.split()) for text in texts]
    if not items or any(not item for item in items):
        raise ValidationError("Mỗi phương hướng, nhiệm vụ phải có nội dung.")
    if conference is not None and conference.unit_id != unit.pk:
        raise ValidationError("Hội nghị không phải của đơn vị này.")
    start = Direction.objects.filter(unit=unit, year=year, state="accepted").count()
    entered_by = recorded_user(user)
    return [
        Direction.objects.create(
            unit=unit,
            year=year,
            order=start + number,
            text=item,
            conference=conference,
            entered_by=entered_by,
            **provenance,
        )
        for number, item in enumerate(items, start=1)
    ]


def link_targets(direction: Direction, targets: Sequence[Target]) -> None:
    """The targets of the direction's year that it produced; others are refused."""
    wrong = [t for t in targets if t.unit_id != direction.unit_id or t.year != direction.year]
    if wrong:
        raise ValidationError(
            f"Chỉ gắn được chỉ tiêu năm {direction.year} của {direction.unit.full_name}."
        )
    direction.targets.set(targets)


@dataclass(frozen=True)
class CommendationInput:
    unit: Unit
    year: int
    awarding_body: str
    form: str
    recipient_kind: str
    quantity: int = 1
    recipient_name: str = ""
    title: str = ""
    reason: str = ""
    awarded_on: dt.date | None = None
    decision: str = ""
    conference: Conference | None = None


def validate_commendation(data: CommendationInput) -> None:
    errors: dict[str, str] = {}
    try:
        form_label(data.form)
    except (KeyError, ValueError):
        errors["form"] = "Hình thức khen thưởng không hợp lệ."
    if data.recipient_kind not in {"collective", "person"}:
        errors["recipient_kind"] = "Đối tượng khen thưởng phải là tập thể hoặc cá nhân."
    if data.quantity < 1:
        errors["quantity"] = "Số lượng phải từ 1 trở lên."
    if data.recipient_name.strip() and data.quantity != 1:
        errors["quantity"] = "Khi ghi tên người/tập thể được khen, số lượng là 1."
    if not data.awarding_body.strip():
        errors["awarding_body"] = "Chưa ghi cấp khen thưởng."
    if not 1945 <= data.year <= dt.date.today().year + 1:
        errors["year"] = "Năm khen thưởng không hợp lệ."
    if data.awarded_on is not None and data.awarded_on.year not in {data.year, data.year + 1}:
        errors["awarded_on"] = "Ngày trao không khớp với năm khen thưởng."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def add_commendation(
    data: CommendationInput, user: User | None = None, **provenance: object
) -> Commendation:
    validate_commendation(data)
    person = None
    if data.recipient_kind == "person" and data.recipient_name.strip():
        person = person_named(data.recipient_name, data.unit)
    entered_by = recorded_user(user)
    return Commendation.objects.create(
        unit=data.unit,
        year=data.year,
        awarding_body=data.awarding_body.strip(),
        form=data.form,
        recipient_kind=data.recipient_kind,
        quantity=data.quantity,
        recipient_name=" ".join(data.recipient_name.split()),
        title=data.title.strip(),
        reason=data.reason.strip(),
        awarded_on=data.awarded_on,
        decision=data.decision.strip(),
        conference=data.conference,
        person=person,
        entered_by=entered_by,
        **provenance,
    )


def commendation_counts(unit: Unit, year: int) -> tuple[AwardCount, ...]:
    """Recipients per form in `year` ("giấy khen cho 7 tập thể, 23 cá nhân")."""
    rows = Commendation.objects.filter(unit=unit, year=year, state="accepted").values_list(
        "form", "recipient_kind", "quantity"
    )
    return tally(rows)
