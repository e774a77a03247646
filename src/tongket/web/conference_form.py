"""The conference form: its plain fields, attendee rows and attached documents.

Parsing only; `review.services.save_conference` validates and writes.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from tongket.cycle.conferences import conference_kinds, times_of_day
from tongket.documents.models import Document
from tongket.review.models import AttachmentRole, Conference, Part
from tongket.review.services import AttendeeInput, ConferenceInput, unit_family
from tongket.units.models import Unit

BLANK_ATTENDEE_ROWS = 4
MAX_DOCUMENTS = 200
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class ConferenceForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=())
    title = forms.CharField(label="Tên hội nghị", max_length=400)
    held_on = forms.DateField(
        label="Ngày họp",
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    time_of_day = forms.ChoiceField(label="Buổi", choices=(), required=False)
    starts_at = forms.TimeField(
        label="Giờ bắt đầu",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    place = forms.CharField(label="Địa điểm", max_length=300, required=False)
    period = forms.CharField(
        label="Kỳ đánh giá",
        max_length=10,
        required=False,
        help_text="Ví dụ: 2023, 2024-h1 (6 tháng), 2024-m9 (9 tháng).",
    )
    opinions_count = forms.IntegerField(label="Số ý kiến phát biểu", min_value=0, required=False)
    bodies_present = forms.CharField(
        label="Cơ quan, tổ chức dự",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Mỗi dòng một cơ quan, tổ chức.",
    )
    conclusions = forms.CharField(
        label="Kết luận của chủ trì", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        kind: forms.ChoiceField = self.fields["kind"]  # type: ignore[assignment]
        kind.choices = conference_kinds()
        time: forms.ChoiceField = self.fields["time_of_day"]  # type: ignore[assignment]
        time.choices = (("", "—"), *times_of_day())


@dataclass(frozen=True)
class AttendeeRow:
    name: str = ""
    title: str = ""
    part: str = Part.GUEST

    @property
    def is_blank(self) -> bool:
        return not self.name.strip() and not self.title.strip()


@dataclass(frozen=True)
class DocumentChoice:
    document: Document
    checked: bool
    role: str


def attendee_rows(post: QueryDict) -> list[AttendeeRow]:
    """The filled attendee rows, in order (a row with neither name nor title is skipped)."""
    names, titles, parts = (post.getlist(f"attendee_{key}") for key in ("name", "title", "part"))
    rows = [
        AttendeeRow(name, titles[i] if i < len(titles) else "", parts[i] if i < len(parts) else "")
        for i, name in enumerate(names)
    ]
    return [row for row in rows if not row.is_blank]


def attendee_errors(rows: list[AttendeeRow]) -> list[str]:
    return [
        f"Dòng {number}: vai trò “{row.part}” không hợp lệ."
        for number, row in enumerate(rows, start=1)
        if row.part not in Part.values
    ]


def rows_for_display(rows: list[AttendeeRow]) -> list[AttendeeRow]:
    return rows + [AttendeeRow()] * BLANK_ATTENDEE_ROWS


def unit_documents(unit: Unit) -> list[Document]:
    found = Document.objects.filter(unit_id__in=unit_family(unit)).order_by("-year", "-pk")
    return list(found[:MAX_DOCUMENTS])


def document_choices(available: list[Document], chosen: dict[int, str]) -> list[DocumentChoice]:
    return [
        DocumentChoice(doc, doc.pk in chosen, chosen.get(doc.pk, AttachmentRole.REPORT))
        for doc in available
    ]


def chosen_documents(post: QueryDict) -> dict[int, str]:
    """Document id → role of every ticked document."""
    ids = {int(value) for value in post.getlist("doc") if value.isdigit()}
    roles = {pk: post.get(f"doc_role_{pk}", AttachmentRole.REPORT) for pk in ids}
    return {
        pk: role if role in AttachmentRole.values else AttachmentRole.REPORT
        for pk, role in roles.items()
    }


def conference_input(
    unit: Unit, cleaned: dict[str, object], rows: list[AttendeeRow], chosen: dict[int, str]
) -> ConferenceInput:
    documents = Document.objects.filter(pk__in=chosen).order_by("pk")
    bodies = str(cleaned.get("bodies_present") or "").splitlines()
    return ConferenceInput(
        unit=unit,
        kind=str(cleaned["kind"]),
        title=str(cleaned["title"]),
        held_on=cleaned["held_on"],  # type: ignore[arg-type]
        time_of_day=str(cleaned.get("time_of_day") or ""),
        starts_at=cleaned.get("starts_at"),  # type: ignore[arg-type]
        place=str(cleaned.get("place") or ""),
        period=str(cleaned.get("period") or "").strip().lower(),
        opinions_count=cleaned.get("opinions_count"),  # type: ignore[arg-type]
        bodies_present=tuple(line.strip() for line in bodies if line.strip()),
        conclusions=str(cleaned.get("conclusions") or ""),
        attendees=tuple(AttendeeInput(row.name, row.title, row.part) for row in rows),
        documents=tuple((doc, chosen[doc.pk]) for doc in documents),
    )


def spread_errors(form: forms.Form, error: ValidationError) -> dict[str, list[str]]:
    """Put the service's messages beside the form's fields; the rest (attendees, documents,
    general) are returned by key."""
    if not hasattr(error, "error_dict"):
        return {"general": list(error.messages)}
    others: dict[str, list[str]] = {}
    for key, messages in error.message_dict.items():
        if key in form.fields:
            for message in messages:
                form.add_error(key, message)
        else:
            others.setdefault(key, []).extend(messages)
    return others


def initial_of(conference: Conference) -> dict[str, object]:
    return {
        "kind": conference.kind,
        "title": conference.title,
        "held_on": conference.held_on,
        "time_of_day": conference.time_of_day,
        "starts_at": conference.starts_at,
        "place": conference.place,
        "period": conference.period,
        "opinions_count": conference.opinions_count,
        "bodies_present": "\n".join(conference.bodies_present or []),
        "conclusions": conference.conclusions,
    }


def rows_of(conference: Conference) -> list[AttendeeRow]:
    return [
        AttendeeRow(a.person.full_name, a.title, a.part)
        for a in conference.attendances.select_related("person")
    ]


def documents_of(conference: Conference) -> dict[int, str]:
    return {a.document_id: a.role for a in conference.attachments.all()}
