"""Forms of the recommendation pages: list filters, raising, status changes and forwarding."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from tongket.cycle.workflow import OVERDUE_LABEL, status_choices
from tongket.people.models import Body
from tongket.people.services import body_named
from tongket.recommendations.models import Recommendation
from tongket.recommendations.services import RecommendationInput, overdue, search_filter
from tongket.review.models import Conference
from tongket.units.models import Unit

OVERDUE_CHOICE = "qua_han"
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATE_ERRORS = {"invalid": "Ngày không hợp lệ, ví dụ 31/12/2024."}
NO_ADDRESSEE = "Hãy chọn cơ quan nhận kiến nghị hoặc ghi tên cơ quan khác."
NO_BODY_UNIT = "Hãy chọn đơn vị của cơ quan khác."


def date_field(label: str, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={**DATE_ERRORS, "required": f"Hãy ghi {label.lower()}."},
    )


def optional_choice(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, required=False, coerce=int, empty_value=None, choices=()
    )


def body_label(body: Body) -> str:
    return f"{body.name} — {body.unit.full_name}"


def body_choices(bodies: Iterable[Body], empty: str) -> list[tuple[Any, str]]:
    return [("", empty), *((b.pk, body_label(b)) for b in bodies)]


def bodies_of(unit_ids: Iterable[int]) -> QuerySet[Body]:
    return (
        Body.objects.filter(unit_id__in=list(unit_ids))
        .select_related("unit")
        .order_by("unit__level", "unit__name", "name")
    )


class FilterForm(forms.Form):
    """GET filters of a list: status (or overdue), year raised, addressee, text."""

    tinh_trang = forms.ChoiceField(label="Tình trạng", required=False, choices=())
    nam = optional_choice("Năm")
    gui_den = optional_choice("Gửi đến")
    q = forms.CharField(label="Tìm trong chủ đề, nội dung", required=False, max_length=200)

    def __init__(self, data: Any, *, base: QuerySet[Recommendation]) -> None:
        super().__init__(data)
        statuses = [("", "Tất cả"), *status_choices(), (OVERDUE_CHOICE, OVERDUE_LABEL)]
        set_choices(self, "tinh_trang", statuses)
        years = sorted({day.year for day in base.dates("raised_on", "year")}, reverse=True)
        set_choices(self, "nam", [("", "Tất cả"), *((y, str(y)) for y in years)])
        addressees = Body.objects.filter(pk__in=base.values("addressee_id")).select_related("unit")
        set_choices(self, "gui_den", body_choices(addressees, "Tất cả"))

    def apply(self, queryset: QuerySet[Recommendation], today: dt.date) -> QuerySet[Recommendation]:
        """The rows the valid filters keep (an invalid value is ignored)."""
        self.is_valid()
        wanted = self.cleaned_data
        status = wanted.get("tinh_trang")
        if status == OVERDUE_CHOICE:
            queryset = overdue(queryset, today)
        elif status:
            queryset = queryset.filter(status=status)
        if wanted.get("nam"):
            queryset = queryset.filter(raised_on__year=wanted["nam"])
        if wanted.get("gui_den"):
            queryset = queryset.filter(addressee_id=wanted["gui_den"])
        if wanted.get("q", "").strip():
            queryset = queryset.filter(search_filter(wanted["q"].strip()))
        return queryset


def set_choices(form: forms.Form, name: str, choices: list[tuple[Any, str]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


class OtherBodyForm(forms.Form):
    """A body chosen from a list, or named with its unit (created only when saving)."""

    other_name = forms.CharField(
        label="Hoặc cơ quan khác",
        required=False,
        max_length=200,
        help_text="Ghi tên nếu cơ quan chưa có trong danh sách, ví dụ “Sở Nội vụ”.",
    )
    other_unit = optional_choice("Đơn vị của cơ quan khác")
    body_field = "addressee"

    def setup_bodies(self, bodies: QuerySet[Body], units: QuerySet[Unit]) -> None:
        set_choices(self, self.body_field, body_choices(bodies, "— chọn cơ quan —"))
        set_choices(
            self, "other_unit", [("", "— chọn đơn vị —"), *((u.pk, u.full_name) for u in units)]
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name = data.get("other_name", "").strip()
        if not name and not data.get(self.body_field) and self.body_field not in self.errors:
            self.add_error(self.body_field, NO_ADDRESSEE)
        if name and not data.get("other_unit") and "other_unit" not in self.errors:
            self.add_error("other_unit", NO_BODY_UNIT)
        return data

    def chosen_body(self) -> Body:
        """The named body (created if new: call inside the saving transaction) or the chosen one."""
        name = self.cleaned_data["other_name"].strip()
        if name:
            return body_named(Unit.objects.get(pk=self.cleaned_data["other_unit"]), name)
        return Body.objects.select_related("unit").get(pk=self.cleaned_data[self.body_field])


class NewRecommendationForm(OtherBodyForm):
    topic = forms.CharField(label="Chủ đề", max_length=200, required=False)
    text = forms.CharField(
        label="Nội dung", widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    addressee = optional_choice("Gửi đến")
    assignee = optional_choice("Cơ quan giải quyết")
    deadline = date_field("Hạn giải quyết")
    report_back_to = optional_choice("Báo cáo lại")
    raised_on = date_field("Ngày kiến nghị", required=True)
    conference = optional_choice("Nêu tại hội nghị")
    field_order = ["topic", "text", "addressee", "other_name", "other_unit"]

    def __init__(self, *args: Any, unit: Unit, above: set[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.setup_bodies(bodies_of(above), Unit.objects.filter(pk__in=above).order_by("level"))
        set_choices(self, "assignee", body_choices(bodies_of(above), "— không ghi —"))
        set_choices(
            self, "report_back_to", body_choices(bodies_of({*above, unit.pk}), "— không ghi —")
        )
        conferences = Conference.objects.filter(unit=unit, state="accepted")
        set_choices(
            self,
            "conference",
            [("", "— không ghi —"), *((c.pk, str(c)) for c in conferences)],
        )

    def recommendation_input(self) -> RecommendationInput:
        """The input for `raise_recommendation`; may create the named body (call it inside
        the saving transaction)."""
        data = self.cleaned_data

        def body(name: str) -> Body | None:
            return Body.objects.filter(pk=data[name]).first() if data[name] else None

        conference = data["conference"]
        return RecommendationInput(
            unit=self.unit,
            raised_on=data["raised_on"],
            addressee=self.chosen_body(),
            topic=data["topic"],
            text=data["text"],
            assignee=body("assignee"),
            deadline=data["deadline"],
            report_back_to=body("report_back_to"),
            conference=Conference.objects.filter(pk=conference).first() if conference else None,
        )


class ForwardForm(OtherBodyForm):
    body = optional_choice("Chuyển đến cơ quan")
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    body_field = "body"
    field_order = ["body", "other_name", "other_unit", "note"]

    def __init__(
        self, *args: Any, bodies: QuerySet[Body], units: QuerySet[Unit], **kwargs: Any
    ) -> None:
        kwargs.setdefault("auto_id", "chuyen_%s")  # ids apart from the status form's
        super().__init__(*args, **kwargs)
        self.setup_bodies(bodies, units)


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Chuyển sang tình trạng",
        choices=(),
        error_messages={"required": "Hãy chọn tình trạng mới."},
    )
    answer = forms.CharField(
        label="Nội dung trả lời", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    answered_on = date_field("Ngày trả lời")
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, statuses: Iterable[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offer(statuses)

    def offer(self, statuses: Iterable[str]) -> None:
        labels = dict(status_choices())
        set_choices(self, "status", [(code, labels[code]) for code in statuses])


def add_service_errors(form: forms.Form, error: ValidationError, default: str | None) -> None:
    """Put a service's messages beside the form's fields (unknown fields go to `default`)."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            field = name if name in form.fields else default
            for message in messages:
                form.add_error(field, message)
    else:
        for message in error.messages:
            form.add_error(default, message)
