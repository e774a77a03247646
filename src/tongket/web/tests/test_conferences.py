"""Conference, person, directions and commendation pages, with each role."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from tongket.documents.models import Document
from tongket.indicators.models import Indicator
from tongket.people.models import Person
from tongket.results.models import Target
from tongket.results.services import TargetInput, save_target
from tongket.review.models import Attendance, Commendation, Conference, Direction
from tongket.review.services import AttendeeInput, ConferenceInput, save_conference
from tongket.units.lookup import resolve_unit
from tongket.units.models import Level, Unit

pytestmark = pytest.mark.django_db

CHAIR = "Nguyễn Văn Chủ Trì"


def an_nhon() -> Unit:
    return Unit.objects.get(code="21910", valid_to__isnull=True)  # phường An Nhơn, Gia Lai


def outsider() -> Unit:
    """A former ward of Hà Nội: outside every demo user's scope but the admin's."""
    wards = Unit.objects.filter(parent__parent__code="01", level=Level.COMMUNE)
    return wards.order_by("id").first()  # type: ignore[return-value]


def report(unit: Unit) -> Document:
    return Document.objects.create(
        unit=unit,
        title="Báo cáo tổng kết năm 2023",
        filename="bao-cao.txt",
        file_format="txt",
        sha256="c" * 64,
        text="Báo cáo.",
        year=2023,
    )


def form_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "review",
        "title": "Hội nghị tổng kết công tác năm 2023",
        "held_on": "2023-12-13",
        "time_of_day": "morning",
        "starts_at": "07:30",
        "place": "Hội trường UBND phường",
        "period": "2023",
        "opinions_count": "12",
        "bodies_present": "Đảng ủy phường\nMặt trận Tổ quốc phường",
        "conclusions": "Tập trung hoàn thành các chỉ tiêu năm 2024.",
        "attendee_name": [CHAIR, "Trần Thị Dự", ""],
        "attendee_title": ["Bí thư Đảng ủy phường", "Phó Chủ tịch UBND phường", ""],
        "attendee_part": ["chair", "guest", "guest"],
    }
    data.update(changes)
    return data


def counts() -> tuple[int, int, int]:
    return Conference.objects.count(), Attendance.objects.count(), Person.objects.count()


def new_url(unit: Unit) -> str:
    return reverse("web:conference_new", args=[unit.pk])


def test_office_records_a_conference_with_its_people_and_report(login: Any) -> None:
    unit = an_nhon()
    document = report(unit)
    client = login("vanphong")
    data = form_data(doc=[str(document.pk)], **{f"doc_role_{document.pk}": "report"})
    response = client.post(new_url(unit), data)
    assert response.status_code == 302
    conference = Conference.objects.get(unit=unit, title=data["title"])
    assert conference.bodies_present == ["Đảng ủy phường", "Mặt trận Tổ quốc phường"]
    assert [a.person.full_name for a in conference.attendances.all()] == [CHAIR, "Trần Thị Dự"]
    page = client.get(response["Location"]).content.decode()
    assert "Sáng ngày 13/12/2023, 7 giờ 30" in page
    assert "Hội trường UBND phường" in page
    assert reverse("web:scorecard", args=[unit.pk, "2023"]) in page
    assert reverse("web:document", args=[document.pk]) in page
    chair = conference.attendances.get(part="chair")
    assert reverse("web:person", args=[chair.person_id]) in page
    assert "Bí thư Đảng ủy phường" in page and "12 ý kiến" in page
    listing = client.get(reverse("web:conferences", args=[unit.pk])).content.decode()
    assert data["title"] in listing


def test_a_person_at_two_conferences_is_one_person_with_both_titles(login: Any) -> None:
    unit = an_nhon()
    client = login("lanhdao")
    assert client.post(new_url(unit), form_data()).status_code == 302
    second = form_data(
        title="Hội nghị sơ kết 6 tháng đầu năm 2024",
        kind="midyear",
        held_on="2024-07-10",
        period="2024-h1",
        attendee_name=[CHAIR],
        attendee_title=["Chủ tịch UBND phường"],
        attendee_part=["chair"],
    )
    assert client.post(new_url(unit), second).status_code == 302
    person = Person.objects.get(full_name=CHAIR)
    assert person.attendances.count() == 2
    page = client.get(reverse("web:person", args=[person.pk])).content.decode()
    assert "Bí thư Đảng ủy phường" in page and "Chủ tịch UBND phường" in page
    assert "13/12/2023" in page and "10/07/2024" in page


def test_errors_are_shown_beside_the_fields_and_nothing_is_written(login: Any) -> None:
    client = login("vanphong")
    before = counts()
    bad = form_data(title="  ", period="2023-x")
    page = client.post(new_url(an_nhon()), bad)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Trường này là bắt buộc." in text  # beside the title
    twice = form_data(attendee_name=[CHAIR, CHAIR], attendee_title=["", ""])
    text = client.post(new_url(an_nhon()), twice).content.decode()
    assert "Một người được ghi hai lần trong danh sách người dự." in text
    nameless = form_data(attendee_name=["", CHAIR], attendee_title=["Khách mời", ""])
    text = client.post(new_url(an_nhon()), nameless).content.decode()
    assert "Mỗi người dự phải có họ và tên." in text
    period = form_data(period="2023-q9")
    text = client.post(new_url(an_nhon()), period).content.decode()
    assert "Số kỳ 9 không hợp lệ" in text
    assert counts() == before


def test_editing_replaces_the_people(login: Any) -> None:
    unit = an_nhon()
    conference = save_conference(
        ConferenceInput(unit, "review", "Hội nghị cũ", dt.date(2023, 12, 13))
    )
    client = login("vanphong")
    url = reverse("web:conference_edit", args=[conference.pk])
    assert "Hội nghị cũ" in client.get(url).content.decode()
    assert client.post(url, form_data(title="Hội nghị đã sửa")).status_code == 302
    conference.refresh_from_db()
    assert conference.title == "Hội nghị đã sửa" and conference.version == 2
    assert conference.attendances.count() == 2


def test_superior_views_but_cannot_enter(login: Any) -> None:
    unit = an_nhon()
    conference = save_conference(
        ConferenceInput(unit, "review", "Hội nghị X", dt.date(2023, 12, 13))
    )
    client = login("captren")
    assert client.get(reverse("web:conference", args=[conference.pk])).status_code == 200
    assert client.get(new_url(unit)).status_code == 403
    before = counts()
    assert client.post(new_url(unit), form_data()).status_code == 403
    assert client.get(reverse("web:conference_edit", args=[conference.pk])).status_code == 403
    assert counts() == before


def test_conferences_of_the_merged_wards_are_listed(login: Any) -> None:
    dap_da = resolve_unit("phường Đập Đá", 2023)
    save_conference(ConferenceInput(dap_da, "review", "Hội nghị Đập Đá", dt.date(2023, 12, 13)))
    page = login("vanphong").get(reverse("web:conferences", args=[an_nhon().pk]))
    assert "Hội nghị Đập Đá" in page.content.decode()


def test_outside_the_scope_nothing_exists(login: Any) -> None:
    data = ConferenceInput(
        outsider(),
        "review",
        "Hội nghị nơi khác",
        dt.date(2023, 12, 13),
        attendees=(AttendeeInput("Người Nơi Khác", "Chủ tịch"),),
    )
    conference = save_conference(data)
    person = conference.attendances.get().person
    for role in ("vanphong", "lanhdao", "captren"):
        client = login(role)
        assert client.get(reverse("web:conference", args=[conference.pk])).status_code == 404
        assert client.get(reverse("web:person", args=[person.pk])).status_code == 404
    admin = login("quantri")
    assert admin.get(reverse("web:person", args=[person.pk])).status_code == 200


# Directions and commendations.


def target(unit: Unit, code: str, year: int) -> Target:
    indicator = Indicator.objects.get(code=code)
    return save_target(TargetInput(unit, indicator, year, Decimal(95), comparator=">="))


def test_directions_are_added_and_linked_to_targets_of_their_year(login: Any) -> None:
    unit = an_nhon()
    url = reverse("web:directions", args=[unit.pk, 2027])
    client = login("vanphong")
    texts = "Phát triển kinh tế đô thị\nNâng cao chất lượng y tế"
    assert client.post(url, {"texts": texts}).status_code == 302
    first, second = Direction.objects.filter(unit=unit, year=2027).order_by("order")
    assert (first.order, second.text) == (1, "Nâng cao chất lượng y tế")
    this_year = target(unit, "health_insurance_coverage", 2027)
    other_year = target(unit, "health_insurance_coverage", 2026)
    response = client.post(url, {"direction": second.pk, "target": [this_year.pk]})
    assert response.status_code == 302
    assert list(second.targets.all()) == [this_year]
    page = client.post(url, {"direction": first.pk, "target": [other_year.pk]})
    assert page.status_code == 200
    assert "Chỉ gắn được chỉ tiêu năm 2027" in page.content.decode()
    assert not first.targets.exists()
    assert "Nâng cao chất lượng y tế" in client.get(url).content.decode()


def test_directions_need_text_and_the_right_to_enter(login: Any) -> None:
    unit = an_nhon()
    url = reverse("web:directions", args=[unit.pk, 2027])
    page = login("vanphong").post(url, {"texts": "  \n "})
    assert "Mỗi phương hướng, nhiệm vụ phải có nội dung." in page.content.decode()
    captren = login("captren")
    assert captren.get(url).status_code == 200
    assert captren.post(url, {"texts": "Một nhiệm vụ"}).status_code == 403
    assert not Direction.objects.filter(unit=unit, year=2027).exists()


def commendation(**changes: str) -> dict[str, str]:
    data = {
        "awarding_body": "Chủ tịch UBND phường",
        "form": "giay_khen",
        "recipient_kind": "collective",
        "quantity": "2",
        "reason": "Có thành tích xuất sắc",
    }
    return {**data, **changes}


def test_commendations_are_counted_in_words_and_per_form(login: Any) -> None:
    unit = an_nhon()
    url = reverse("web:commendations", args=[unit.pk, 2024])
    client = login("lanhdao")
    assert client.post(url, commendation()).status_code == 302
    assert client.post(url, commendation(recipient_kind="person", quantity="11")).status_code == 302
    named = commendation(recipient_kind="person", quantity="1", recipient_name="Lê Văn Khen")
    assert client.post(url, named).status_code == 302
    page = client.get(url).content.decode()
    assert "giấy khen cho 2 tập thể, 12 cá nhân" in page
    person = Person.objects.get(full_name="Lê Văn Khen")
    assert reverse("web:person", args=[person.pk]) in page


def test_a_refused_commendation_writes_nothing(login: Any) -> None:
    unit = an_nhon()
    url = reverse("web:commendations", args=[unit.pk, 2024])
    client = login("vanphong")
    named = commendation(recipient_name="Lê Văn Khen")  # a name with quantity 2
    page = client.post(url, named).content.decode()
    assert "Khi ghi tên người/tập thể được khen, số lượng là 1." in page
    assert client.post(url, commendation(awarded_on="2021-01-05")).status_code == 200
    assert not Commendation.objects.filter(unit=unit, year=2024).exists()
    assert login("captren").post(url, commendation()).status_code == 403
