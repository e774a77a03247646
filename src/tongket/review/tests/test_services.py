"""Conferences keep one person across years; commendations are counted per form."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tongket.cycle.awards import tally_sentence
from tongket.people.models import Person
from tongket.results.models import Target
from tongket.review.models import Conference, Direction
from tongket.review.services import (
    AttendeeInput,
    CommendationInput,
    ConferenceInput,
    add_commendation,
    commendation_counts,
    link_targets,
    save_conference,
    save_directions,
)
from tongket.units.models import Unit

pytestmark = pytest.mark.django_db


def ward() -> Unit:
    return Unit.objects.get(code="21910", valid_to__isnull=True)


def conference(day: dt.date, title: str, *attendees: AttendeeInput) -> Conference:
    data = ConferenceInput(
        unit=ward(),
        kind="review",
        title=f"Hội nghị tổng kết năm {day.year - 1}",
        held_on=day,
        time_of_day="morning",
        period=str(day.year - 1),
        opinions_count=8,
        attendees=attendees or (AttendeeInput("Trần Thị Mẫu", title, "chair"),),
    )
    return save_conference(data)


def test_one_person_across_years_with_the_title_of_each_day() -> None:
    first = conference(dt.date(2024, 1, 8), "Phó Bí thư Đảng ủy phường")
    second = conference(dt.date(2025, 1, 9), "Bí thư Đảng ủy phường")
    person = Person.objects.get(full_name="Trần Thị Mẫu")
    assert first.attendances.get().person == second.attendances.get().person == person
    assert person.titles_on(dt.date(2025, 1, 9)) == ["Bí thư Đảng ủy phường"]
    assert person.titles_on(dt.date(2024, 1, 8)) == ["Phó Bí thư Đảng ủy phường"]


def test_a_bad_conference_writes_nothing() -> None:
    before = Conference.objects.count(), Person.objects.count()
    twice = (AttendeeInput("Lê Văn Hai", "Chủ tịch"), AttendeeInput("Lê  Văn Hai", "Chủ tịch"))
    with pytest.raises(ValidationError):
        conference(dt.date(2025, 1, 9), "", *twice)
    data = ConferenceInput(ward(), "picnic", "Hội nghị", dt.date(2025, 1, 9), period="2024-x")
    with pytest.raises(ValidationError) as error:
        save_conference(data)
    assert set(error.value.message_dict) == {"kind", "period"}
    assert (Conference.objects.count(), Person.objects.count()) == before


def award(form: str, kind: str, quantity: int = 1, name: str = "") -> None:
    data = CommendationInput(
        unit=ward(),
        year=2026,
        awarding_body="Đảng ủy phường An Nhơn",
        form=form,
        recipient_kind=kind,
        quantity=quantity,
        recipient_name=name,
    )
    add_commendation(data)


def test_commendation_counts_per_form() -> None:
    award("giay_khen", "collective", 2)
    award("giay_khen", "person", 11)
    award("ky_niem_chuong", "person", name="Trần Thị Mẫu")
    assert tally_sentence(commendation_counts(ward(), 2026)).startswith(
        "giấy khen cho 2 tập thể, 11 cá nhân"
    )
    with pytest.raises(ValidationError):
        award("giay_khen", "person", 3, name="Một người")


def test_directions_link_only_targets_of_their_year() -> None:
    items = save_directions(ward(), 2027, ["Thu ngân sách đạt dự toán", "Giảm nghèo bền vững"])
    assert [d.order for d in items] == [1, 2]
    targets = Target.objects.filter(unit=ward(), state="accepted")
    other_year = targets.exclude(year=2026).first()
    if other_year is not None:
        with pytest.raises(ValidationError):
            link_targets(items[0], [other_year])
    assert Direction.objects.filter(unit=ward(), year=2027).count() == 2
